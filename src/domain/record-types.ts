// The registry of synced record types: one table on the device, one `type` on the wire.
import type * as v from 'valibot';
import { attachmentSchema } from './attachment';
import { conflictSchema } from './conflict';
import { contactSchema } from './contact';
import { diagnosticSchema, diagnosticTemplateSchema } from './diagnostic';
import { eventNoteSchema, eventSchema } from './event';
import { followUpSchema } from './follow-up';
import { organisationSchema } from './organisation';
import { loanSchema, packingListSchema, toolboxItemSchema } from './toolbox';
import { visitSchema } from './visit';

/** Each type's schema, built when it is first read (see built-once.ts). */
export const RECORD_SCHEMAS = {
  get organisations() {
    return organisationSchema();
  },
  get contacts() {
    return contactSchema();
  },
  get visits() {
    return visitSchema();
  },
  get followUps() {
    return followUpSchema();
  },
  get diagnosticTemplates() {
    return diagnosticTemplateSchema();
  },
  get diagnostics() {
    return diagnosticSchema();
  },
  get events() {
    return eventSchema();
  },
  get eventNotes() {
    return eventNoteSchema();
  },
  get toolboxItems() {
    return toolboxItemSchema();
  },
  get loans() {
    return loanSchema();
  },
  get packingLists() {
    return packingListSchema();
  },
  get attachments() {
    return attachmentSchema();
  },
  get conflicts() {
    return conflictSchema();
  },
};

type Schemas = typeof RECORD_SCHEMAS;
export type RecordType = keyof Schemas;
export type RecordMap = { [K in RecordType]: v.InferOutput<Schemas[K]> };
type RecordInputMap = { [K in RecordType]: v.InferInput<Schemas[K]> };

type BaseField = 'id' | 'networkId' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'deleted';
/** What a caller passes to create a record: its own fields; the data layer stamps the base fields. */
export type NewRecord<K extends RecordType> = Omit<RecordInputMap[K], BaseField> & { id?: string; createdAt?: string };
/** What a caller passes to change a record. */
export type RecordChanges<K extends RecordType> = Partial<
  Omit<RecordInputMap[K], 'id' | 'networkId' | 'createdAt' | 'updatedAt' | 'updatedBy'>
>;

export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];

export function isRecordType(value: unknown): value is RecordType {
  return typeof value === 'string' && Object.hasOwn(RECORD_SCHEMAS, value);
}

/**
 * Long texts people type. When two devices edit one of these concurrently, the losing text
 * is kept as a conflict record instead of being overwritten (never silently dropped).
 */
export const TEXT_FIELDS: { readonly [K in RecordType]: readonly (keyof RecordMap[K] & string)[] } = {
  organisations: ['notes'],
  contacts: ['notes'],
  visits: ['notes'],
  followUps: [],
  diagnosticTemplates: [],
  diagnostics: [],
  events: ['description'],
  eventNotes: ['text'],
  toolboxItems: ['description'],
  loans: [],
  packingLists: ['notes'],
  attachments: [],
  conflicts: [],
};

/**
 * Object fields merged key by key (answers of a diagnostic, attendees of an event, what is
 * packed): two people filling different keys offline both keep their input.
 */
export const MAP_FIELDS: { readonly [K in RecordType]: readonly (keyof RecordMap[K] & string)[] } = {
  organisations: [],
  contacts: [],
  visits: [],
  followUps: [],
  diagnosticTemplates: [],
  diagnostics: ['answers', 'sectionComments', 'setAside'],
  events: ['attendees'],
  eventNotes: [],
  toolboxItems: [],
  loans: [],
  packingLists: ['packed'],
  attachments: [],
  conflicts: [],
};
