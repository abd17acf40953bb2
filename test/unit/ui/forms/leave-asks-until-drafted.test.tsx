// A follow-up, an event's note or a packing list typed and kept in its draft comes back after a
// reload, yet leaving the page asked "Quitter la page ?" for as long as it was typed (Firefox
// showed it on a reload). Leaving asks only while the input is not in its draft yet: a write
// still running, or one the device refused (then it is only on screen).
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { JSX } from 'preact';
import { expect, test, vi } from 'vitest';
import { getDraft } from '../../../../src/db/drafts';
import { noteDraftId } from '../../../../src/db/event-notes';
import { followUpDraftId } from '../../../../src/db/follow-ups';
import { newTemplate, packingListDraftId } from '../../../../src/db/toolbox';
import { newId } from '../../../../src/domain/ids';
import { uiStore } from '../../../../src/state/ui';
import { FollowUpList } from '../../../../src/ui/components/FollowUpList';
import { NoteComposer } from '../../../../src/ui/screens/events/NoteComposer';
import { PackingListEditor } from '../../../../src/ui/screens/toolbox/PackingListEditor';
import { withAppData } from '../../../helpers/screen-setup';

const app = withAppData();

const leavingAsks = () => uiStore.getState().unsavedInputs > 0;

interface Case {
  form: string;
  mount: () => Promise<{ ui: JSX.Element; field: RegExp; draftId: string }>;
}

const CASES: Case[] = [
  {
    form: 'a visit’s new follow-up',
    mount: async () => {
      const visitId = newId();
      return {
        ui: <FollowUpList followUps={[]} visitId={visitId} />,
        field: /Nouveau suivi/,
        draftId: followUpDraftId({ visitId }),
      };
    },
  },
  {
    form: 'an event’s note',
    mount: async () => {
      const eventId = newId();
      return { ui: <NoteComposer eventId={eventId} />, field: /Nouvelle note/, draftId: noteDraftId(eventId) };
    },
  },
  {
    form: 'a packing list',
    mount: async () => {
      const list = await newTemplate(app.context, { title: 'Visite de terrain', tripKind: 'field_visit', itemIds: [] });
      return { ui: <PackingListEditor listId={list.id} />, field: /Titre/, draftId: packingListDraftId(list.id) };
    },
  },
];

test.each(CASES)('$form: leaving asks only while what is typed is not in its draft', async ({ mount }) => {
  const { ui, field, draftId } = await mount();
  render(ui);
  const input = await screen.findByRole('textbox', { name: field });
  fireEvent.input(input, { target: { value: 'Rappeler la mairie' } });
  await waitFor(async () => expect(JSON.stringify((await getDraft(app.context, draftId))?.values)).toContain('mairie'));
  await waitFor(() => expect(leavingAsks()).toBe(false));

  // As Dexie does when a newer version of the app opens the database in another tab.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  app.context.db.close();
  try {
    fireEvent.input(input, { target: { value: 'Rappeler la mairie lundi' } });
    await waitFor(() => expect(console.error).toHaveBeenCalledWith('draft not written', expect.anything()));
    expect(leavingAsks()).toBe(true);
  } finally {
    await app.context.db.open();
    vi.restoreAllMocks();
  }
  fireEvent.input(input, { target: { value: 'Rappeler la mairie mardi' } });
  await waitFor(async () => expect(JSON.stringify((await getDraft(app.context, draftId))?.values)).toContain('mardi'));
  await waitFor(() => expect(leavingAsks()).toBe(false));
});
