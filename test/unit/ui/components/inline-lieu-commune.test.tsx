// A lieu made from a visit's "Créer « … »" had a plain "Commune" box: « Mairie de Crest » with
// « Crest » typed had no INSEE code nor territory, and the report's "Visites par territoire"
// counted its visits under "Non renseigné". The inline lieu has the lieu form's postcode and
// commune lookup: the commune chosen there fills its codes, and the lieu has a territory.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, expect, test, vi } from 'vitest';
import { createOrganisation } from '../../../../src/db/organisations';
import { parseCommunes } from '../../../../src/domain/communes';
import type { Organisation } from '../../../../src/domain/organisation';
import type { NewRecord } from '../../../../src/domain/record-types';
import { territoryKeys } from '../../../../src/domain/territory';
import { InlineOrganisationForm } from '../../../../src/ui/components/InlineOrganisationForm';
import { withAppData } from '../../../helpers/screen-setup';
import { buildCommunesTable } from '../../../tools/communes-data';

const table = vi.hoisted(() => ({ index: null as unknown }));
vi.mock('../../../../src/ui/hooks/use-communes', () => ({ useCommunes: () => table.index }));

const app = withAppData();

/** Stores the lieu as the form around it would, and keeps what was stored. */
function storing() {
  const stored: Organisation[] = [];
  const create = async (lieu: NewRecord<'organisations'>) => {
    stored.push(await createOrganisation(app.context, lieu));
  };
  return { stored, create };
}

beforeAll(() => {
  table.index = parseCommunes(buildCommunesTable());
});

test('a lieu created inline with its commune picked from the postcode’s list has its codes and a territory', async () => {
  const { stored, create } = storing();
  render(
    <InlineOrganisationForm initialName="Mairie de Crest" onInput={() => {}} create={create} onCancel={() => {}} />,
  );
  fireEvent.input(screen.getByRole('combobox', { name: 'Code postal (facultatif)' }), { target: { value: '26400' } });
  fireEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: /^Crest\b/ }));
  await waitFor(() =>
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Commune (facultatif)' }).value).toBe('Crest'),
  );
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter le lieu' }));

  await waitFor(() => expect(stored).toHaveLength(1));
  const lieu = stored[0] as Organisation;
  expect(lieu).toMatchObject({ name: 'Mairie de Crest', commune: 'Crest', postcode: '26400', departementCode: '26' });
  expect(lieu.inseeCode).toMatch(/^26\d{3}$/);
  expect(territoryKeys(lieu).map((key) => key.kind)).toContain('departement');
});

test('a commune typed and not picked stays as typed, without codes that would belong to another', async () => {
  const { stored, create } = storing();
  render(
    <InlineOrganisationForm initialName="Tiers-lieu du Val" onInput={() => {}} create={create} onCancel={() => {}} />,
  );
  fireEvent.input(screen.getByRole('combobox', { name: 'Commune (facultatif)' }), { target: { value: 'Val Nord' } });
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter le lieu' }));
  await waitFor(() => expect(stored).toHaveLength(1));
  expect(stored[0]).toMatchObject({ commune: 'Val Nord', postcode: null, inseeCode: null });
});
