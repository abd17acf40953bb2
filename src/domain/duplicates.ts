// Likely duplicates among lieux and people, suggested for a merge: the same name (accents,
// case and punctuation aside) in the same commune, or the same e-mail, or the same phone.
import type { Contact } from './contact';
import {
  DUPLICATE_REASONS,
  type DuplicateReason,
  joinedKeys,
  lieuDuplicateKeys,
  personDuplicateKeys,
  SEPARATOR,
} from './duplicate-keys';
import type { Organisation } from './organisation';

interface DuplicatePair {
  /** The two ids, older record first (the one usually kept). */
  ids: [string, string];
  reason: DuplicateReason;
}

type Candidate = { id: string; createdAt: string; deleted: boolean; keys: [DuplicateReason, string][] };

function pairs(candidates: readonly Candidate[]): DuplicatePair[] {
  const byKey = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    if (candidate.deleted) continue;
    for (const key of joinedKeys(candidate.keys)) byKey.set(key, [...(byKey.get(key) ?? []), candidate]);
  }
  const reasonOf = (key: string) => key.slice(0, key.indexOf(SEPARATOR)) as DuplicateReason;
  const rank = (key: string) => DUPLICATE_REASONS.indexOf(reasonOf(key));
  // Keys by precedence, not by the first record that holds them: a pair sharing two keys gets
  // the same reason from the few records of one page (db/merge.ts duplicatesOf) as from all.
  const groups = [...byKey].sort(([a], [b]) => rank(a) - rank(b));
  const found = new Map<string, DuplicatePair>();
  for (const [key, group] of groups) {
    const reason = reasonOf(key);
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
