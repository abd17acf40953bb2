// Merging two records that are the same lieu or the same person, as a plan of ordinary field
// writes (so it syncs like any edit): the kept record takes the chosen values, every record
// that pointed at the other one points at the kept one, and the other one becomes a tombstone
// with `mergedInto`. The same redirect is planned again by a device that later sees the
// tombstone with its own references to the old id (src/db/merge.ts).
import type { Attachment } from './attachment';
import type { Contact } from './contact';
import type { Diagnostic } from './diagnostic';
import type { NetworkEvent } from './event';
import type { FollowUp } from './follow-up';
import type { Organisation } from './organisation';
import type { RecordType } from './record-types';
import type { Loan } from './toolbox';
import type { Visit } from './visit';

export const MERGEABLE_TYPES = ['organisations', 'contacts'] as const;
export type MergeableType = (typeof MERGEABLE_TYPES)[number];
export type Mergeable = { type: 'organisations'; record: Organisation } | { type: 'contacts'; record: Contact };

/** The records that may point at a lieu or a person (only those that do need be given). */
export interface References {
  visits: readonly Visit[];
  events: readonly NetworkEvent[];
  diagnostics: readonly Diagnostic[];
  contacts: readonly Contact[];
  attachments: readonly Attachment[];
  followUps: readonly FollowUp[];
  loans: readonly Loan[];
}

export type PlannedWrite =
  | { kind: 'update'; type: RecordType; id: string; changes: Record<string, unknown> }
  /** Entries of a map field: attendees move key by key, so concurrent check-ins survive. */
  | { kind: 'entries'; type: 'events'; id: string; field: 'attendees'; entries: Record<string, unknown> };

export type MergeRefusalReason = 'same_record' | 'different_types' | 'already_merged';

export class MergeRefusedError extends Error {
  constructor(readonly reason: MergeRefusalReason) {
    super(`merge refused: ${reason}`);
    this.name = 'MergeRefusedError';
  }
}

/** Fields a person chooses between; the base fields and the merge marker are not theirs. */
const NOT_CHOSEN = new Set(['id', 'networkId', 'createdAt', 'updatedAt', 'updatedBy', 'deleted', 'mergedInto']);

export type MergeChoices = Record<string, 'kept' | 'merged'>;

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Fields whose values differ and are both given: what a person has to choose. */
export function fieldsToChoose(kept: Mergeable, merged: Mergeable): string[] {
  const a = kept.record as Record<string, unknown>;
  const b = merged.record as Record<string, unknown>;
  return Object.keys({ ...a, ...b }).filter(
    (key) =>
      !NOT_CHOSEN.has(key) &&
      !Array.isArray(a[key]) &&
      !isEmpty(a[key]) &&
      !isEmpty(b[key]) &&
      JSON.stringify(a[key]) !== JSON.stringify(b[key]),
  );
}

/**
 * What the kept record becomes: a chosen value where a person chose, otherwise its own value,
 * or the other's where its own is empty; lists (tags, networks, lieux of a person) are joined.
 */
function mergedValues(kept: Mergeable, merged: Mergeable, choices: MergeChoices): Record<string, unknown> {
  const a = kept.record as Record<string, unknown>;
  const b = merged.record as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys({ ...a, ...b })) {
    if (NOT_CHOSEN.has(key)) continue;
    let value: unknown;
    if (Array.isArray(a[key]) || Array.isArray(b[key])) {
      value = [...new Set([...((a[key] as unknown[]) ?? []), ...((b[key] as unknown[]) ?? [])])].filter(
        (item) => item !== merged.record.id,
      );
    } else if (choices[key] === 'merged') value = b[key];
    else value = isEmpty(a[key]) ? b[key] : a[key];
    if (JSON.stringify(value ?? null) !== JSON.stringify(a[key] ?? null)) changes[key] = value ?? null;
  }
  return changes;
}

export function planMerge(
  kept: Mergeable,
  merged: Mergeable,
  choices: MergeChoices,
  references: References,
): PlannedWrite[] {
  if (kept.type !== merged.type) throw new MergeRefusedError('different_types');
  if (kept.record.id === merged.record.id) throw new MergeRefusedError('same_record');
  if (kept.record.deleted || merged.record.deleted) throw new MergeRefusedError('already_merged');
  const writes: PlannedWrite[] = [];
  const values = mergedValues(kept, merged, choices);
  if (Object.keys(values).length > 0)
    writes.push({ kind: 'update', type: kept.type, id: kept.record.id, changes: values });
  const name = (values.name as string | undefined) ?? kept.record.name;
  writes.push(
    ...planRedirect(kept.type, merged.record.id, kept.record.id, references, { from: merged.record.name, to: name }),
  );
  // Taking the merged person's name renames the kept one: the follow-ups and loans under her
  // old name are hers and follow her, or they would name nobody — and no device that later
  // sees the tombstone could move them, since it knows only the merged person's name.
  if (kept.type === 'contacts' && name !== kept.record.name)
    writes.push(...planRenames(references, kept.record.name, name));
  writes.push({
    kind: 'update',
    type: merged.type,
    id: merged.record.id,
    changes: { deleted: true, mergedInto: kept.record.id },
  });
  return writes;
}

const live = <T extends { deleted: boolean }>(records: readonly T[]) => records.filter((record) => !record.deleted);

/**
 * Every reference to `fromId` pointed at `toId` instead. Follow-up owners and loan holders are
 * names, not links: those that name the merged person take the kept person's name.
 */
export function planRedirect(
  type: MergeableType,
  fromId: string,
  toId: string,
  references: References,
  names?: { from: string; to: string },
): PlannedWrite[] {
  const writes: PlannedWrite[] = [];
  const update = (recordType: RecordType, id: string, changes: Record<string, unknown>) =>
    writes.push({ kind: 'update', type: recordType, id, changes });
  const swap = (ids: readonly string[] | undefined) => [
    ...new Set((ids ?? []).map((id) => (id === fromId ? toId : id))),
  ];

  if (type === 'organisations') {
    for (const visit of live(references.visits))
      if (visit.organisationId === fromId) update('visits', visit.id, { organisationId: toId });
    for (const event of live(references.events))
      if (event.placeOrganisationId === fromId) update('events', event.id, { placeOrganisationId: toId });
    for (const diagnostic of live(references.diagnostics))
      if (diagnostic.organisationId === fromId) update('diagnostics', diagnostic.id, { organisationId: toId });
    for (const contact of live(references.contacts))
      if (contact.organisationIds?.includes(fromId))
        update('contacts', contact.id, { organisationIds: swap(contact.organisationIds) });
    for (const attachment of live(references.attachments))
      if (attachment.ownerType === 'organisations' && attachment.ownerId === fromId)
        update('attachments', attachment.id, { ownerId: toId });
  } else {
    for (const visit of live(references.visits))
      if (visit.contactIds?.includes(fromId)) update('visits', visit.id, { contactIds: swap(visit.contactIds) });
    for (const event of live(references.events)) {
      const attendance = event.attendees?.[fromId];
      if (!attendance) continue;
      // The kept person's own check-in wins over the merged one's.
      const entries: Record<string, unknown> = { [fromId]: null };
      if (!event.attendees?.[toId]) entries[toId] = attendance;
      writes.push({ kind: 'entries', type: 'events', id: event.id, field: 'attendees', entries });
    }
    if (names) writes.push(...planRenames(references, names.from, names.to));
  }
  return writes;
}

/** The live follow-ups and loans under the name `from` put under `to` instead. */
export function planRenames(references: References, from: string, to: string): PlannedWrite[] {
  if (from === to) return [];
  return [
    ...live(references.followUps)
      .filter((followUp) => followUp.owner === from)
      .map(
        (followUp): PlannedWrite => ({ kind: 'update', type: 'followUps', id: followUp.id, changes: { owner: to } }),
      ),
    ...live(references.loans)
      .filter((loan) => loan.holderName === from)
      .map((loan): PlannedWrite => ({ kind: 'update', type: 'loans', id: loan.id, changes: { holderName: to } })),
  ];
}

/**
 * Where references to a merged record go now: follows chains (A into B, B into C). Two devices
 * that merged two records into each other leave a loop; every device then picks the same
 * survivor, the smallest id of the loop (`revive`), so they converge.
 */
export function mergeTarget(
  id: string,
  mergedInto: (id: string) => string | null | undefined,
): { target: string; revive: boolean } {
  const chain = [id];
  for (;;) {
    const next = mergedInto(chain.at(-1) as string);
    if (!next) return { target: chain.at(-1) as string, revive: false };
    const loopStart = chain.indexOf(next);
    if (loopStart >= 0) {
      const loop = chain.slice(loopStart).sort();
      return { target: loop[0] as string, revive: true };
    }
    chain.push(next);
  }
}
