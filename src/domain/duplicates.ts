// Likely duplicates among lieux and people, suggested for a merge: the same name (accents,
// case and punctuation aside) in the same commune, or the same e-mail, or the same phone.
import type { Contact } from './contact';
import type { Organisation } from './organisation';
import { normalizeForSearch } from './search';

export type DuplicateReason = 'name_commune' | 'name' | 'email' | 'phone';

interface DuplicatePair {
  /** The two ids, older record first (the one usually kept). */
  ids: [string, string];
  reason: DuplicateReason;
}

/** Digits only, a French +33 number as its 0 form: "06 12 34 56 78" = "+33 6 12 34 56 78". */
export function normalizePhone(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/[^0-9+]/g, '');
  const national = digits.startsWith('+33') ? `0${digits.slice(3)}` : digits.replace(/\+/g, '');
  return national.length >= 6 ? national : '';
}

const normalizeEmail = (email: string | null | undefined) => (email ?? '').trim().toLowerCase();

type Candidate = { id: string; createdAt: string; deleted: boolean; keys: [DuplicateReason, string][] };

/** Where a joined key's reason ends and its value begins. */
const SEPARATOR = '\u0000';

/**
 * The keys two likely duplicates share, each reason and value joined in one string (empty
 * values left out): what pairs records, and what a device indexes them by (db/duplicate-keys.ts).
 */
export function joinedKeys(keys: readonly [DuplicateReason, string][]): string[] {
  return keys.flatMap(([reason, value]) => (value ? [`${reason}${SEPARATOR}${value}`] : []));
}

function pairs(candidates: readonly Candidate[]): DuplicatePair[] {
  const byKey = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    if (candidate.deleted) continue;
    for (const key of joinedKeys(candidate.keys)) byKey.set(key, [...(byKey.get(key) ?? []), candidate]);
  }
  const found = new Map<string, DuplicatePair>();
  for (const [key, group] of byKey) {
    const reason = key.slice(0, key.indexOf(SEPARATOR)) as DuplicateReason;
    const sorted = [...group].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) {
        const ids: [string, string] = [(sorted[i] as Candidate).id, (sorted[j] as Candidate).id];
        const pairKey = ids.join(' ');
        if (!found.has(pairKey)) found.set(pairKey, { ids, reason });
      }
  }
  return [...found.values()];
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

export function lieuDuplicates(lieux: readonly Organisation[]): DuplicatePair[] {
  return pairs(
    lieux.map((lieu) => ({
      id: lieu.id,
      createdAt: lieu.createdAt,
      deleted: lieu.deleted,
      keys: lieuDuplicateKeys(lieu),
    })),
  );
}

/** What makes two people likely the same: a name, an e-mail, a phone (empty ones ignored). */
export function personDuplicateKeys(person: Pick<Contact, 'name' | 'email' | 'phone'>): [DuplicateReason, string][] {
  return [
    ['name', normalizeForSearch(person.name)],
    ['email', normalizeEmail(person.email)],
    ['phone', normalizePhone(person.phone)],
  ];
}

export function personDuplicates(people: readonly Contact[]): DuplicatePair[] {
  return pairs(
    people.map((person) => ({
      id: person.id,
      createdAt: person.createdAt,
      deleted: person.deleted,
      keys: personDuplicateKeys(person),
    })),
  );
}
