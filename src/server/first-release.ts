// The first release (0.1.0) predates the compatibility contract (src/protocol/README.md): its
// record schemas refuse any field they do not name, so it could not edit a record a later
// release gave a new field (a lieu's commune codes), and a record of a type it does not know
// stops its sync. It sends no X-Valise-Protocol header; such a client is given records in
// 0.1.0's shape: only the types and fields 0.1.0 knew, listed here once and never to change.
// Its edits send only the fields they change, so what it never saw stays on the server.
import type { Change } from '../protocol/wire';

/** Fields every record of 0.1.0 carried. */
const BASE = ['id', 'networkId', 'createdAt', 'updatedAt', 'updatedBy', 'deleted'];

/** The record types of 0.1.0 and their own fields (its src/domain schemas). */
const FIRST_RELEASE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  organisations: [
    'name',
    'kind',
    'typology',
    'legalStructure',
    'address',
    'postcode',
    'commune',
    'inseeCode',
    'territoryLabel',
    'territoryScale',
    'departement',
    'region',
    'latitude',
    'longitude',
    'website',
    'email',
    'phone',
    'networks',
    'tags',
    'notes',
  ],
  contacts: ['name', 'role', 'organisationIds', 'phone', 'email', 'tags', 'notes', 'consentNote', 'consentDate'],
  visits: [
    'visitedAt',
    'organisationId',
    'placeLabel',
    'contactIds',
    'services',
    'purpose',
    'notes',
    'latitude',
    'longitude',
    'positionAccuracy',
    'diagnosticId',
  ],
  followUps: ['text', 'dueDate', 'owner', 'done', 'doneAt', 'visitId', 'eventId', 'services'],
  diagnosticTemplates: ['family', 'version', 'title', 'description', 'scope', 'sections', 'status'],
  diagnostics: [
    'templateId',
    'templateVersion',
    'organisationId',
    'territoryLabel',
    'visitId',
    'filledOn',
    'answers',
    'sectionComments',
    'setAside',
    'completedAt',
  ],
  events: [
    'title',
    'kind',
    'startsAt',
    'endsAt',
    'timeZone',
    'placeOrganisationId',
    'placeLabel',
    'organisers',
    'services',
    'description',
    'attendees',
  ],
  eventNotes: ['eventId', 'text', 'authorName', 'writtenAt', 'tag', 'followUpId', 'editedAt'],
  toolboxItems: [
    'kind',
    'title',
    'description',
    'link',
    'tags',
    'shelf',
    'attachmentId',
    'availableOffline',
    'status',
    'quantity',
  ],
  loans: ['itemId', 'holderName', 'count', 'borrowedAt', 'returnedAt'],
  packingLists: ['title', 'tripKind', 'isTemplate', 'templateId', 'tripDate', 'itemIds', 'packed', 'notes'],
  attachments: ['ownerType', 'ownerId', 'kind', 'fileName', 'mimeType', 'size', 'sha256', 'width', 'height'],
  conflicts: ['recordType', 'recordId', 'field', 'value', 'clock', 'authorName'],
};

const KNOWN = new Map(
  Object.entries(FIRST_RELEASE_FIELDS).map(([type, fields]) => [type, new Set([...BASE, ...fields])]),
);

/** The clock of a field, or of one entry of a map field ("answers.q12"), names its field first. */
function fieldOf(clockKey: string): string {
  const dot = clockKey.indexOf('.');
  return dot < 0 ? clockKey : clockKey.slice(0, dot);
}

function pick<T>(object: Record<string, T>, keep: (key: string) => boolean): Record<string, T> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => keep(key)));
}

/** A pulled record as 0.1.0 can hold it, or null for a type 0.1.0 does not know. */
export function firstReleaseChange(change: Change): Change | null {
  const fields = KNOWN.get(change.type);
  if (!fields) return null;
  return {
    ...change,
    data: pick(change.data, (key) => fields.has(key)),
    clocks: pick(change.clocks, (key) => key === '*' || fields.has(fieldOf(key))),
  };
}
