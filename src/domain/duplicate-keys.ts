// What makes two lieux or two people likely the same (duplicates.ts pairs them): a name (in
// its commune for a lieu), an e-mail, a phone, normalised. Apart from the pairing because every
// write of a lieu or a person computes them for its index (db/derived-key-writes.ts), which has
// no use for the pairing.
import type { Contact } from './contact';
import type { Organisation } from './organisation';
import { normalizeForSearch, withoutInvisible } from './search';

/**
 * Why two records are likely the same, in order of precedence: two records sharing several
 * keys are named by the first (every record's keys are listed in this order), so a pair has
 * the same reason however the records were read.
 */
export const DUPLICATE_REASONS = ['name_commune', 'name', 'email', 'phone'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** Digits only, a French +33 number as its 0 form: "06 12 34 56 78" = "+33 6 12 34 56 78". */
export function normalizePhone(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/[^0-9+]/g, '');
  const national = digits.startsWith('+33') ? `0${digits.slice(3)}` : digits.replace(/\+/g, '');
  return national.length >= 6 ? national : '';
}

const normalizeEmail = (email: string | null | undefined) =>
  withoutInvisible(email ?? '')
    .trim()
    .toLowerCase();

/** Where a joined key's reason ends and its value begins. */
export const SEPARATOR = '\u0000';

/**
 * The keys two likely duplicates share, each reason and value joined in one string (empty
 * values left out): what pairs records, and what a device indexes them by (db/derived-key-writes.ts).
 */
export function joinedKeys(keys: readonly [DuplicateReason, string][]): string[] {
  return keys.flatMap(([reason, value]) => (value ? [`${reason}${SEPARATOR}${value}`] : []));
}

/** What makes two lieux likely the same: a name in a commune, an e-mail, a phone (empty ones ignored). */
export function lieuDuplicateKeys(
  lieu: Pick<Organisation, 'name' | 'commune' | 'inseeCode' | 'email' | 'phone'>,
): [DuplicateReason, string][] {
  const place = lieu.inseeCode || normalizeForSearch(lieu.commune ?? '');
  return [
    ['name_commune', place ? `${normalizeForSearch(lieu.name)}@${place}` : ''],
    ['email', normalizeEmail(lieu.email)],
    ['phone', normalizePhone(lieu.phone)],
  ];
}

/** What makes two people likely the same: a name, an e-mail, a phone (empty ones ignored). */
export function personDuplicateKeys(person: Pick<Contact, 'name' | 'email' | 'phone'>): [DuplicateReason, string][] {
  return [
    ['name', normalizeForSearch(person.name)],
    ['email', normalizeEmail(person.email)],
    ['phone', normalizePhone(person.phone)],
  ];
}
