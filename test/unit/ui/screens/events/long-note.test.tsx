// A note past the 20,000 characters a note holds (a whole document pasted into the composer)
// is refused at the field with the limit, and its text stays: "réessayez" could never work.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, expect, test, vi } from 'vitest';
import type { DataContext } from '../../../../../src/db/context';
import { addNote } from '../../../../../src/db/event-notes';
import type { NetworkEvent } from '../../../../../src/domain/event';
import { NoteComposer } from '../../../../../src/ui/screens/events/NoteComposer';
import { NoteTimeline } from '../../../../../src/ui/screens/events/NoteTimeline';
import { openTestContext } from '../../../../helpers/db';
import { withFrenchPage } from '../../../../helpers/screen-setup';

const held: { context: DataContext | undefined } = { context: undefined };
vi.mock('../../../../../src/ui/hooks/use-data-context', () => ({ useDataContext: () => held.context }));

const EVENT_ID = '01900000-0000-7000-8000-000000000001';
const pasted = 'Compte rendu collé depuis un traitement de texte. '.repeat(21_000);

withFrenchPage();
beforeEach(async () => {
  held.context = await openTestContext();
});

test('a note of a megabyte is refused at the field with the limit, and stays typed', async () => {
  render(<NoteComposer eventId={EVENT_ID} />);
  const field = screen.getByRole('textbox', { name: /Nouvelle note/ }) as HTMLTextAreaElement;
  fireEvent.input(field, { target: { value: pasted } });
  fireEvent.click(screen.getByRole('button', { name: /Ajouter/ }));

  await waitFor(() =>
    expect(document.body.textContent).toContain('Trop long\u00a0: 20\u202f000 caractères au maximum.'),
  );
  expect(document.body.textContent).not.toContain('réessayez');
  expect(field.value).toBe(pasted);
});

test('a note edited past the limit says so at the field and keeps the edit', async () => {
  const context = held.context as DataContext;
  const note = await addNote(context, { eventId: EVENT_ID, text: 'Budget voté', tag: 'decision' });
  const event = {
    id: EVENT_ID,
    startsAt: '2026-12-05T09:00:00.000Z',
    endsAt: '2026-12-05T11:00:00.000Z',
    timeZone: 'Europe/Paris',
  } as NetworkEvent;
  render(<NoteTimeline event={event} notes={[note]} />);
  fireEvent.click(screen.getByRole('button', { name: /Modifier/ }));
  const field = screen.getByRole('textbox', { name: /note/i }) as HTMLTextAreaElement;
  fireEvent.input(field, { target: { value: pasted } });
  fireEvent.click(screen.getByRole('button', { name: /Enregistrer/ }));

  await waitFor(() =>
    expect(document.body.textContent).toContain('Trop long\u00a0: 20\u202f000 caractères au maximum.'),
  );
  expect(document.body.textContent).not.toContain('réessayez');
  expect(field.value).toBe(pasted);
});

test('long notes fold each under a line named after its note, which opens the note whole and folds it from its end', async () => {
  const context = held.context as DataContext;
  const report = `Compte rendu de l’atelier 🌱\n${'Les porteurs de projet présentent leur lieu. '.repeat(110)}Fin.`;
  const first = await addNote(context, { eventId: EVENT_ID, text: report, tag: 'note' });
  const second = await addNote(context, { eventId: EVENT_ID, text: `Relevé\n${report}`, tag: 'note' });
  const event = { id: EVENT_ID, startsAt: '2026-12-05T09:00:00.000Z', timeZone: 'Europe/Paris' } as NetworkEvent;
  render(
    <NoteTimeline
      event={event}
      notes={[
        { ...first, authorName: 'Awa' },
        { ...second, authorName: 'Bruno' },
      ]}
    />,
  );
  const [box] = screen.getAllByTestId('note-text');
  const shown = () => box?.querySelector('p:not([hidden])')?.textContent;
  expect(shown()?.length).toBeLessThan(300);
  expect(report.startsWith(shown()?.slice(0, -1) ?? '-')).toBe(true);

  // A screen reader's list of controls tells the two apart.
  const lines = screen.getAllByRole('button', { name: /^Lire tout le texte/ });
  expect(lines.map((line) => line.textContent)).toEqual([
    expect.stringMatching(/^Lire tout le texte\u00a0: note de \u2068Awa\u2069, .*\d\d:\d\d$/),
    expect.stringMatching(/^Lire tout le texte\u00a0: note de \u2068Bruno\u2069, .*\d\d:\d\d$/),
  ]);

  fireEvent.click(lines[0] as HTMLElement);
  const fold = await screen.findByRole('button', { name: /^Replier le texte\s: note de \u2068Awa/ });
  expect(shown()).toBe(report);
  // Under the text it folds, not above it: read to the end, it is right there.
  const text = box?.querySelector('p:not([hidden])') as HTMLElement;
  expect(text.compareDocumentPosition(fold) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  await waitFor(() => expect(document.activeElement).toBe(text));

  fireEvent.click(fold);
  await waitFor(() => expect(shown()?.length).toBeLessThan(300));
});
