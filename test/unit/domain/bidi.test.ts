import { describe, expect, test } from 'vitest';
import { isolate, joinIsolated } from '../../../src/domain/bidi';

const OVERRIDE = '\u202E';

describe('record text inside the app’s sentences', () => {
  test('is closed in an isolate that also ends an override left open, and kept as typed', () => {
    expect(isolate(`${OVERRIDE}Camille`)).toBe(`\u2068${OVERRIDE}Camille\u2069`);
    expect(`Appeler ${isolate('محمد')} · 06 12 34 56 78`).toBe('Appeler \u2068محمد\u2069 · 06 12 34 56 78');
  });

  test('isolates each piece of a joined line apart and leaves the missing ones out', () => {
    expect(joinIsolated(['35400', null, 'Saint-Malo', '', undefined], ' ')).toBe(
      '\u206835400\u2069 \u2068Saint-Malo\u2069',
    );
    expect(joinIsolated([null, ''], ' · ')).toBe('');
  });
});
