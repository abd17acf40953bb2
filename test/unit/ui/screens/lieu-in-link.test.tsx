// A link a stranger sends may name in its `?lieu=` a lieu this device does not hold, a malformed
// id or a very long text: the form it opens chose it anyway, and its picker showed a « … » chip
// for ever (saving the visit would have stored a lieu no device knows). Nothing is chosen then;
// a lieu of the device is chosen as before. A picked lieu or person the device does not hold
// (deleted since, of another device) says so in its chip, instead of « … ».
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, expect, test } from 'vitest';
import { createOrganisation } from '../../../../src/db/organisations';
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
