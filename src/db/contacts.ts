// Contacts: the people the network works with, linked to their organisations by id.
import type { Contact } from '../domain/contact';
import { normalizePhone } from '../domain/duplicate-keys';
import type { NewRecord } from '../domain/record-types';
import { compareLabels, matchesWords, queryWords, withoutInvisible } from '../domain/search';
import type { DataContext } from './context';
import { withoutClocks } from './reads';
import { createRecord } from './writes';

type NewContact = NewRecord<'contacts'>;

/** Creates a person; throws RecordValidationError (with field issues) when a field is invalid. */
export function createContact(context: DataContext, input: NewContact): Promise<Contact> {
  return createRecord(context, 'contacts', input);
}

/** One person, or undefined if unknown or deleted. */
export async function getContact(context: DataContext, id: string): Promise<Contact | undefined> {
  const stored = await context.db.records('contacts').get(id);
  return stored && !stored.deleted ? withoutClocks(stored) : undefined;
}

/** Several people by id, in the order asked, skipping unknown or deleted ones. */
export async function contactsByIds(context: DataContext, ids: readonly string[]): Promise<Contact[]> {
  const stored = await context.db.records('contacts').bulkGet([...ids]);
  return stored.filter((item) => item !== undefined && !item.deleted).map((item) => withoutClocks(item!));
}

interface ContactFilter {
  /** Words matched, accents and case ignored, against name, role, email, phone and tags. */
  query?: string;
  limit?: number;
}

/** A search made only of a phone number's characters (invisible marks of a paste aside). */
const PHONE_QUERY = /^[\d\s.+()-]+$/;

/**
 * The digits of a search that could be a phone number (a French +33 as 0), or '' : « 0612345678 »
 * pasted from a message finds a number stored « 06 12 34 56 78 », « 06.12.34.56.78 » or
 * « +33 6 12 34 56 78 », which its words never did. A second way to match, beside the words:
 * « 2023-2024 » is also a tag's text.
 */
function phoneDigitsOf(query: string): string {
  const visible = withoutInvisible(query);
  return PHONE_QUERY.test(visible) ? normalizePhone(visible) : '';
}

/** People sorted by name (French order); `query` filters, `limit` caps. */
export async function listContacts(context: DataContext, filter: ContactFilter = {}): Promise<Contact[]> {
  const words = queryWords(filter.query ?? '');
  const phoneDigits = phoneDigitsOf(filter.query ?? '');
  const matches = await context.db
    .records('contacts')
    .filter(
      (item) =>
        !item.deleted &&
        ((phoneDigits !== '' && normalizePhone(item.phone).includes(phoneDigits)) ||
          matchesWords(words, [item.name, item.role, item.email, item.phone, ...(item.tags ?? [])])),
    )
    .toArray();
  matches.sort((a, b) => compareLabels(a.name, b.name));
  return (filter.limit === undefined ? matches : matches.slice(0, filter.limit)).map(withoutClocks);
}

/** People linked to an organisation, sorted by name. */
export async function contactsOfOrganisation(context: DataContext, organisationId: string): Promise<Contact[]> {
  const linked = await context.db.records('contacts').where('organisationIds').equals(organisationId).toArray();
  return linked
    .filter((item) => !item.deleted)
    .sort((a, b) => compareLabels(a.name, b.name))
    .map(withoutClocks);
}
