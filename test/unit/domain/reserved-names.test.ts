import { describe, expect, it } from 'vitest';
import { unfitEntryIn } from '../../../src/domain/reserved-names';
import { validateRecord } from '../../../src/domain/validation';

const visit = {
  id: '0193a1b2-0000-7000-8000-000000000002',
  networkId: 'local',
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
  updatedBy: 'Camille',
  deleted: false,
  visitedAt: '2026-11-28T10:00:00.000Z',
  services: ['inform'],
  notes: 'Rencontre',
};

describe('reserved names', () => {
  it('finds one at any depth, in a key or a dotted segment, and nothing in ordinary data', () => {
    expect(unfitEntryIn(JSON.parse('{"a":{"b":[{"__proto__":1}]}}'))?.path ?? null).toBe('a.b.0.__proto__');
    expect(unfitEntryIn({ 'answers.constructor': 1 })?.path ?? null).toBe('answers.constructor');
    expect(unfitEntryIn({ notes: 'constructor', tags: ['prototype'] })?.path ?? null).toBeNull();
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'a record holding %s is refused with the field, not dropped',
    (key) => {
      const record = JSON.parse(JSON.stringify(visit).replace('{', `{"${key}":{"polluted":true},`));
      const result = validateRecord('visits', record);
      expect(result).toEqual({
        ok: false,
        issues: [{ field: key, type: 'reserved_name', message: `${key} is not a name a field or an entry may have` }],
      });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(validateRecord('visits', visit).ok).toBe(true);
    },
  );
});
