// A link a stranger sends may name in its `?lieu=` a lieu this device does not hold, a malformed
// id or a very long text: the form it opens chose it anyway, and its picker showed a « … » chip
// for ever (saving the visit would have stored a lieu no device knows). Nothing is chosen then;
// a lieu of the device is chosen as before. A picked lieu or person the device does not hold
// (deleted since, of another device) says so in its chip, instead of « … ».
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, expect, test } from 'vitest';
import { createOrganisation } from '../../../../src/db/organisations';
import { createRecord } from '../../../../src/db/writes';
import { newId } from '../../../../src/domain/ids';
import { parseHash, routeStore } from '../../../../src/state/router';
import { RecordPicker } from '../../../../src/ui/components/RecordPicker';
import { PersonForm } from '../../../../src/ui/screens/contacts/PersonForm';
import { NewDiagnostic } from '../../../../src/ui/screens/diagnostics/NewDiagnostic';
import VisitForm from '../../../../src/ui/screens/visits/form/VisitForm';
import { withAppData } from '../../../helpers/screen-setup';

const app = withAppData();
afterEach(() => routeStore.setState({ route: parseHash('') }));

const HOSTILE = [
  ['the id of no lieu here', newId()],
  ['a malformed id', 'pas-un-id'],
  ['10,000 characters', `${'x'.repeat(10_000)}\u202e`],
];

const chips = () => screen.queryAllByTestId('picker-chip').map((chip) => chip.textContent);

test.each(HOSTILE)(
  'a new visit, person or diagnostic opened with ?lieu= and %s chooses no lieu',
  async (_, value) => {
    const query = `?lieu=${encodeURIComponent(value)}`;
    routeStore.setState({ route: parseHash(`#/visites/nouvelle${query}`) });
    render(<VisitForm visitId={null} />);
    await screen.findByRole('searchbox', { name: 'Chercher\u00a0: Lieu' }, { timeout: 30_000 });
    expect(chips()).toEqual([]);
    cleanup();

    routeStore.setState({ route: parseHash(`#/contacts/personne/nouveau${query}`) });
    render(<PersonForm personId={null} />);
    await screen.findByRole('searchbox', { name: 'Chercher\u00a0: Lieux / structures' }, { timeout: 30_000 });
    expect(chips()).toEqual([]);
    cleanup();

    render(<NewDiagnostic organisationId={value} />);
    await screen.findByRole('searchbox', { name: 'Chercher\u00a0: Lieu ou projet' }, { timeout: 30_000 });
    expect(chips()).toEqual([]);
  },
  60_000,
);

test('a new visit or diagnostic opened with the id of a lieu of the device chooses it', async () => {
  const lieu = await createOrganisation(app.context, { name: 'La Fabrique de Redon', kind: 'tiers_lieu' });
  routeStore.setState({ route: parseHash(`#/visites/nouvelle?lieu=${lieu.id}`) });
  render(<VisitForm visitId={null} />);
  await waitFor(() => expect(chips()).toEqual(['La Fabrique de RedonChanger']), { timeout: 30_000 });
  cleanup();

  render(<NewDiagnostic organisationId={lieu.id} />);
  await waitFor(() => expect(chips()).toEqual(['La Fabrique de RedonChanger']), { timeout: 30_000 });
}, 60_000);

function Picked({ ids }: { ids: string[] }) {
  const [selected, setSelected] = useState(ids);
  return <RecordPicker type="contacts" label="Personnes" multiple selected={selected} onChange={setSelected} />;
}

test('a picked person the device does not hold says so in its chip, and stays picked', async () => {
  render(<Picked ids={[newId()]} />);
  await waitFor(() => expect(chips()).toEqual(['Personne absente de cet appareil×']));
});

test('a diagnostic started from a link naming a visit this device does not hold is tied to no visit', async () => {
  const lieu = await createOrganisation(app.context, { name: 'La Grange', kind: 'tiers_lieu' });
  const visit = await createRecord(app.context, 'visits', {
    visitedAt: '2026-03-03T09:00:00.000Z',
    organisationId: lieu.id,
    services: ['support_projects'],
  });
  const start = async (visitId: string) => {
    routeStore.setState({ route: parseHash('') });
    render(<NewDiagnostic organisationId={lieu.id} visitId={visitId} />);
    await waitFor(() => expect(chips()).toEqual(['La GrangeChanger']), { timeout: 30_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Commencer le diagnostic' }));
    await waitFor(() => expect(routeStore.getState().route.path).toMatch(/^\/diagnostics\/[0-9a-f-]{36}/), {
      timeout: 30_000,
    });
    cleanup();
    const id = routeStore.getState().route.path.split('/')[2] as string;
    return (await app.context.db.records('diagnostics').get(id))?.visitId;
  };
  // Kept when the visit is on the device (started from its page); else no tie to a visit no screen opens.
  expect(await start(visit.id)).toBe(visit.id);
  expect(await start(newId())).toBeNull();
  expect(await start('x'.repeat(10_000))).toBeNull();
}, 60_000);
