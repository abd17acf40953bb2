// A note half typed during an event comes back from its draft; what the person does while that
// draft is still being read (a tag tapped as the event opens) is neither undone by the draft
// nor allowed to erase it.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Draft } from '../../../../../src/db/drafts';
import { RecordValidationError } from '../../../../../src/db/errors';
import { uiStore } from '../../../../../src/state/ui';
import { NoteComposer } from '../../../../../src/ui/screens/events/NoteComposer';

const drafts = vi.hoisted(() => ({
  read: undefined as ((draft: Draft | undefined) => void) | undefined,
  saveDraft: vi.fn(async () => undefined),
  deleteDraft: vi.fn(async () => undefined),
}));

vi.mock('../../../../../src/ui/hooks/use-data-context', () => ({
  useDataContext: () => ({ authorName: 'Camille' }),
}));
// A note the schema refuses as too long (the composer's only refusal once the note is written).
vi.mock('../../../../../src/db/event-notes', () => ({
  noteDraftId: (eventId: string) => `note:${eventId}`,
  addNote: async () => {
    throw new RecordValidationError('events', [
      { field: 'text', type: 'max_length', message: 'too long', limit: 5000, of: 'text' },
    ]);
  },
}));
vi.mock('../../../../../src/db/drafts', () => ({
  getDraft: () =>
    new Promise<Draft | undefined>((resolve) => {
      drafts.read = resolve;
    }),
  saveDraft: drafts.saveDraft,
  deleteDraft: drafts.deleteDraft,
}));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

beforeEach(() => {
  uiStore.setState({ lang: 'fr' });
  drafts.saveDraft.mockClear();
  drafts.deleteDraft.mockClear();
});

test('a tag tapped before the draft is read stays picked, and the half-typed note still comes back', async () => {
  render(<NoteComposer eventId="01900000-0000-7000-8000-000000000001" />);
  fireEvent.click(screen.getByRole('radio', { name: 'Décision' }));
  expect(drafts.deleteDraft).not.toHaveBeenCalled();

  drafts.read?.({
    id: 'eventNote-01900000-0000-7000-8000-000000000001',
    kind: 'eventNote',
    recordId: '01900000-0000-7000-8000-000000000001',
    values: { text: 'Reprendre le budget', tag: 'question' },
    updatedAt: '2026-12-05T09:00:00.000Z',
  });
  const note = screen.getByRole('textbox', { name: /Nouvelle note/ }) as HTMLTextAreaElement;
  await waitFor(() => expect(note.value).toBe('Reprendre le budget'));
  expect((screen.getByRole('radio', { name: 'Décision' }) as HTMLInputElement).checked).toBe(true);
  expect((screen.getByRole('radio', { name: 'Question' }) as HTMLInputElement).checked).toBe(false);
});

function pointer(fine: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(any-pointer: fine)' && fine,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

/** The hint's spaces as written: the default matcher would see a no-break space as any other. */
const AS_WRITTEN = { normalizer: (text: string) => text };

/** The platform the browser reports: navigator.platform, and Chromium's client hint when given. */
function platform(name: string, clientHint?: string) {
  vi.spyOn(navigator, 'platform', 'get').mockReturnValue(name);
  if (clientHint)
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { userAgentData: { platform: clientHint } }));
}

test('the Ctrl + Entrée hint shows on a computer, not on a phone that has no Ctrl key', () => {
  pointer(true);
  platform('Win32');
  const computer = render(<NoteComposer eventId="01900000-0000-7000-8000-000000000001" />);
  expect(screen.getByRole('textbox', { name: /Nouvelle note/ }).getAttribute('aria-describedby')).toBeTruthy();
  expect(screen.getByText(/Ctrl\u00a0\+\u00a0Entrée pour ajouter/, AS_WRITTEN)).toBeTruthy();
  computer.unmount();

  pointer(false);
  render(<NoteComposer eventId="01900000-0000-7000-8000-000000000001" />);
  screen.getByRole('textbox', { name: /Nouvelle note/ });
  expect(screen.queryByText(/Ctrl/)).toBeNull();
});

test('on a Mac the hint names the ⌘ key its keyboard has, not Ctrl, held to Entrée on one line', () => {
  pointer(true);
  platform('MacIntel');
  const mac = render(<NoteComposer eventId="01900000-0000-7000-8000-000000000001" />);
  expect(screen.getByText(/⌘\u00a0\+\u00a0Entrée pour ajouter/, AS_WRITTEN)).toBeTruthy();
  expect(screen.queryByText(/Ctrl/)).toBeNull();
  mac.unmount();
  vi.restoreAllMocks();

  // Chromium's client hints say macOS even where navigator.platform is frozen or vague.
  pointer(true);
  platform('', 'macOS');
  render(<NoteComposer eventId="01900000-0000-7000-8000-000000000001" />);
  expect(screen.getByText(/⌘\u00a0\+\u00a0Entrée pour ajouter/, AS_WRITTEN)).toBeTruthy();
});

test('an iPhone, touch only, is shown no shortcut at all', () => {
  pointer(false);
  platform('iPhone');
  render(<NoteComposer eventId="01900000-0000-7000-8000-000000000001" />);
  screen.getByRole('textbox', { name: /Nouvelle note/ });
  expect(screen.queryByText(/Entrée pour ajouter/)).toBeNull();
});

test('« Ajouter la note » with nothing written puts the focus in the note, which says why', async () => {
  render(<NoteComposer eventId="01900000-0000-7000-8000-000000000001" />);
  const add = screen.getByRole('button', { name: 'Ajouter la note' });
  add.focus();
  fireEvent.click(add);

  const note = await screen.findByRole('textbox', { description: /Écrivez la note avant de l’ajouter/ });
  await waitFor(() => expect(document.activeElement).toBe(note));
});

test('a note refused as too long takes the focus once it says why, as an empty one does', async () => {
  render(<NoteComposer eventId="01900000-0000-7000-8000-000000000001" />);
  const note = screen.getByRole('textbox', { name: /Nouvelle note/ });
  // What a screen reader hears with the field each time it takes the focus.
  const heard: string[] = [];
  note.addEventListener('focus', () => heard.push(note.getAttribute('aria-describedby') ?? ''));
  fireEvent.input(note, { target: { value: 'Compte rendu' } });
  const add = screen.getByRole('button', { name: 'Ajouter la note' });
  add.focus();
  fireEvent.click(add);

  const error = await screen.findByText(/Trop long/);
  await waitFor(() => expect(document.activeElement).toBe(note));
  expect(heard).toEqual([expect.stringContaining(error.id)]);
});
