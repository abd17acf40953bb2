// A postcode typed in a lieu's form lists its communes under the box; from the keyboard there
// was no way into that list but Tab through every suggestion, and no way to close it (Firefox
// ESR, 26400: 26 communes). ArrowDown goes to them, the arrows move, Escape closes.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { beforeAll, expect, test, vi } from 'vitest';
import { parseCommunes } from '../../../../src/domain/communes';
import { uiStore } from '../../../../src/state/ui';
import { CommuneFields } from '../../../../src/ui/territory/CommuneFields';
import { buildCommunesTable } from '../../../tools/communes-data';

const table = vi.hoisted(() => ({ index: null as unknown }));
vi.mock('../../../../src/ui/hooks/use-communes', () => ({ useCommunes: () => table.index }));

beforeAll(() => {
  table.index = parseCommunes(buildCommunesTable());
  uiStore.setState({ lang: 'fr' });
});

const EMPTY = {
  postcode: '',
  commune: '',
  inseeCode: '',
  departement: '',
  departementCode: '',
  region: '',
  regionCode: '',
  epci: '',
  epciCode: '',
};

function LieuAddress() {
  const [values, setValues] = useState(EMPTY);
  return <CommuneFields values={values} errors={{}} onChange={(changes) => setValues({ ...values, ...changes })} />;
}

test('ArrowDown goes into the suggestions, the arrows move, Escape closes them back in the postcode', async () => {
  render(<LieuAddress />);
  const postcode = screen.getByRole('textbox', { name: 'Code postal (facultatif)' });
  postcode.focus();
  fireEvent.input(postcode, { target: { value: '26400' } });
  const list = await screen.findByRole('list');
  const [first, second] = Array.from(list.querySelectorAll('button'));

  expect(fireEvent.keyDown(postcode, { key: 'ArrowDown' })).toBe(false);
  expect(document.activeElement).toBe(first);
  fireEvent.keyDown(first as HTMLElement, { key: 'ArrowDown' });
  expect(document.activeElement).toBe(second);
  fireEvent.keyDown(second as HTMLElement, { key: 'Escape' });
  expect(document.activeElement).toBe(postcode);
  await waitFor(() => expect(screen.queryByRole('list')).toBeNull());
});

test('Escape in the box closes the suggestions and keeps what was typed', async () => {
  render(<LieuAddress />);
  const commune = screen.getByRole('textbox', { name: 'Commune (facultatif)' });
  fireEvent.input(commune, { target: { value: 'Crest' } });
  await screen.findByRole('list');
  expect(fireEvent.keyDown(commune, { key: 'Escape' })).toBe(false);
  await waitFor(() => expect(screen.queryByRole('list')).toBeNull());
  expect((commune as HTMLInputElement).value).toBe('Crest');
});
