// A person created during an event was linked to the event's lieu without a word: people of other
// lieux meet there too, and a wrong link put them among the lieu's people and in the event's
// "par type de structure". The lieu is now said, ticked; unticking it leaves the person unlinked.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, expect, test, vi } from 'vitest';
import { isolate } from '../../../../src/domain/bidi';
import { uiStore } from '../../../../src/state/ui';
import { InlineContactForm } from '../../../../src/ui/components/InlineContactForm';

const created = vi.hoisted(() => ({ inputs: [] as { organisationIds: string[] }[] }));

vi.mock('../../../../src/ui/hooks/use-data-context', () => ({
  useDataContext: () => ({ authorName: 'Camille' }),
}));
vi.mock('../../../../src/db/contacts', () => ({
  createContact: async (_context: unknown, input: { name: string; organisationIds: string[] }) => {
    created.inputs.push(input);
    return { ...input, id: `01900000-0000-7000-8000-00000000000${created.inputs.length}` };
  },
}));

const LIEU = { id: '01900000-0000-7000-8000-0000000000aa', name: 'La Serre partagée' };

beforeEach(() => {
  uiStore.setState({ lang: 'fr' });
  created.inputs = [];
});

test('the event’s lieu is offered ticked: unticked, the person is linked to no lieu', async () => {
  const onCreated = vi.fn();
  const { unmount } = render(
    <InlineContactForm initialName="Marc Durand" offerLieu={LIEU} onCreated={onCreated} onCancel={() => {}} />,
  );
  const box = screen.getByRole('checkbox', { name: `Rattacher à «\u00a0${isolate('La Serre partagée')}\u00a0»` });
  expect((box as HTMLInputElement).checked).toBe(true);
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter la personne' }));
  await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  expect(created.inputs[0]?.organisationIds).toEqual([LIEU.id]);
  unmount();

  render(<InlineContactForm initialName="Sophie Guillou" offerLieu={LIEU} onCreated={onCreated} onCancel={() => {}} />);
  fireEvent.click(screen.getByRole('checkbox'));
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter la personne' }));
  await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(2));
  expect(created.inputs[1]?.organisationIds).toEqual([]);
});

test('the lieu a visit is about is linked as before, with no box to tick', async () => {
  const onCreated = vi.fn();
  render(
    <InlineContactForm
      initialName="Marc Durand"
      organisationIds={[LIEU.id]}
      onCreated={onCreated}
      onCancel={() => {}}
    />,
  );
  expect(screen.queryByRole('checkbox')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter la personne' }));
  await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  expect(created.inputs[0]?.organisationIds).toEqual([LIEU.id]);
});

// Opened by the picker's "Créer « … »", which disappears: the focus fell to the page's body and
// a phone's keyboard closed (the new-user day, WebKit at 360×740). Typing goes on in the form.
test('opened with the name typed in the picker, the form takes the focus at the role', () => {
  const { unmount } = render(
    <InlineContactForm initialName="Jean Dupont" offerLieu={LIEU} onCreated={() => {}} onCancel={() => {}} />,
  );
  expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Rôle (facultatif)' }));
  unmount();

  render(<InlineContactForm onCreated={() => {}} onCancel={() => {}} />);
  expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Nom' }));
});
