// Joining by a code typed the way people type it: the form reads it as the server would,
// sends it in its printed form, and says in words what a code looks like when it is none.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { uiStore } from '../../../../../src/state/ui';
import { JoinError, type JoinInput } from '../../../../../src/sync/join';
import { JoinForm } from '../../../../../src/ui/screens/settings/network/JoinForm';

const sent = vi.hoisted(() => [] as JoinInput[]);
/** What the next join fails with (null: it succeeds). */
const failure = vi.hoisted(() => ({ next: null as Error | null }));
/** While set, a join waits for it: the answer is on its way. */
const answer = vi.hoisted(() => ({ arrives: null as Promise<void> | null }));

vi.mock('../../../../../src/state/sync', () => ({
  join: async (input: JoinInput) => {
    sent.push(input);
    if (answer.arrives) await answer.arrives;
    if (failure.next) throw failure.next;
    return { ownChanges: 0 };
  },
}));
/** Whether the device's data has been read (a first start reads it after the form shows). */
const data = vi.hoisted(() => ({ read: true }));
vi.mock('../../../../../src/ui/hooks/use-data-context', () => ({
  useDataContext: () => (data.read ? { identity: { authorName: 'Camille Martin' } } : undefined),
}));
// A test that holds the data back and fails before giving it would leave every later one without it.
beforeEach(() => {
  data.read = true;
});

function joinWith(code: string) {
  const joined = vi.fn();
  render(<JoinForm initialCode="" onJoined={joined} />);
  fireEvent.input(screen.getByLabelText('Code d’invitation'), { target: { value: code } });
  fireEvent.input(screen.getByLabelText('Nom de cet appareil'), { target: { value: 'Téléphone de Camille' } });
  fireEvent.click(screen.getByRole('button', { name: 'Rejoindre le réseau' }));
  return joined;
}

describe('the invitation code on the join form', () => {
  beforeEach(() => {
    uiStore.setState({ lang: 'fr' });
    sent.length = 0;
  });

  test.each(['jwa2 f9k6 ttzf', 'JWA2–F9K6–TTZF', 'https://valise.mon-reseau.fr/#/rejoindre?code=JWA2-F9K6-TTZF'])(
    '"%s" joins with JWA2-F9K6-TTZF, shown in the field as sent',
    async (typed) => {
      const joined = joinWith(typed);
      await waitFor(() => expect(joined).toHaveBeenCalled());
      expect(sent.map((input) => input.code)).toEqual(['JWA2-F9K6-TTZF']);
      expect((screen.getByLabelText('Code d’invitation') as HTMLInputElement).value).toBe('JWA2-F9K6-TTZF');
    },
  );

  test('a code with a group missing is refused in words, with the focus on it, under the forms’ alert, and nothing is sent', async () => {
    joinWith('JWA2 F9K6');
    const field = screen.getByLabelText('Code d’invitation');
    await screen.findByText(
      /Un code d’invitation a 12 lettres et chiffres, par exemple JWA2-F9K6-TTZF ; celui-ci en a 8\./,
    );
    await waitFor(() => expect(document.activeElement).toBe(field));
    // As every other form says it: read out at once, above the fields.
    expect(screen.getByRole('alert').textContent).toBe(
      'Le réseau n’est pas encore rejoint\u00a0: corrigez les champs signalés.',
    );
    expect((field as HTMLInputElement).value).toBe('JWA2 F9K6');
    expect(sent).toEqual([]);
  });

  // Such a code reached the server, which could only answer "inconnu, déjà utilisé ou expiré"
  // and count it against the address's ten wrong guesses.
  test.each([
    ['JWA2-F9K6-TTZ', /celui-ci en a 11\./],
    ['JWA2-F9K6-TTZF-2', /celui-ci en a 13\./],
    ['JWA2-F9K6-TTZ0', /n’a jamais de 0, O, 1, I ni L, qui se confondent ; celui-ci a « 0 »\./],
    ['jwa2-f9k6-ttzo', /celui-ci a « O »\./],
    ['JWAI-F9K6-TTL1', /celui-ci a « I L 1 »\./],
  ])('"%s", which no server issues, is refused in words and nothing is sent', async (typed, words) => {
    joinWith(typed);
    await screen.findByText(words);
    expect(sent).toEqual([]);
  });
});

// Réglages opens at its top; on a phone the names to type sat below the fold, out of sight.
describe('arriving by an invitation link', () => {
  beforeEach(() => {
    uiStore.setState({ lang: 'fr' });
  });

  test('the first field left to fill comes into view with the focus', async () => {
    const scrolled: Element[] = [];
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
    render(<JoinForm initialCode="JWA2-F9K6-TTZF" onJoined={vi.fn()} />);
    // The address is this app's own, the code the link's, the member's name the author's.
    const device = screen.getByLabelText('Nom de cet appareil');
    await waitFor(() => expect(document.activeElement).toBe(device));
    expect(scrolled).toEqual([device]);
    scroll.mockRestore();
  });

  test('a person already typing in a field when the device’s data is read keeps the focus there', async () => {
    data.read = false;
    const { rerender } = render(<JoinForm initialCode="JWA2-F9K6-TTZF" onJoined={vi.fn()} />);
    const name = screen.getByLabelText('Votre nom');
    name.focus();
    fireEvent.input(name, { target: { value: 'A' } });
    const joinButton = screen.getByRole('button', { name: 'Rejoindre le réseau' });
    expect(joinButton).toHaveProperty('disabled', true);
    data.read = true;
    rerender(<JoinForm initialCode="JWA2-F9K6-TTZF" onJoined={vi.fn()} />);
    // The form has the device's data once it lets the person join.
    await waitFor(() => expect(joinButton).toHaveProperty('disabled', false));
    // The rest of the name would have gone into the device's name, the next empty field.
    expect(document.activeElement).toBe(name);
    expect((name as HTMLInputElement).value).toBe('A');
  });

  test('without a link, the form takes no focus: the screen opens at its top', async () => {
    render(<JoinForm initialCode="" onJoined={vi.fn()} />);
    await screen.findByLabelText('Nom de cet appareil');
    expect(document.activeElement).toBe(document.body);
  });
});

describe('the server address on the join form', () => {
  beforeEach(() => {
    uiStore.setState({ lang: 'fr' });
    sent.length = 0;
  });

  function joinAt(address: string) {
    const joined = vi.fn();
    render(<JoinForm initialCode="JWA2-F9K6-TTZF" onJoined={joined} />);
    const field = screen.getByLabelText('Adresse du serveur du réseau');
    fireEvent.input(field, { target: { value: address } });
    fireEvent.change(field);
    fireEvent.input(screen.getByLabelText('Nom de cet appareil'), { target: { value: 'Téléphone de Camille' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rejoindre le réseau' }));
    return { joined, field: field as HTMLInputElement };
  }

  test('typed without https://, it is completed, shown so, and said in the hint', async () => {
    const { joined, field } = joinAt('valise.example.org');
    await waitFor(() => expect(joined).toHaveBeenCalled());
    expect(sent.map((input) => input.serverUrl)).toEqual(['https://valise.example.org']);
    expect(field.value).toBe('https://valise.example.org');
    expect(screen.getByText(/https:\/\/ ajouté, pour une connexion chiffrée/)).toBeTruthy();
  });

  test('an address where another site answers says so, keeping what was typed', async () => {
    failure.next = new JoinError('not_valise', 'the answer is not JSON (HTTP 404)');
    try {
      const { joined, field } = joinAt('www.mon-reseau.fr');
      await screen.findByText(/Cette adresse ne répond pas comme un serveur Valise/);
      expect(joined).not.toHaveBeenCalled();
      expect(field.value).toBe('https://www.mon-reseau.fr');
    } finally {
      failure.next = null;
    }
  });

  test('while the answer comes the button keeps the focus and a second press sends nothing; a failure is read out there', async () => {
    let arrive = () => {};
    answer.arrives = new Promise((resolve) => {
      arrive = resolve;
    });
    failure.next = new JoinError('unreachable', 'no answer');
    try {
      render(<JoinForm initialCode="JWA2-F9K6-TTZF" onJoined={vi.fn()} />);
      fireEvent.input(screen.getByLabelText('Nom de cet appareil'), { target: { value: 'Téléphone de Camille' } });
      const button = screen.getByRole('button', { name: 'Rejoindre le réseau' });
      button.focus();
      fireEvent.click(button);
      await screen.findByRole('button', { name: 'Connexion au réseau…' });
      // Disabled, it dropped the focus to the page's start in WebKit and Firefox, away from the
      // failure said under it. happy-dom keeps the focus on a disabled button: what pins it is
      // the button never being disabled while the join goes.
      expect(button.hasAttribute('disabled')).toBe(false);
      expect(button.getAttribute('aria-disabled')).toBe('true');
      fireEvent.click(button);
      arrive();
      await screen.findByText(/Impossible de joindre le serveur/);
      expect(sent).toHaveLength(1);
      expect(document.activeElement).toBe(button);
      expect(button.getAttribute('aria-disabled')).toBeNull();
    } finally {
      answer.arrives = null;
      failure.next = null;
    }
  });

  test('an address that names no server is refused in words, and nothing is sent', async () => {
    const { field } = joinAt('mon réseau');
    await screen.findByText(/Ce n’est pas l’adresse d’un serveur/);
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.value).toBe('mon réseau');
    expect(sent).toEqual([]);
  });
});
