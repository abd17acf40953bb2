// An admin correcting the network's name from Réglages: the server keeps it (cleaned), the
// screen says so and syncs, so this device shows it like every other one.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { uiStore } from '../../../../../src/state/ui';
import { SyncError } from '../../../../../src/sync/errors';
import { NetworkName } from '../../../../../src/ui/screens/settings/network/NetworkName';

const server = vi.hoisted(() => ({ names: [] as string[], syncs: 0, refuse: false }));

vi.mock('../../../../../src/state/sync', () => ({
  syncNow: async () => {
    server.syncs++;
  },
  adminClient: async () => ({
    renameNetwork: async (name: string) => {
      if (server.refuse)
        throw new SyncError('refused', 'The request body is not valid.', 400, undefined, 'invalid_body');
      server.names.push(name);
      return name.trim();
    },
  }),
}));

describe('the network’s name, for an admin', () => {
  beforeEach(() => {
    uiStore.setState({ lang: 'fr' });
    server.names = [];
    server.syncs = 0;
    server.refuse = false;
  });
  afterEach(cleanup);

  test('is corrected on the server, said so, and synced', async () => {
    render(<NetworkName current="Réseau du Pays de Redn" />);
    const field = screen.getByLabelText('Nom du réseau') as HTMLInputElement;
    expect(field.value).toBe('Réseau du Pays de Redn');
    fireEvent.input(field, { target: { value: 'Réseau du Pays de Redon ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Renommer le réseau' }));
    await screen.findByText(/Le réseau s’appelle désormais « .Réseau du Pays de Redon. »/);
    expect(server.names).toEqual(['Réseau du Pays de Redon ']);
    expect(field.value).toBe('Réseau du Pays de Redon');
    expect(server.syncs).toBe(1);
  });

  test('renamed, the button keeps the focus, and pressed again sends nothing', async () => {
    const { rerender } = render(<NetworkName current="Réseau du Pays de Redn" />);
    fireEvent.input(screen.getByLabelText('Nom du réseau'), { target: { value: 'Réseau du Pays de Redon' } });
    const button = screen.getByRole('button', { name: 'Renommer le réseau' });
    button.focus();
    fireEvent.click(button);
    await screen.findByText(/Le réseau s’appelle désormais/);
    // The sync brings the new name into the session: the name shown is the network's again.
    rerender(<NetworkName current="Réseau du Pays de Redon" />);
    // Disabled then, it dropped the focus to the page's start in Firefox, away from the banner
    // saying the name is kept. happy-dom keeps the focus on a disabled button: what pins it is
    // the button never being disabled.
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(server.names).toEqual(['Réseau du Pays de Redon']);
  });

  test('an empty name is refused in words and not sent', async () => {
    render(<NetworkName current="Réseau" />);
    fireEvent.input(screen.getByLabelText('Nom du réseau'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Renommer le réseau' }));
    await screen.findByText('Donnez au réseau un nom (120 caractères au plus).');
    expect(server.names).toEqual([]);
  });

  test('a name the server refuses is said in words, the name typed kept', async () => {
    server.refuse = true;
    render(<NetworkName current="Réseau" />);
    fireEvent.input(screen.getByLabelText('Nom du réseau'), { target: { value: '\u202e' } });
    fireEvent.click(screen.getByRole('button', { name: 'Renommer le réseau' }));
    await screen.findByText('Donnez au réseau un nom (120 caractères au plus).');
    expect((screen.getByLabelText('Nom du réseau') as HTMLInputElement).value).toBe('\u202e');
  });
});
