// A lieu made from a visit's "Créer « … »" had a plain "Commune" box: « Mairie de Crest » with
// « Crest » typed had no INSEE code nor territory, and the report's "Visites par territoire"
// counted its visits under "Non renseigné". The inline lieu has the lieu form's postcode and
// commune lookup: the commune chosen there fills its codes, and the lieu has a territory.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, expect, test, vi } from 'vitest';
import { parseCommunes } from '../../../../src/domain/communes';
import type { Organisation } from '../../../../src/domain/organisation';
import { territoryKeys } from '../../../../src/domain/territory';
import { InlineOrganisationForm } from '../../../../src/ui/components/InlineOrganisationForm';
import { withAppData } from '../../../helpers/screen-setup';
import { buildCommunesTable } from '../../../tools/communes-data';

const table = vi.hoisted(() => ({ index: null as unknown }));
vi.mock('../../../../src/ui/hooks/use-communes', () => ({ useCommunes: () => table.index }));

withAppData();

beforeAll(() => {
  table.index = parseCommunes(buildCommunesTable());
});

test('a lieu created inline with its commune picked from the postcode’s list has its codes and a territory', async () => {
  const onCreated = vi.fn<(lieu: Organisation) => void>();
  render(<InlineOrganisationForm initialName="Mairie de Crest" onCreated={onCreated} onCancel={() => {}} />);
  fireEvent.input(screen.getByRole('combobox', { name: 'Code postal (facultatif)' }), { target: { value: '26400' } });
  fireEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: /^Crest\b/ }));
  await waitFor(() =>
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Commune (facultatif)' }).value).toBe('Crest'),
  );
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter le lieu' }));

  await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  const lieu = onCreated.mock.calls[0]?.[0] as Organisation;
  expect(lieu).toMatchObject({ name: 'Mairie de Crest', commune: 'Crest', postcode: '26400', departementCode: '26' });
  expect(lieu.inseeCode).toMatch(/^26\d{3}$/);
  expect(territoryKeys(lieu).map((key) => key.kind)).toContain('departement');
});

test('a commune typed and not picked stays as typed, without codes that would belong to another', async () => {
  const onCreated = vi.fn<(lieu: Organisation) => void>();
  render(<InlineOrganisationForm initialName="Tiers-lieu du Val" onCreated={onCreated} onCancel={() => {}} />);
  fireEvent.input(screen.getByRole('combobox', { name: 'Commune (facultatif)' }), { target: { value: 'Val Nord' } });
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter le lieu' }));
  await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  expect(onCreated.mock.calls[0]?.[0]).toMatchObject({ commune: 'Val Nord', postcode: null, inseeCode: null });
});
