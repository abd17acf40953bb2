import { describe, expect, test } from 'vitest';
import type { Loan } from '../../../../src/domain/toolbox';
import { isHeldBy, isOverdue, kitAvailability } from '../../../../src/domain/toolbox/loans';

let n = 0;
const loan = (holderName: string, changes: Partial<Loan> = {}): Loan => {
  n += 1;
  return {
    id: `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    networkId: 'n',
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    updatedBy: holderName,
    deleted: false,
    itemId: '01900000-0000-7000-8000-000000000142',
    holderName,
    count: 1,
    borrowedAt: '2026-11-01T10:00:00.000Z',
    returnedAt: null,
    ...changes,
  };
};

describe('who holds the network’s kit', () => {
  test('one projector borrowed is no longer available, and the holder is named', () => {
    const state = kitAvailability({ quantity: 1 }, [loan('Camille')]);
    expect(state).toMatchObject({ owned: 1, out: 1, available: 0, overBorrowed: false });
    expect(state.holders.map((l) => l.holderName)).toEqual(['Camille']);
  });

  test('two offline borrows of the last projector show as over-borrowed, never a negative count', () => {
    const state = kitAvailability({ quantity: 1 }, [loan('Camille'), loan('Hugo')]);
    expect(state).toMatchObject({ owned: 1, out: 2, available: 0, overBorrowed: true });
    expect(state.holders).toHaveLength(2);
  });

  test('a return, even recorded twice from two devices, gives the piece back once', () => {
    const returned = loan('Camille', { returnedAt: '2026-11-10T10:00:00.000Z' });
    const sameReturnedAgain = { ...returned, returnedAt: '2026-11-10T11:00:00.000Z' };
    const state = kitAvailability({ quantity: 2 }, [sameReturnedAgain, loan('Hugo')]);
    expect(state).toMatchObject({ out: 1, available: 1, overBorrowed: false });
  });

  test('an item without a quantity counts as one, a deleted loan counts for nothing', () => {
    expect(kitAvailability({ quantity: null }, [loan('Léa', { deleted: true })])).toMatchObject({
      owned: 1,
      available: 1,
    });
  });

  test('"je le rends" is offered on the reader’s own loans, whatever the case or spaces of the name', () => {
    expect(isHeldBy(loan('camille '), 'Camille')).toBe(true);
    expect(isHeldBy(loan('Hélène'), ' HÉLÈNE')).toBe(true);
    expect(isHeldBy(loan('Hugo'), 'Camille')).toBe(false);
  });

  test('a loan is overdue once its return day has passed, while it is out', () => {
    const today = '2026-12-05';
    expect(isOverdue(loan('Camille', { dueOn: '2026-12-04' }), today)).toBe(true);
    expect(isOverdue(loan('Camille', { dueOn: '2026-12-05' }), today)).toBe(false);
    expect(isOverdue(loan('Camille', { dueOn: null }), today)).toBe(false);
    expect(isOverdue(loan('Camille', { dueOn: '2026-12-04', returnedAt: '2026-12-05T09:00:00.000Z' }), today)).toBe(
      false,
    );
  });
});
