// The server checks pushed records with compiled schemas: they must accept exactly what
// valibot accepts, with the same output (trimmed texts, defaults, key order), and leave every
// refusal to valibot's words.
import { describe, expect, it } from 'vitest';
import { RECORD_TYPES, type RecordType } from '../../src/domain/record-types';
import { validateRecord, validateShape } from '../../src/domain/validation';
import { validateRecordFast, validateShapeFast } from '../../src/server/push/compiled-validation';
import { sampleRecords } from '../fixtures/records';

const AT = '2026-11-28T10:00:00.000Z';
const OTHER_ID = '01a2249d-1778-7775-a433-d6a687fef917';

/** What strangers send in place of a field, an entry or an item. */
const HOSTILE: unknown[] = [
  undefined,
  null,
  '',
  '  entouré d’espaces  ',
  'x'.repeat(201),
  'x'.repeat(20_001),
  0,
  -1,
  1.5,
  100_001,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  ['x'],
  [OTHER_ID],
  {},
  { status: 'answered', value: 3 },
  { status: 'present' },
  '2026-13-01',
  '2026-11-28',
  AT,
  'not-an-id',
  OTHER_ID,
  'Europe/Paris',
  'Mars/Olympus',
  'javascript:alert(1)',
  'https://exemple.fr',
  ' camille@exemple.fr ',
  '35400',
  '2A004',
  'toString',
  'tiers_lieu',
  'valeur_future',
  'Pas Une Clé',
];

function fullRecord(type: RecordType): Record<string, unknown> {
  return {
    ...sampleRecords()[type],
    networkId: 'network',
    createdAt: AT,
    updatedAt: AT,
    updatedBy: 'Camille',
    deleted: false,
  };
}

/** The record with the value at `path` replaced (undefined: the key removed). */
function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  if (rest.length === 0 && by === undefined && !Array.isArray(value)) delete copy[head];
  else copy[head] = replaced(copy[head], rest, by);
  return copy;
}

/** Every path of a value, to a depth of four. */
function pathsOf(value: unknown, depth = 0): (string | number)[][] {
  if (depth > 4 || value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const step = Array.isArray(value) ? Number(key) : key;
    return [[step], ...pathsOf((value as Record<string, unknown>)[key], depth + 1).map((rest) => [step, ...rest])];
  });
}

function variantsOf(record: Record<string, unknown>): unknown[] {
  const variants: unknown[] = [record, { ...record, futureField: 'carried' }, JSON.parse('{"__proto__": 1}')];
  for (const path of pathsOf(record)) for (const by of HOSTILE) variants.push(replaced(record, path, by));
  return variants;
}

describe('compiled record schemas', () => {
  it.each(RECORD_TYPES)('accept and refuse %s records as valibot does, with the same output', (type) => {
    const record = fullRecord(type);
    expect(validateShape(type, record).ok).toBe(true);
    let refused = 0;
    for (const input of variantsOf(record)) {
      const expected = validateShape(type, input);
      if (!expected.ok) refused += 1;
      const shape = validateShapeFast(type, input);
      expect(shape).toStrictEqual(expected);
      expect(JSON.stringify(shape)).toBe(JSON.stringify(expected));
      expect(validateRecordFast(type, input)).toStrictEqual(validateRecord(type, input));
    }
    // The variants reach refusals of every record type, not only acceptances.
    expect(refused).toBeGreaterThan(10);
  });
});
