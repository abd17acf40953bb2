// An admin removing their own device from Réglages: the revoke works, so the screen must say so
// (not "the action failed"), and the devices list says which one is this device.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { DeviceInfo, OpenInvitationInfo } from '../../../../../src/protocol/wire';
import { uiStore } from '../../../../../src/state/ui';
import { SyncError } from '../../../../../src/sync/errors';
import { AdminPanel } from '../../../../../src/ui/screens/settings/network/AdminPanel';

const server = vi.hoisted(() => ({
  revoked: new Set<string>(),
  syncs: 0,
  cancelled: [] as string[],
  /** Used or ended already, from another device: the server holds no open invitation for it. */
  closedCodes: new Set<string>(),
  /** The network's open invitations, as GET /api/admin/invitations lists them. */
  open: [] as OpenInvitationInfo[],
  /** Ended elsewhere, though still on a list shown here. */
  closedIds: new Set<string>(),
  /** What each invitation was asked for. */
  invited: [] as unknown[],
}));

const device = (id: string, name: string): DeviceInfo => ({
  id,
  name,
  memberId: `member-of-${id}`,
  memberName: 'Léa Petit',
  role: 'admin',
  createdAt: '2026-12-01T10:00:00.000Z',
  lastSeenAt: null,
  revokedAt: null,
});

function openInvitation(id: string, overrides: Partial<OpenInvitationInfo> = {}): OpenInvitationInfo {
  return {
    id,
    role: 'concierge',
    createdAt: '2026-12-04T10:00:00.000Z',
    expiresAt: '2026-12-07T10:00:00.000Z',
    creator: { deviceName: 'Ordinateur de Léa', memberName: 'Léa Petit' },
    ...overrides,
  };
}

// The server as the admin client sees it: once this device is revoked, its token is refused.
vi.mock('../../../../../src/state/sync', () => ({
  syncNow: async () => {
    server.syncs++;
  },
  adminClient: async () => {
    const authorised = () => {
      if (server.revoked.has('mine')) throw new SyncError('revoked', 'device revoked', 401);
    };
    return {
      devices: async () => {
        authorised();
        return [device('mine', 'Ordinateur de Léa'), device('other', 'Téléphone de Sam')].map((item) => ({
          ...item,
          revokedAt: server.revoked.has(item.id) ? '2026-12-05T03:00:00.000Z' : null,
        }));
      },
      revoke: async (id: string) => {
        authorised();
        server.revoked.add(id);
      },
      invite: async (request: unknown) => {
        server.invited.push(request);
        server.open.unshift(openInvitation('made-here', { createdAt: '2026-12-05T10:00:00.000Z' }));
        return { code: 'JWA2-F9K6-TTZF', role: 'concierge', expiresAt: '2026-12-08T10:00:00.000Z', id: 'made-here' };
      },
      openInvitations: async () => server.open.filter((one) => !server.closedIds.has(one.id)),
      cancelOpenInvitation: async (id: string) => {
        if (server.closedIds.has(id)) throw new SyncError('refused', 'not open', 404, undefined, 'not_found');
        server.closedIds.add(id);
      },
      cancelInvitation: async (code: string) => {
        if (server.closedCodes.has(code)) throw new SyncError('refused', 'not open', 404, undefined, 'not_found');
        server.cancelled.push(code);
      },
    };
  },
}));

vi.mock('../../../../../src/ui/screens/settings/network/NetworkFiles', () => ({ NetworkFiles: () => null }));

describe('the devices of the network, for an admin', () => {
  beforeEach(() => {
    uiStore.setState({ lang: 'fr' });
    server.revoked.clear();
    server.syncs = 0;
    vi.stubGlobal('confirm', () => true);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('revoking this very device says it was removed, not that the action failed', async () => {
    render(<AdminPanel serverUrl="https://valise.example" deviceId="mine" networkName="Réseau" />);
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les appareils' }));
    const mine = (await screen.findByText('Ordinateur de Léa')).closest('li') as HTMLElement;
    expect(mine.textContent).toContain('(cet appareil)');
    const other = screen.getByText('Téléphone de Sam').closest('li') as HTMLElement;
    expect(other.textContent).not.toContain('(cet appareil)');

    fireEvent.click(within(mine).getByRole('button', { name: 'Retirer cet appareil' }));

    await screen.findByText(/Cet appareil a été retiré du réseau/);
    expect(screen.queryByText(/L’action n’a pas abouti/)).toBeNull();
    expect(mine.textContent).toContain('retiré');
    expect(server.syncs).toBe(1);
  });

  test('once this device is revoked, no admin action is offered: each would only be refused', async () => {
    render(<AdminPanel serverUrl="https://valise.example" deviceId="mine" networkName="Réseau" />);
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les appareils' }));
    const mine = (await screen.findByText('Ordinateur de Léa')).closest('li') as HTMLElement;
    fireEvent.click(within(mine).getByRole('button', { name: 'Retirer cet appareil' }));
    await screen.findByText(/Cet appareil a été retiré du réseau/);
    expect(screen.queryAllByRole('button').map((button) => button.textContent)).toEqual([]);
    expect(screen.queryByRole('combobox', { name: 'Rôle de la personne invitée' })).toBeNull();
    expect(screen.getByText('Téléphone de Sam').closest('li')?.textContent).not.toContain('retiré');
  });

  test('invites another device of a member as that member, and says so by the code', async () => {
    render(<AdminPanel serverUrl="https://valise.example" deviceId="mine" networkName="Réseau" />);
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les appareils' }));
    const other = (await screen.findByText('Téléphone de Sam')).closest('li') as HTMLElement;
    fireEvent.click(within(other).getByRole('button', { name: /Nouvel appareil pour/ }));
    await screen.findByTestId('invitation-code');
    expect(server.invited.at(-1)).toEqual({ role: 'admin', expiresInHours: 72, forMember: 'member-of-other' });
    expect(screen.getByText(/Nouvel appareil pour .*Léa Petit.*rejoindra/).textContent).toContain(
      'pourra modifier ses notes',
    );
  });

  test('revoking another device lists it as removed, with no word about this one', async () => {
    render(<AdminPanel serverUrl="https://valise.example" deviceId="mine" networkName="Réseau" />);
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les appareils' }));
    const other = (await screen.findByText('Téléphone de Sam')).closest('li') as HTMLElement;
    fireEvent.click(within(other).getByRole('button', { name: 'Retirer cet appareil' }));
    await waitFor(() => expect(within(other).queryByRole('button', { name: 'Retirer cet appareil' })).toBeNull());
    expect(other.textContent).toContain('retiré');
    expect(screen.queryByText(/Cet appareil a été retiré/)).toBeNull();
    expect(server.syncs).toBe(0);
  });

  test('revoking an admin device warns that unused invitations end, and the one shown goes with them', async () => {
    const asked: string[] = [];
    vi.stubGlobal('confirm', (question: string) => asked.push(question) > 0);
    render(<AdminPanel serverUrl="https://valise.example" deviceId="mine" networkName="Réseau" />);
    fireEvent.click(screen.getByRole('button', { name: 'Créer une invitation' }));
    await screen.findByRole('button', { name: 'Copier le lien' });
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les appareils' }));
    const other = (await screen.findByText('Téléphone de Sam')).closest('li') as HTMLElement;
    fireEvent.click(within(other).getByRole('button', { name: 'Retirer cet appareil' }));
    await waitFor(() => expect(other.textContent).toContain('retiré'));
    expect(asked).toEqual([expect.stringContaining('les invitations pas encore utilisées seront annulées')]);
    expect(screen.queryByRole('button', { name: 'Copier le lien' })).toBeNull();
  });
});

// Following the README on a fresh machine, the admin joins at http://localhost:8080: the link made
// for a concierge named that address, which no phone opens, and nothing on the screen said so.
describe('an invitation made on this computer’s own address', () => {
  beforeEach(() => {
    uiStore.setState({ lang: 'fr' });
  });
  afterEach(cleanup);

  test.each(['http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080'])(
    'at %s says the link opens only on this computer, and what a phone needs',
    async (serverUrl) => {
      render(<AdminPanel serverUrl={serverUrl} deviceId="mine" networkName="Réseau" />);
      fireEvent.click(screen.getByRole('button', { name: 'Créer une invitation' }));
      await screen.findByText(/ne s’ouvre que dans un navigateur de cet ordinateur/);
      expect(screen.getByText(/un téléphone a besoin de l’adresse https:\/\/ du réseau/)).toBeTruthy();
    },
  );

  test('at the network’s https:// address says nothing of the kind', async () => {
    render(<AdminPanel serverUrl="https://valise.mon-reseau.fr" deviceId="mine" networkName="Réseau" />);
    fireEvent.click(screen.getByRole('button', { name: 'Créer une invitation' }));
    await screen.findByRole('button', { name: 'Copier le lien' });
    expect(screen.queryByText(/cet ordinateur/)).toBeNull();
  });
});

describe('an invitation, for an admin on a phone', () => {
  beforeEach(() => {
    uiStore.setState({ lang: 'fr' });
  });

  test('the roles read as their labels, in the invitation and the devices alike (not « concierge » in lower case)', async () => {
    render(<AdminPanel serverUrl="https://valise.example" deviceId="mine" networkName="Réseau" />);
    const role = screen.getByRole('combobox', { name: 'Rôle de la personne invitée' });
    expect(
      within(role)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Concierge', 'Admin']);
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les appareils' }));
    expect((await screen.findByText('Téléphone de Sam')).closest('li')?.textContent).toContain('Léa Petit (Admin)');
  });

  test('its link is copied whole by a button, to paste in a message', async () => {
    const copied: string[] = [];
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: async (text: string) => void copied.push(text) },
    });
    try {
      render(<AdminPanel serverUrl="https://valise.example" deviceId="mine" networkName="Réseau" />);
      fireEvent.click(screen.getByRole('button', { name: 'Créer une invitation' }));
      fireEvent.click(await screen.findByRole('button', { name: 'Copier le lien' }));
      await screen.findByText('Lien copié : collez-le dans un message à la personne invitée.');
      expect(copied).toEqual(['https://valise.example/#/rejoindre?code=JWA2-F9K6-TTZF']);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('an invitation sent to the wrong person, for its admin', () => {
  beforeEach(() => {
    uiStore.setState({ lang: 'fr' });
    server.cancelled = [];
    server.closedCodes.clear();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function invitationShown() {
    render(<AdminPanel serverUrl="https://valise.example" deviceId="mine" networkName="Réseau" />);
    fireEvent.click(screen.getByRole('button', { name: 'Créer une invitation' }));
    return screen.findByRole('button', { name: 'Annuler cette invitation' });
  }

  test('is cancelled once confirmed, and the screen says its code no longer lets anyone in', async () => {
    const asked: string[] = [];
    let answer = false;
    vi.stubGlobal('confirm', (question: string) => asked.push(question) > 0 && answer);
    const cancel = await invitationShown();

    fireEvent.click(cancel);
    expect(asked).toEqual([expect.stringContaining('Annuler l’invitation JWA2-F9K6-TTZF')]);
    expect(server.cancelled).toEqual([]);
    expect(screen.getByTestId('invitation-code').textContent).toBe('JWA2-F9K6-TTZF');

    answer = true;
    fireEvent.click(cancel);
    await screen.findByText(/Invitation JWA2-F9K6-TTZF annulée : son code et son lien ne permettent plus/);
    expect(server.cancelled).toEqual(['JWA2-F9K6-TTZF']);
    expect(screen.queryByTestId('invitation-code')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copier le lien' })).toBeNull();
  });

  test('already used or ended elsewhere, it says so rather than that the action failed', async () => {
    vi.stubGlobal('confirm', () => true);
    server.closedCodes.add('JWA2-F9K6-TTZF');
    fireEvent.click(await invitationShown());

    await screen.findByText(/Cette invitation n’est plus ouverte : elle a déjà servi, a expiré ou a été annulée/);
    expect(screen.queryByText(/L’action n’a pas abouti/)).toBeNull();
    expect(screen.queryByTestId('invitation-code')).toBeNull();
  });
});

describe('the invitations still open, for an admin who left the screen that showed their code', () => {
  const asked: string[] = [];
  let answer = true;
  beforeEach(() => {
    uiStore.setState({ lang: 'fr' });
    server.open = [
      openInvitation('lost', { role: 'admin' }),
      openInvitation('by-server', { createdAt: '2026-12-03T10:00:00.000Z', creator: null }),
      openInvitation('old', { createdAt: null, creator: null }),
    ];
    server.closedIds.clear();
    asked.length = 0;
    answer = true;
    vi.stubGlobal('confirm', (question: string) => asked.push(question) > 0 && answer);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function listShown() {
    render(<AdminPanel serverUrl="https://valise.example" deviceId="mine" networkName="Réseau" />);
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les invitations en attente' }));
    const list = await screen.findByTestId('open-invitations');
    return () => within(list).queryAllByRole('listitem');
  }

  test('shows each one’s role, maker and expiry, and says who made it when the app did not', async () => {
    const cards = await listShown();
    const [lost, byServer, old] = cards().map((card) => card.textContent ?? '');
    expect(lost).toMatch(/^Admin/);
    expect(lost).toContain('par \u2068Léa Petit\u2069 (\u2068Ordinateur de Léa\u2069)');
    expect(lost).toMatch(/Valable jusqu’au 7 décembre 2026 à \d\d:00/);
    expect(byServer).toMatch(/^Concierge.*depuis le serveur, en ligne de commande/);
    expect(old).toContain('Créée avant que le serveur ne garde la date et l’auteur des invitations');
    expect(screen.getByText(/Le serveur ne garde pas les codes/)).toBeTruthy();
  });

  test('one is cancelled only once confirmed, then leaves the list, its code no longer letting anyone in', async () => {
    const cards = await listShown();
    const lost = cards()[0] as HTMLElement;
    answer = false;
    fireEvent.click(within(lost).getByRole('button', { name: 'Annuler' }));
    expect(asked).toEqual([
      expect.stringMatching(/^Annuler l’invitation «\u00a0Admin\u00a0»\u202f\? Créée le .* par .*Léa Petit/),
    ]);
    expect(server.closedIds.size).toBe(0);

    answer = true;
    fireEvent.click(within(lost).getByRole('button', { name: 'Annuler' }));
    await screen.findByText(/Invitation annulée : son code et son lien ne permettent plus/);
    expect([...server.closedIds]).toEqual(['lost']);
    expect(cards()).toHaveLength(2);
  });

  test('one ended meanwhile elsewhere says so, not that the action failed, and the list follows', async () => {
    const cards = await listShown();
    server.closedIds.add('by-server');
    fireEvent.click(within(cards()[1] as HTMLElement).getByRole('button', { name: 'Annuler' }));
    await screen.findByText(/Cette invitation n’était plus ouverte/);
    expect(screen.queryByText(/L’action n’a pas abouti/)).toBeNull();
    expect(cards()).toHaveLength(2);
  });

  test('an invitation made here joins a list already shown', async () => {
    const cards = await listShown();
    expect(cards()).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Créer une invitation' }));
    await waitFor(() => expect(cards()).toHaveLength(4));
  });

  test('the invitation just made, cancelled from the list, no longer shows its code; another leaves it', async () => {
    const cards = await listShown();
    fireEvent.click(screen.getByRole('button', { name: 'Créer une invitation' }));
    await waitFor(() => expect(cards()).toHaveLength(4));
    expect(screen.getByTestId('invitation-code').textContent).toBe('JWA2-F9K6-TTZF');

    fireEvent.click(within(cards()[1] as HTMLElement).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(cards()).toHaveLength(3));
    expect(screen.getByTestId('invitation-code').textContent).toBe('JWA2-F9K6-TTZF');

    fireEvent.click(within(cards()[0] as HTMLElement).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect([...server.closedIds]).toEqual(['lost', 'made-here']);
    expect(screen.queryByTestId('invitation-code')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copier le lien' })).toBeNull();
  });
});
