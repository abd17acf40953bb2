// What an import of lieux will do, line by line, before anything is written: a line that is a
// likely duplicate (duplicates.ts: same name in the same commune, same e-mail or phone) of a
// stored lieu, or of an earlier line of the file, is merged into it (its empty fields filled,
// tags joined); any other valid line adds a lieu; the rest are refused with their reason. The
// preview shows this plan, and the write computes it again inside its transaction.
import { type DuplicateReason, lieuDuplicateKeys } from './duplicate-keys';
import { MAX_TAGS } from './fields';
import type { LieuImportProblem, LieuInput, MappedLieuLine } from './lieu-import';
import type { Organisation } from './organisation';

export type PlannedLieuLine =
  | { line: number; outcome: 'add'; name: string }
  | {
      line: number;
      outcome: 'merge';
      name: string;
      /** The stored lieu, or the earlier line of the file, it is merged into. */
      into: { id: string | null; line: number | null; name: string };
      reason: DuplicateReason;
    }
  | { line: number; outcome: 'refuse'; problem: LieuImportProblem };

export interface LieuImportPlan {
  lines: PlannedLieuLine[];
  /** The lieux to create, each with the lines merged into it. */
  creates: LieuInput[];
  /** Changes of stored lieux, by id. */
  updates: Map<string, Partial<LieuInput>>;
}

/** Fields a merge fills only where the kept lieu has nothing. */
const FILLED = [
  'typology',
  'legalStructure',
  'address',
  'postcode',
  'commune',
  'inseeCode',
  'departement',
  'departementCode',
  'region',
  'regionCode',
  'epci',
  'epciCode',
  'website',
  'email',
  'phone',
  'latitude',
  'longitude',
  'notes',
] as const;

const empty = (value: unknown) => value === null || value === undefined || value === '';

/** The imported values of the fields `kept` leaves empty, and both their tags. */
function filled(kept: Partial<LieuInput>, imported: LieuInput): Partial<LieuInput> {
  const changes: Record<string, unknown> = {};
  for (const key of FILLED) if (empty(kept[key]) && !empty(imported[key])) changes[key] = imported[key];
  const tags = [...new Set([...(kept.tags ?? []), ...(imported.tags ?? [])])];
  if (tags.length !== (kept.tags ?? []).length) changes.tags = tags;
  return changes as Partial<LieuInput>;
}

/** How many lines of a plan (or of the report of its writing) add a lieu, merge into one, or are refused. */
export function outcomeCounts(lines: readonly PlannedLieuLine[]): Record<PlannedLieuLine['outcome'], number> {
  const counts = { add: 0, merge: 0, refuse: 0 };
  for (const line of lines) counts[line.outcome] += 1;
  return counts;
}

/**
 * The plan built line by line, in the file's order (a long file is planned in slices between
 * paints). Each line is merged into what it duplicates — a stored lieu first (the oldest), else
 * the earliest line sharing one of its keys — and, through a chain of merged lines, into the
 * lieu that chain finally lands on.
 */
export function lieuImportPlanner(stored: readonly Organisation[]) {
  const live = stored
    .filter((lieu) => !lieu.deleted)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  /** Each key's first holder: a stored lieu's id, or an accepted line's number. */
  const holders = new Map<string, string | number>();
  const hold = (keys: [DuplicateReason, string][], holder: string | number) => {
    for (const [reason, value] of keys) {
      const key = `${reason}\u0000${value}`;
      if (value && !holders.has(key)) holders.set(key, holder);
    }
  };
  for (const lieu of live) hold(lieuDuplicateKeys(lieu), lieu.id);

  const byId = new Map<string, Organisation>(live.map((lieu) => [lieu.id, lieu]));
  /** Lieux to create, by the line that adds them, with the lines merged into them. */
  const creates = new Map<number, LieuInput>();
  const updates = new Map<string, Partial<LieuInput>>();
  /** The lieu (stored id, or line adding it) each accepted line lands on. */
  const landsOn = new Map<number, string | number>();
  const lines: PlannedLieuLine[] = [];

  const add = (mapped: readonly MappedLieuLine[]) => {
    for (const mappedLine of mapped) {
      if ('problem' in mappedLine) {
        lines.push({ line: mappedLine.line, outcome: 'refuse', problem: mappedLine.problem });
        continue;
      }
      const { line, lieu } = mappedLine;
      const keys = lieuDuplicateKeys(lieu);
      const match = duplicateOf(keys);
      if (!match) {
        hold(keys, line);
        creates.set(line, lieu);
        landsOn.set(line, line);
        lines.push({ line, outcome: 'add', name: lieu.name });
        continue;
      }
      const target = typeof match.holder === 'number' ? (landsOn.get(match.holder) as string | number) : match.holder;
      const kept = (
        typeof target === 'number' ? creates.get(target) : { ...byId.get(target), ...updates.get(target) }
      ) as Partial<LieuInput> & { name: string };
      const changes = filled(kept, lieu);
      // Tags add up over merged lines: past a record's limit the write would fail the whole file.
      if ((changes.tags?.length ?? 0) > MAX_TAGS) {
        const tags = changes.tags?.length ?? 0;
        lines.push({ line, outcome: 'refuse', problem: { kind: 'tooManyTags', into: kept.name, tags } });
        continue;
      }
      hold(keys, line);
      landsOn.set(line, target);
      if (typeof target === 'number') creates.set(target, { ...(kept as LieuInput), ...changes });
      else if (Object.keys(changes).length > 0) updates.set(target, { ...updates.get(target), ...changes });
      lines.push({
        line,
        outcome: 'merge',
        name: lieu.name,
        into: {
          id: typeof target === 'number' ? null : target,
          line: typeof target === 'number' ? target : null,
          name: kept.name,
        },
        reason: match.reason,
      });
    }
  };

  /** The earliest holder of one of these keys: a stored lieu before any line. */
  const duplicateOf = (keys: [DuplicateReason, string][]) => {
    let found: { holder: string | number; reason: DuplicateReason } | null = null;
    for (const [reason, value] of keys) {
      const holder = value ? holders.get(`${reason}\u0000${value}`) : undefined;
      if (holder === undefined) continue;
      if (!found || rank(holder) < rank(found.holder)) found = { holder, reason };
    }
    return found;
  };

  return {
    add,
    plan: (): LieuImportPlan => ({ lines: [...lines], creates: [...creates.values()], updates: new Map(updates) }),
  };
}

/** Stored lieux before lines of the file, lines in the file's order. */
function rank(holder: string | number): number {
  return typeof holder === 'number' ? holder : -1;
}
