import { render, screen } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { isolate } from '../../../../../src/domain/bidi';
import type { Loan, ToolboxItem } from '../../../../../src/domain/toolbox';
import { STARTER_IDS, STARTER_ITEMS } from '../../../../../src/domain/toolbox/starter';
import { KitLoans } from '../../../../../src/ui/screens/toolbox/KitLoans';

const projector = {
  ...STARTER_ITEMS.find((item) => item.id === STARTER_IDS.projector),
  networkId: 'n',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  updatedBy: '',
  deleted: false,
} as ToolboxItem;

const loan = (n: number, holderName: string): Loan => ({
  id: `01900000-0000-7000-8000-00000000090${n}`,
  networkId: 'n',
  createdAt: '2026-11-03T10:00:00.000Z',
  updatedAt: '2026-11-03T10:00:00.000Z',
  updatedBy: holderName,
  deleted: false,
  itemId: projector.id,
  holderName,
  count: 1,
  borrowedAt: `2026-11-0${n}T10:00:00.000Z`,
  returnedAt: null,
});

describe('who holds a piece of kit, on screen', () => {
  test('two borrows of the one projector made offline are shown as such, with both holders', () => {
    render(<KitLoans item={projector} loans={[loan(3, 'Camille'), loan(4, 'Hugo')]} />);
    expect(screen.getByTestId('kit-status').textContent).toBe('Emprunté');
    expect(screen.getByRole('status').textContent).toContain('2 emprunts pour 1 disponible');
    expect(screen.getAllByTestId('holder').map((holder) => holder.textContent)).toEqual([
      `${isolate('Camille')} l’a depuis le 3 novembre 2026`,
      `${isolate('Hugo')} l’a depuis le 4 novembre 2026`,
    ]);
    expect(screen.queryByRole('button', { name: 'Je l’emprunte' })).toBeNull();
  });

  test('an available projector offers the borrow form, nobody named as holder', () => {
    render(<KitLoans item={projector} loans={[]} />);
    expect(screen.getByTestId('kit-status').textContent).toBe('Disponible');
    expect(screen.getByText('Personne ne l’a emprunté : il est au local.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Je l’emprunte' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Au nom de' })).toBeTruthy();
  });
});
