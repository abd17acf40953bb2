// "Ajouter un suivi" drew an empty follow-up and left the focus on the button: on a phone the
// concierge had to find and tap the new field before typing (the new-user day, WebKit at 360).
import { fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { beforeEach, expect, test } from 'vitest';
import { uiStore } from '../../../../../src/state/ui';
import { FollowUpRows } from '../../../../../src/ui/screens/visits/form/FormParts';
import type { FollowUpRow } from '../../../../../src/ui/screens/visits/form/values';

function Rows({ first }: { first: FollowUpRow[] }) {
  const [rows, setRows] = useState(first);
  return <FollowUpRows rows={rows} onChange={setRows} errors={{}} />;
}

beforeEach(() => {
  uiStore.setState({ lang: 'fr' });
});

test('a follow-up just added takes the focus, ready to be typed', () => {
  render(<Rows first={[{ key: 'a', text: 'Envoyer les statuts', dueDate: '2026-12-06' }]} />);
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter un suivi' }));
  expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'À faire 2' }));
});

test('typing into a follow-up keeps the focus where it is', () => {
  render(
    <Rows
      first={[
        { key: 'a', text: '', dueDate: '' },
        { key: 'b', text: '', dueDate: '' },
      ]}
    />,
  );
  const first = screen.getByRole('textbox', { name: 'À faire 1' });
  first.focus();
  fireEvent.input(first, { target: { value: 'Rappeler la mairie' } });
  expect(document.activeElement).toBe(first);
});

// "Retirer ce suivi" disappears with its row: the focus fell to the page's start (every engine).
test('removing a follow-up gives the focus to the row in its place, else the one before, else « Ajouter un suivi »', () => {
  render(
    <Rows
      first={[
        { key: 'a', text: 'Rappeler la mairie', dueDate: '' },
        { key: 'b', text: 'Envoyer les statuts', dueDate: '' },
      ]}
    />,
  );
  const remove = () => screen.getAllByRole('button', { name: 'Retirer ce suivi' });
  fireEvent.click(remove()[0] as HTMLElement);
  expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'À faire 1' }));
  expect((document.activeElement as HTMLInputElement).value).toBe('Envoyer les statuts');

  fireEvent.click(screen.getByRole('button', { name: 'Ajouter un suivi' }));
  fireEvent.click(remove()[1] as HTMLElement);
  expect((document.activeElement as HTMLInputElement).value).toBe('Envoyer les statuts');

  fireEvent.click(remove()[0] as HTMLElement);
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ajouter un suivi' }));
});
