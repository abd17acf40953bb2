// What an import of lieux will do, line by line, before anything is written: a line that is a
// likely duplicate (duplicates.ts: same name in the same commune, same e-mail or phone) of a
// stored lieu, or of an earlier line of the file, is merged into it (its empty fields filled,
// tags joined); any other valid line adds a lieu; the rest are refused with their reason. The
// preview shows this plan, and the write computes it again inside its transaction.
import { type DuplicateReason, lieuDuplicates } from './duplicates';
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

const PENDING = 'import-line:';

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

export function planLieuImport(stored: readonly Organisation[], mapped: readonly MappedLieuLine[]): LieuImportPlan {
  const live = stored.filter((lieu) => !lieu.deleted);
  const accepted = mapped.flatMap((line) => ('lieu' in line ? [line] : []));
  const candidates = accepted.map(
    ({ line, lieu }) =>
      ({ ...lieu, id: `${PENDING}${line}`, createdAt: '', deleted: false }) as unknown as Organisation,
  );
  // Each line points at what it duplicates: a stored lieu first, else the earliest line.
  const duplicateOf = new Map<string, { id: string; reason: DuplicateReason }>();
  for (const { ids, reason } of lieuDuplicates([...live, ...candidates])) {
    const [older, newer] = rank(ids[0]) < rank(ids[1]) ? ids : [ids[1], ids[0]];
    const known = duplicateOf.get(newer);
    if (newer.startsWith(PENDING) && (!known || rank(older) < rank(known.id)))
      duplicateOf.set(newer, { id: older, reason });
  }

  const byId = new Map<string, Organisation>(live.map((lieu) => [lieu.id, lieu]));
  const creates = new Map<string, LieuInput>();
  const updates = new Map<string, Partial<LieuInput>>();
  const planned = new Map<number, PlannedLieuLine>();
  const lineOf = (id: string) => Number(id.slice(PENDING.length));
  /** Follows a line merged into a line merged into…: the lieu it finally lands on. */
  const root = (id: string): string => {
    const next = duplicateOf.get(id);
    return next ? root(next.id) : id;
  };
  for (const { line, lieu } of accepted) {
    const id = `${PENDING}${line}`;
    const match = duplicateOf.get(id);
    if (!match) {
      creates.set(id, lieu);
      planned.set(line, { line, outcome: 'add', name: lieu.name });
      continue;
    }
    const target = root(id);
    if (target.startsWith(PENDING)) {
      const kept = creates.get(target) as LieuInput;
      creates.set(target, { ...kept, ...filled(kept, lieu) });
    } else {
      const kept = { ...byId.get(target), ...updates.get(target) } as Partial<LieuInput>;
      const changes = filled(kept, lieu);
      if (Object.keys(changes).length > 0) updates.set(target, { ...updates.get(target), ...changes });
    }
    const pending = target.startsWith(PENDING);
    planned.set(line, {
      line,
      outcome: 'merge',
      name: lieu.name,
      into: {
        id: pending ? null : target,
        line: pending ? lineOf(target) : null,
        name: pending ? (creates.get(target) as LieuInput).name : (byId.get(target) as Organisation).name,
      },
      reason: match.reason,
    });
  }
  const lines = mapped.map(
    (line): PlannedLieuLine =>
      'problem' in line
        ? { line: line.line, outcome: 'refuse', problem: line.problem }
        : (planned.get(line.line) as PlannedLieuLine),
  );
  return { lines, creates: [...creates.values()], updates };
}

/** Stored lieux before lines of the file, lines in the file's order. */
function rank(id: string): number {
  return id.startsWith(PENDING) ? Number(id.slice(PENDING.length)) : -1;
}
