// The schema step that gave members ids, the same on both stores: devices get their member's
// id, and each event note its author's (`authorId`), which decide from then on who may change it.

import { newId } from '../../domain/ids';
import { clockOf, type FieldClocks } from '../../domain/merge';

/**
 * Member ids by network and name. A store that had none grouped devices by the name they
 * joined with, and judged a note's author by it: the devices that shared a name are one member,
 * so everyone keeps the notes they could change. (A stranger who joined under a colleague's
 * name before this step stays that colleague: admins see such a device in the list and revoke it.)
 */
export class MembersByName {
  private readonly ids = new Map<string, string>();

  /** The member of `name` in `networkId`, a new one the first time it is asked for. */
  of(networkId: string, name: string): string {
    const key = JSON.stringify([networkId, name]);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = newId();
      this.ids.set(key, id);
    }
    return id;
  }

  /** A device's member id already given (a step that ran before on part of the devices). */
  know(networkId: string, name: string, id: string): void {
    this.ids.set(JSON.stringify([networkId, name]), id);
  }
}

/**
 * A stored note with its author's member id, under its name's clock (the id is as old as the
 * name it was taken from). A note whose name no device joined with gets a member no device
 * holds (only an admin changes it). An `authorId` a device sent before servers knew the field
 * is replaced: any device could have claimed one.
 */
export function noteWithAuthorId(
  networkId: string,
  data: Record<string, unknown>,
  clocks: FieldClocks,
  members: MembersByName,
): { data: string; clocks: string } {
  const authorId = members.of(networkId, typeof data.authorName === 'string' ? data.authorName : '');
  const clock = clockOf(clocks, 'authorName');
  const stamped: FieldClocks = clockOf(clocks, 'authorId') === clock ? clocks : { ...clocks, authorId: clock };
  return { data: JSON.stringify({ ...data, authorId }), clocks: JSON.stringify(stamped) };
}
