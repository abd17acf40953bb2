// The lieu picker reads its candidates for what is typed: until that search answers, it must not
// offer to create the typed name, or a known lieu typed quickly (and Enter, which creates when
// nothing is shown) would be created a second time.
import { fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { beforeEach, expect, test, vi } from 'vitest';
import { appData } from '../../../../src/db/app-data';
import { createOrganisation } from '../../../../src/db/organisations';
import { uiStore } from '../../../../src/state/ui';
import { RecordPicker } from '../../../../src/ui/components/RecordPicker';

beforeEach(() => {
  uiStore.setState({ lang: 'fr' });
});

function LieuPicker({ onCreate }: { onCreate: (text: string) => void }) {
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <RecordPicker type="organisations" label="Lieu" selected={selected} onChange={setSelected} onCreate={onCreate} />
  );
}

const search = () => screen.getByRole('searchbox', { name: 'Chercher\u00a0: Lieu' });

test('a known lieu typed before its search answers is neither offered for creation nor created by Enter', async () => {
  await createOrganisation(await appData(), { name: 'La Forge des Possibles', kind: 'tiers_lieu' });
  const onCreate = vi.fn();
  render(<LieuPicker onCreate={onCreate} />);

  fireEvent.input(search(), { target: { value: 'La Forge des Possibles' } });
  // The search for the typed name is still on its way: nothing to create yet.
  expect(screen.queryByRole('button', { name: /Créer/ })).toBeNull();
  fireEvent.keyDown(search(), { key: 'Enter' });
  expect(onCreate).not.toHaveBeenCalled();

  await screen.findByRole('button', { name: /La Forge des Possibles/ });
  expect(screen.queryByRole('button', { name: /Créer/ })).toBeNull();
});

test('a new name is offered for creation once the search has found nothing', async () => {
  const onCreate = vi.fn();
  render(<LieuPicker onCreate={onCreate} />);

  fireEvent.input(search(), { target: { value: 'Le Hangar des Communs' } });
  fireEvent.click(await screen.findByRole('button', { name: 'Créer «\u00a0Le Hangar des Communs\u00a0»' }));
  expect(onCreate).toHaveBeenCalledWith('Le Hangar des Communs');
});
