import { describe, expect, test } from 'vitest';
import { changedSince } from '../../../src/domain/form-changes';

describe('changedSince', () => {
  const opened = { name: 'Ana Diaz', role: null as string | null, services: ['support_projects'], notes: 'Atelier' };

  test('keeps only the fields that differ from the form as it opened', () => {
    expect(changedSince({ ...opened, role: 'Maire adjointe' }, opened)).toEqual({ role: 'Maire adjointe' });
  });

  test('a field cleared, or a list changed, counts as changed', () => {
    expect(changedSince({ ...opened, notes: '', services: [] }, opened)).toEqual({ notes: '', services: [] });
    expect(changedSince({ ...opened, role: null, name: 'Ana' }, { ...opened, role: 'Maire' })).toEqual({
      role: null,
      name: 'Ana',
    });
  });

  test('nothing changed gives nothing to write', () => {
    expect(changedSince({ ...opened, services: ['support_projects'] }, opened)).toEqual({});
  });
});
