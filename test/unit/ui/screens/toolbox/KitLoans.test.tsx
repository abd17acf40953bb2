import { fireEvent, render, screen } from '@testing-library/preact';
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

const loan = (n: number, holderName: string, dueOn: string | null = null): Loan => ({
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
  dueOn,
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

  test('a loan says when it should be back, and is marked late once that day has passed', () => {
    const projectors = { ...projector, quantity: 3 };
    render(<KitLoans item={projectors} loans={[loan(3, 'Camille', '2026-11-10'), loan(4, 'Hugo', '2999-01-01')]} />);
    expect(screen.getAllByTestId('holder').map((holder) => holder.textContent)).toEqual([
      `${isolate('Camille')} l’a depuis le 3 novembre 2026 · retour prévu le 10 novembre 2026 En retard`,
      `${isolate('Hugo')} l’a depuis le 4 novembre 2026 · retour prévu le 1er janvier 2999`,
    ]);
  });

  test('a return day before today is refused in words, the name kept', () => {
    render(<KitLoans item={projector} loans={[]} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Au nom de' }), { target: { value: 'Camille' } });
    fireEvent.input(screen.getByLabelText(/Retour prévu le/), { target: { value: '2020-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Je l’emprunte' }));
    expect(screen.getByText('Le retour prévu ne peut pas être avant aujourd’hui.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Au nom de' }) as HTMLInputElement).value).toBe('Camille');
  });
});
