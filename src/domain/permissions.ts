// Who may change what. The server enforces it on every mutation; the UI uses the same rule
// to hide what a role cannot do.
import type { RecordType } from './record-types';
import type { Role } from './vocabulary';

interface WriteAttempt {
  role: Role;
  type: RecordType;
  /** The record as stored before the write; null for a creation. */
  existing: Record<string, unknown> | null;
  /** The changed top-level fields and their new values. */
  fields: Record<string, unknown>;
  /**
   * Another record as stored, or null when it is not held: for an attachment, the record it
   * belongs to. Without it, an attachment is judged on its own.
   */
  recordOf?: (type: RecordType, id: string) => Record<string, unknown> | null;
  /**
   * The member writing, as the server knows them (the member id its device joined as; not its
   * name, which anyone invited could type): an event note's words are its author's. Absent, a
   * note's author is not judged (a device deciding what to send back to a restored server does
   * not know whose change it would be).
   */
  memberId?: string;
  /**
   * The record is given back whole to a server restored from a backup (src/db/server-epoch.ts):
   * a conflict's settling comes back as a copy that differs from the server's only by `deleted`.
   */
  resent?: boolean;
  /**
   * A conflict given back carries the seal its network's server gave it (the server checks it,
   * src/server/push/conflict-seal.ts): the restored server made it, and takes it back, open or
   * settled. Any other creation of a conflict is refused: the server's word on who typed its
   * text could then be forged.
   */
  sealed?: boolean;
}

const BOOKKEEPING = new Set(['updatedAt', 'updatedBy']);
/** What anyone may change in another's event note: the follow-up made from it (followUpFromNote). */
const NOTE_FIELDS_FOR_ALL = new Set(['followUpId']);

/** Returns why the write is refused, or null when it is allowed. */
export function refusal({
  role,
  type,
  existing,
  fields,
  recordOf,
  memberId,
  resent,
  sealed,
}: WriteAttempt): string | null {
  if (type === 'conflicts' && existing === null && !(resent && sealed))
    return 'conflicts are created by the server only';
  if (role === 'admin') return null;
  const changed = Object.keys(fields).filter((key) => !BOOKKEEPING.has(key));
  switch (type) {
    case 'diagnosticTemplates':
      return 'only an admin can change diagnostic templates';
    case 'conflicts': {
      // Given back whole: what it changes is told by its values (a copy as stored changes nothing;
      // one the server sealed, given back settled, is settled by whoever gives it back).
      const conflict = existing ?? fields;
      let settling = changed;
      if (existing === null) settling = fields.deleted === true ? ['deleted'] : [];
      else if (resent) settling = changed.filter((key) => fields[key] !== existing[key]);
      if (!settling.every((key) => key === 'deleted')) return 'a conflict can only be resolved';
      if (settling.length === 0) return null;
      // Settling a note's conflict picks its words: its author's choice, as changing them is.
      const note =
        memberId !== undefined && conflict.recordType === 'eventNotes'
          ? recordOf?.('eventNotes', String(conflict.recordId))
          : null;
      return note && note.authorId !== memberId ? 'only its author can settle an event note’s conflict' : null;
    }
    case 'toolboxItems': {
      if (existing === null) return fields.status === 'suggested' ? null : 'a concierge can only suggest toolbox items';
      if (existing.status !== 'suggested') return 'only an admin can change a published toolbox item';
      return 'status' in fields && fields.status !== 'suggested' ? 'only an admin can publish a toolbox item' : null;
    }
    case 'attachments': {
      // A published item's file is part of the item: replacing it, adding one or moving one
      // onto the item would change what only an admin may change.
      const published = toolboxItemsOfFile(existing, fields).some((id) => {
        const item = recordOf?.('toolboxItems', id);
        return item !== null && item !== undefined && item.status !== 'suggested';
      });
      return published ? 'only an admin can change the file of a published toolbox item' : null;
    }
    case 'eventNotes':
      // The app lets only a note's author edit or delete it (event-notes.ts). A value sent again
      // as it is stored changes nothing and is not refused; nor is one that would lose the merge,
      // which the server leaves out of `fields` (plan.ts): a device giving a restored server back
      // a colleague's note is refused only where its copy is newer than the server's.
      return memberId !== undefined &&
        existing !== null &&
        existing.authorId !== memberId &&
        changed.some((key) => !NOTE_FIELDS_FOR_ALL.has(key) && fields[key] !== existing[key])
        ? 'only its author can change or delete an event note'
        : null;
    default:
      return null;
  }
}

/** The toolbox items an attachment belongs to before and after a write (`existing` null: a creation). */
function toolboxItemsOfFile(existing: Record<string, unknown> | null, fields: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (const owner of [existing, existing ? { ...existing, ...fields } : fields]) {
    if (owner?.ownerType === 'toolboxItems' && typeof owner.ownerId === 'string') ids.push(owner.ownerId);
  }
  return ids;
}
