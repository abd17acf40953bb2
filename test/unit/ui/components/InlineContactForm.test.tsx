// A person created during an event was linked to the event's lieu without a word: people of other
// lieux meet there too, and a wrong link put them among the lieu's people and in the event's
// "par type de structure". The lieu is now said, ticked; unticking it leaves the person unlinked.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, expect, test, vi } from 'vitest';
import { isolate } from '../../../../src/domain/bidi';
import type { NewRecord } from '../../../../src/domain/record-types';
import { uiStore } from '../../../../src/state/ui';
import { InlineContactForm } from '../../../../src/ui/components/InlineContactForm';

const LIEU = { id: '01900000-0000-7000-8000-0000000000aa', name: 'La Serre partagée' };

beforeEach(() => {
  uiStore.setState({ lang: 'fr' });
});

type Props = Parameters<typeof InlineContactForm>[0];

/**
 * The form, with a `create` standing for the form around it, which stores the person: the form
 * asks it with what was typed.
 */
function renderForm(props: Partial<Props>) {
  const create = vi.fn(async (_person: NewRecord<'contacts'>) => {});
  const shown = render(<InlineContactForm onInput={() => {}} create={create} onCancel={() => {}} {...props} />);
  return { ...shown, create };
}

test('the event’s lieu is offered ticked: unticked, the person is linked to no lieu', async () => {
  const { unmount, create } = renderForm({ initialName: 'Marc Durand', offerLieu: LIEU });
  const box = screen.getByRole('checkbox', { name: `Rattacher à «\u00a0${isolate('La Serre partagée')}\u00a0»` });
  expect((box as HTMLInputElement).checked).toBe(true);
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter la personne' }));
  await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
  expect(create.mock.calls[0]?.[0].organisationIds).toEqual([LIEU.id]);
  unmount();

  renderForm({ initialName: 'Sophie Guillou', offerLieu: LIEU, create });
  fireEvent.click(screen.getByRole('checkbox'));
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter la personne' }));
  await waitFor(() => expect(create).toHaveBeenCalledTimes(2));
  expect(create.mock.calls[1]?.[0].organisationIds).toEqual([]);
});

test('the lieu a visit is about is linked as before, with no box to tick', async () => {
  const { create } = renderForm({ initialName: 'Marc Durand', organisationIds: [LIEU.id] });
  expect(screen.queryByRole('checkbox')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter la personne' }));
  await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
  expect(create.mock.calls[0]?.[0].organisationIds).toEqual([LIEU.id]);
});

// Opened by the picker's "Créer « … »", which disappears: the focus fell to the page's body and
// a phone's keyboard closed (the new-user day, WebKit at 360×740). Typing goes on in the form.
test('opened with the name typed in the picker, the form takes the focus at the role', () => {
  const { unmount } = renderForm({ initialName: 'Jean Dupont', offerLieu: LIEU });
  expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Rôle (facultatif)' }));
  unmount();

  renderForm({});
  expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Nom' }));
});
