// What a device checks of a pulled record before keeping it: each field's kind (a text, a list,
// an object), not the rules of this release, which a later server's records may go past.
import { describe, expect, it } from 'vitest';
import { fieldOfWrongKind } from '../../../src/domain/field-kinds';
import { RECORD_TYPES } from '../../../src/domain/record-types';
import { validateRecord } from '../../../src/domain/validation';
import { sampleRecords } from '../../fixtures/records';

const stamp = {
  networkId: 'network',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  updatedBy: 'Camille',
  deleted: false,
};

function stored<T extends (typeof RECORD_TYPES)[number]>(type: T): Record<string, unknown> {
  const checked = validateRecord(type, { ...sampleRecords()[type], ...stamp });
  if (!checked.ok) throw new Error(`${type}: ${checked.issues[0]?.message}`);
  return checked.value as Record<string, unknown>;
}

describe('the kinds of a pulled record’s fields', () => {
  it('finds none wrong in a valid record of every type, nor in a later release’s values', () => {
    for (const type of RECORD_TYPES) expect(fieldOfWrongKind(type, stored(type)), type).toBeNull();
    const later = {
      ...stored('visits'),
      services: ['detect', 'a_service_added_later'],
      notes: 'Un compte rendu plus long que cette version ne le permet. '.repeat(2000),
      aFieldAddedLater: { nested: [1, 2] },
    };
    expect(fieldOfWrongKind('visits', later)).toBeNull();
  });

  it('names the field whose value is of another kind, at any depth', () => {
    const visit = stored('visits');
    expect(fieldOfWrongKind('visits', { ...visit, services: 5 })).toBe('services');
    expect(fieldOfWrongKind('visits', { ...visit, services: [5] })).toBe('services');
    expect(fieldOfWrongKind('visits', { ...visit, notes: { text: 'x' } })).toBe('notes');
    expect(fieldOfWrongKind('visits', { ...visit, visitedAt: 42 })).toBe('visitedAt');
    const diagnostic = stored('diagnostics');
    expect(fieldOfWrongKind('diagnostics', { ...diagnostic, answers: { q1: 'oui' } })).toBe('answers');
  });
});
