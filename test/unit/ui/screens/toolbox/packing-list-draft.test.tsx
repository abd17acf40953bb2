// A packing list retitled in its editor, then the page reloaded before "Enregistrer": the new
// title was gone (the reload prompt guards a desktop reload only; a phone ends the app
// without it). The editor now keeps a draft, and its save forgets the draft in its transaction.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { getDraft, saveDraft } from '../../../../../src/db/drafts';
import { newTemplate, packingListDraftId, readPackingList, saveItem } from '../../../../../src/db/toolbox';
import { newId } from '../../../../../src/domain/ids';
import { PackingListEditor } from '../../../../../src/ui/screens/toolbox/PackingListEditor';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();

test('a new title typed in the editor survives a reload, and is saved once', async () => {
  const list = await newTemplate(app.context, { title: 'Visite de terrain', tripKind: 'field_visit', itemIds: [] });
  const first = render(<PackingListEditor listId={list.id} />);
  const title = await screen.findByRole<HTMLInputElement>('textbox', { name: /Titre/ });
  fireEvent.input(title, { target: { value: 'Visite de terrain — hiver' } });
  await waitFor(async () =>
    expect((await getDraft(app.context, packingListDraftId(list.id)))?.values).toMatchObject({
      title: 'Visite de terrain — hiver',
    }),
  );
  first.unmount();

  render(<PackingListEditor listId={list.id} />);
  const again = await screen.findByRole<HTMLInputElement>('textbox', { name: /Titre/ });
  await waitFor(() => expect(again.value).toBe('Visite de terrain — hiver'));
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
  await waitFor(async () =>
    expect((await readPackingList(app.context, list.id))?.list.title).toBe('Visite de terrain — hiver'),
  );
  expect(await getDraft(app.context, packingListDraftId(list.id))).toBeUndefined();
});

test('a new list saved without a title puts the focus on the title, which says it is needed, under the forms’ alert', async () => {
  render(<PackingListEditor listId={null} />);
  const title = await screen.findByRole<HTMLInputElement>('textbox', { name: /Titre/ });
  const save = screen.getByRole('button', { name: 'Enregistrer' });
  save.focus();
  fireEvent.click(save);

  await waitFor(() => expect(document.activeElement).toBe(title));
  expect(screen.getByRole('textbox', { description: /Ce champ est obligatoire/ })).toBe(title);
  // As every other form says it: read out at once, above the fields.
  expect(screen.getByRole('alert').textContent).toMatch(/^Corrigez les champs signalés/);
});

test('a list refused only for its items (more than a list holds) puts the focus on its first item, which says why', async () => {
  const item = await saveItem(
    app.context,
    null,
    {
      kind: 'document',
      title: 'Rallonge',
      description: null,
      link: null,
      tags: [],
      shelf: null,
      availableOffline: false,
      quantity: null,
    },
    null,
    null,
  );
  // 501 ticks, kept in the new list's draft: one item of the valise and 500 the device has not received.
  const itemIds = [item.id, ...Array.from({ length: 500 }, () => newId())];
  const values = { title: 'Salon', tripKind: 'field_visit', itemIds };
  await saveDraft(app.context, {
    id: packingListDraftId(null),
    kind: 'packing-list',
    recordId: null,
    title: 'Salon',
    values,
  });
  render(<PackingListEditor listId={null} />);
  const tick = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Rallonge' });
  await waitFor(() => expect(tick.checked).toBe(true));
  const save = screen.getByRole('button', { name: 'Enregistrer' });
  save.focus();
  fireEvent.click(save);

  await waitFor(() => expect(document.activeElement).toBe(tick));
  expect(screen.getByRole('checkbox', { name: 'Rallonge', description: /500/ })).toBe(tick);
});
