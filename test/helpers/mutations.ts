// Valid pushes for the server suites (contract, fuzz, crash, load, attacks): a visit created or
// edited, or a diagnostic created, by one device, with every field stamped by the device's clock.
import { newId } from '../../src/domain/ids';
import { formatHlc } from '../../src/protocol/hlc';
import type { Mutation } from '../../src/protocol/wire';

/** A device's creation of a record: the stamp every record has, then `fields`, each field with the device's clock. */
export function recordCreation(
  type: Mutation['type'],
  fields: Record<string, unknown>,
  { now, node = '0123456789abcdef', recordId = newId() }: { now: number; node?: string; recordId?: string },
): Mutation {
  const clock = formatHlc({ millis: now, counter: 0, node });
  const at = new Date(now).toISOString();
  const stamped = {
    id: recordId,
    networkId: 'local',
    createdAt: at,
    updatedAt: at,
    updatedBy: 'Camille',
    deleted: false,
    ...fields,
  };
  return {
    id: newId(),
    type,
    recordId,
    fields: stamped,
    clocks: Object.fromEntries(Object.keys(stamped).map((key) => [key, clock])),
  };
}

export function visitCreation(
  now: number,
  node = '0123456789abcdef',
  recordId = newId(),
  notes = 'Rencontre',
): Mutation {
  const visitedAt = new Date(now).toISOString();
  return recordCreation('visits', { visitedAt, services: ['inform'], notes }, { now, node, recordId });
}

/** An edit of a visit's notes, as a device sends it after a creation it knows the clock of. */
export function notesEdit(now: number, recordId: string, notes: string, node = '0123456789abcdef'): Mutation {
  const clock = formatHlc({ millis: now, counter: 0, node });
  const at = new Date(now).toISOString();
  return {
    id: newId(),
    type: 'visits',
    recordId,
    fields: { notes, updatedAt: at, updatedBy: 'Camille' },
    clocks: { notes: clock, updatedAt: clock, updatedBy: clock },
  };
}

/** A diagnostic holding `answers` answers of the given text (a map field, per entry). */
export function diagnosticCreation(now: number, answers: number, text = 'oui', node = '0123456789abcdef'): Mutation {
  const fields = {
    templateId: newId(),
    templateVersion: 1,
    filledOn: new Date(now).toISOString().slice(0, 10),
    answers: Object.fromEntries(
      Array.from({ length: answers }, (_, index) => [`q${index}`, { status: 'answered', value: text }]),
    ),
  };
  return recordCreation('diagnostics', fields, { now, node });
}

/**
 * The device the mutations above come from, as the server knows it once it joined (its id names
 * no device of the store: never revoked, it pushes as any device the store has not revoked).
 */
export const PUSHER = {
  id: '019aa000-0000-7000-8000-000000000001',
  clockNode: '0123456789abcdef',
  memberId: '019aa000-0000-7000-8000-00000000000c',
  memberName: 'Camille',
};
