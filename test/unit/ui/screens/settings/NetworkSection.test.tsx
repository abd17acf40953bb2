// Joining from an invitation link: once the code is used, the address no longer holds it, so
// neither going back nor a reload offers the used code again, and the news of the join stays.
// An admin device removed from the network is no longer offered what only an admin may do.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Session } from '../../../../../src/db/context';
import { isolate } from '../../../../../src/domain/bidi';
import { routeStore, startRouter } from '../../../../../src/state/router';
import { syncStore } from '../../../../../src/state/sync';
import { uiStore } from '../../../../../src/state/ui';
import { INITIAL_SYNC_STATUS } from '../../../../../src/sync/status';
import { NetworkSection } from '../../../../../src/ui/screens/settings/NetworkSection';
import { joinedSession } from '../../../../helpers/session';

const session = joinedSession({ memberName: 'Camille Martin' });

/** How many changes of their own the person had written before the next join. */
const written = vi.hoisted(() => ({ ownChanges: 0 }));

vi.mock('../../../../../src/state/sync', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../../src/state/sync')>();
  const join = async () => {
    original.syncStore.setState({ session });
    return { session, ownChanges: written.ownChanges };
  };
  return { ...original, join };
});

// The network's file space asks the server; not what these tests are about.
vi.mock('../../../../../src/ui/screens/settings/network/NetworkFiles', () => ({ NetworkFiles: () => null }));

vi.mock('../../../../../src/ui/hooks/use-data-context', () => ({
  useDataContext: () => ({ identity: { authorName: 'Camille Martin' } }),
}));

describe('joining from an invitation link', () => {
  /** The link's form filled in and sent: its server's address, this device's name, « Rejoindre le réseau ». */
  function joinFromTheForm() {
    render(<NetworkSection invitationCode="JWA2-F9K6-TTZF" />);
    fireEvent.input(screen.getByLabelText('Adresse du serveur du réseau'), {
      target: { value: 'https://valise.example' },
    });
    fireEvent.input(screen.getByLabelText('Nom de cet appareil'), { target: { value: 'Téléphone de Camille' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rejoindre le réseau' }));
  }

  beforeEach(() => {
    written.ownChanges = 0;
    uiStore.setState({ lang: 'fr', online: true });
    syncStore.setState({ session: null });
    location.hash = '#/rejoindre?code=JWA2-F9K6-TTZF';
    startRouter(window);
  });

  test('the used code leaves the address and the history; the join is still announced', async () => {
    const before = history.length;
    expect(routeStore.getState().route.query.code).toBe('JWA2-F9K6-TTZF');
    joinFromTheForm();
    await screen.findByText(/Réseau du bassin/);
    expect(location.hash).toBe('#/rejoindre');
    expect(history.length).toBe(before);
    expect(routeStore.getState().route.query.code).toBeUndefined();
  });

  // The first admin of a brand-new network was told « Les visites du réseau arrivent avec cette
  // première synchronisation » of a network with no visit yet (new-user day, s15).
  test('the news of the join says what comes next, true also of a network with nothing yet, with the way there', async () => {
    joinFromTheForm();
    await screen.findByText(
      /S’il y a déjà des visites dans le réseau, elles arrivent avec cette première synchronisation : retrouvez-les dans Visites\./,
    );
    expect(screen.getByRole('link', { name: 'Aller aux visites' }).getAttribute('href')).toBe('#/visites');
    // The network's name is isolated: an override an admin typed into it stays inside it.
    expect(screen.getByText(/Cet appareil a rejoint/).textContent).toContain(
      `Cet appareil a rejoint «\u00a0${isolate('Réseau du bassin')}\u00a0».`,
    );
  });

  // A fresh device holds only the starter valise, which is not the person's: the news claimed
  // « Ce que vous aviez déjà noté part vers le réseau » to an admin who had noted nothing.
  test.each([
    [0, false],
    [2, true],
  ])('with %i change(s) of their own written before, the news says they go up: %s', async (ownChanges, said) => {
    written.ownChanges = ownChanges;
    joinFromTheForm();
    const news = await screen.findByText(/Cet appareil a rejoint/);
    expect(news.textContent?.includes('Ce que vous aviez déjà noté part vers le réseau.')).toBe(said);
  });

  // Firefox ESR, keyboard only: the join's button went with its form and the focus fell to the
  // body, so Tab started again from the top bar, far above the news.
  test('the focus goes to the news of the join, whose next Tab is “Aller aux visites”', async () => {
    joinFromTheForm();
    const toVisits = await screen.findByRole('link', { name: 'Aller aux visites' });
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('status'));
    expect(document.activeElement?.textContent).toMatch(/^Cet appareil a rejoint/);
    expect(document.activeElement?.contains(toVisits)).toBe(true);
  });

  test('the news of the join is in one live region, not a region inside another (read twice)', async () => {
    joinFromTheForm();
    const news = await screen.findByText(/Cet appareil a rejoint/);
    const live = '[role="status"], [role="alert"], [aria-live]';
    const regions: Element[] = [];
    for (let at = news.closest(live); at; at = at.parentElement?.closest(live) ?? null) regions.push(at);
    expect(regions).toHaveLength(1);
    expect(regions[0]?.querySelectorAll(live)).toHaveLength(0);
  });

  test('the news of the join goes once the first sync learns the device was removed meanwhile', async () => {
    joinFromTheForm();
    await screen.findByRole('link', { name: 'Aller aux visites' });
    act(() => syncStore.setState({ session: { ...session, revokedAt: '2026-12-05T09:00:00.000Z' } }));
    expect(screen.queryByRole('link', { name: 'Aller aux visites' })).toBeNull();
    expect(screen.queryByText(/Cet appareil a rejoint/)).toBeNull();
  });
});

describe('an admin device', () => {
  const admin: Session = { ...session, role: 'admin' };
  beforeEach(() => {
    uiStore.setState({ lang: 'fr', online: true });
    syncStore.setState({ status: INITIAL_SYNC_STATUS });
    location.hash = '#/reglages';
    startRouter(window);
  });

  test('is offered the admin actions', () => {
    syncStore.setState({ session: admin });
    render(<NetworkSection invitationCode="" />);
    expect(screen.getByRole('button', { name: 'Créer une invitation' })).toBeTruthy();
  });

  test('removed by another admin, as a sync learned, is offered none of them and told why once', () => {
    // As the engine shows a device its stored session says was removed.
    syncStore.setState({
      session: { ...admin, revokedAt: '2026-12-05T09:00:00.000Z' },
      status: { ...INITIAL_SYNC_STATUS, state: 'error', error: 'revoked' },
    });
    render(<NetworkSection invitationCode="" />);
    expect(screen.queryByRole('button', { name: 'Créer une invitation' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Afficher les appareils' })).toBeNull();
    // The sync status says it, with what to do; the administration said it a second time.
    const told = screen.getAllByText(/retiré cet appareil|appareil a été retiré/);
    expect(told).toHaveLength(1);
    expect(told[0]?.textContent).toMatch(/demandez une nouvelle invitation/);
    // Nor a "Synchroniser" that the server would refuse again: the way back is the banner's.
    expect(screen.queryByRole('button', { name: 'Synchroniser' })).toBeNull();
  });
});
