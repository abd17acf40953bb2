import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { toFieldIssue } from '../../../src/domain/validation';
import { formatHlc } from '../../../src/protocol/hlc';
import { pushRequestSchema, withFieldClocks, withOneClock } from '../../../src/protocol/wire';
import { notesEdit, visitCreation } from '../../helpers/mutations';

const NOW = Date.parse('2026-11-28T10:00:00.000Z');

/** A push as a hostile device writes it: `__proto__` in JSON text is a key like any other. */
function withKey(where: '"fields":{' | '"clocks":{' | '{"id"', key: string): unknown {
  const text = JSON.stringify({ mutations: [visitCreation(NOW)] });
  const planted =
    where === '{"id"'
      ? `{"${key}":{"polluted":true},"id"`
      : `${where}"${key}":"2026-11-28T10:00:00.000Z-0000-0123456789abcdef",`;
  return JSON.parse(text.replace(where, planted));
}

describe('the push schema and reserved names', () => {
  it.each(['__proto__', 'constructor', 'prototype'])(
    'keeps %s in fields and clocks for the push to refuse, never drops it',
    (key) => {
      for (const where of ['"fields":{', '"clocks":{'] as const) {
        const parsed = v.parse(pushRequestSchema, withKey(where, key));
        const mutation = parsed.mutations[0];
        const map = where === '"fields":{' ? mutation?.fields : mutation?.clocks;
        expect(Object.keys(map ?? {})).toContain(key);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
    },
  );

  it('refuses a reserved key of the mutation itself, naming where it is', () => {
    const result = v.safeParse(pushRequestSchema, withKey('{"id"', '__proto__'));
    expect(result.success).toBe(false);
    expect(result.issues?.map(toFieldIssue)).toMatchObject([
      { field: 'mutations.0.__proto__', message: 'mutations.0.__proto__ is not a part of this request (__proto__)' },
    ]);
  });

  it('still refuses a key that is no field name, and a clock that is no clock, with their path', () => {
    const bad = visitCreation(NOW);
    const result = v.safeParse(pushRequestSchema, {
      mutations: [{ ...bad, fields: { ...bad.fields, '1x': 1 }, clocks: { ...bad.clocks, notes: 'hier' } }],
    });
    expect(result.issues?.map(toFieldIssue).map((issue) => issue.field)).toEqual([
      'mutations.0.fields.1x',
      'mutations.0.clocks.notes',
    ]);
  });
});

describe('a mutation sent with one clock', () => {
  it('is the change its long form is: each field’s clock, the exceptions, the base and the resending kept', () => {
    const edit = notesEdit(NOW, visitCreation(NOW).recordId, 'Revue');
    const later = formatHlc({ millis: NOW + 1000, counter: 0, node: '0123456789abcdef' });
    const long = { ...edit, clocks: { ...edit.clocks, notes: later }, base: { notes: '' }, resent: true as const };
    const short = withOneClock(long);
    expect(short.clock).toBe(edit.clocks.updatedAt);
    const expanded = withFieldClocks(v.parse(pushRequestSchema, { mutations: [short] }).mutations[0] as typeof short);
    expect(expanded).toStrictEqual(long);
    expect('clock' in expanded).toBe(false);
  });
});
