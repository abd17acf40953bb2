// A postcode typed in a lieu's form lists its communes under the box (26400: 26 communes). The
// boxes are comboboxes: the focus stays in the box typed in, one Tab stop; the arrows move the
// active commune, Enter picks it, Escape closes the list; a tap still picks.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
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

const active = (box: HTMLElement) => document.getElementById(box.getAttribute('aria-activedescendant') ?? '');

test('the communes are options of a listbox the postcode controls, none a Tab stop of its own', async () => {
  render(<LieuAddress />);
  const postcode = screen.getByRole('combobox', { name: 'Code postal (facultatif)' });
  expect(postcode.getAttribute('aria-expanded')).toBe('false');
  fireEvent.input(postcode, { target: { value: '26400' } });
  const list = await screen.findByRole('listbox', { name: 'Communes correspondantes' });
  expect(postcode.getAttribute('aria-expanded')).toBe('true');
  expect(postcode.getAttribute('aria-controls')).toBe(list.id);
  const options = within(list).getAllByRole('option');
  expect(options.length).toBeGreaterThan(5);
  expect(options.every((option) => option.tabIndex < 0)).toBe(true);
  expect(list.querySelectorAll('button, a, input').length).toBe(0);
  expect(screen.getByRole('status').textContent).toMatch(/^\d+ communes proposées/);
  // The commune box was not typed in: it offers nothing and says so.
  expect(screen.getByRole('combobox', { name: 'Commune (facultatif)' }).getAttribute('aria-expanded')).toBe('false');
});

test('the arrows move the active commune with the focus kept in the box; Enter picks it and submits nothing', async () => {
  const submitted = vi.fn((event: Event) => event.preventDefault());
  render(
    <form onSubmit={submitted}>
      <LieuAddress />
    </form>,
  );
  const postcode = screen.getByRole('combobox', { name: 'Code postal (facultatif)' });
  postcode.focus();
  fireEvent.input(postcode, { target: { value: '26400' } });
  const [first, second] = within(await screen.findByRole('listbox')).getAllByRole('option');

  expect(fireEvent.keyDown(postcode, { key: 'ArrowDown' })).toBe(false);
  await waitFor(() => expect(active(postcode)).toBe(first));
  expect(first?.getAttribute('aria-selected')).toBe('true');
  fireEvent.keyDown(postcode, { key: 'ArrowDown' });
  await waitFor(() => expect(active(postcode)).toBe(second));
  expect(first?.getAttribute('aria-selected')).toBe('false');
  fireEvent.keyDown(postcode, { key: 'ArrowUp' });
  await waitFor(() => expect(active(postcode)).toBe(first));
  expect(document.activeElement).toBe(postcode);

  const name = first?.querySelector('span')?.textContent ?? '';
  expect(fireEvent.keyDown(postcode, { key: 'Enter' })).toBe(false);
  await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
  expect((screen.getByRole('combobox', { name: 'Commune (facultatif)' }) as HTMLInputElement).value).toBe(name);
  expect(screen.getByText(/^INSEE \d{5}/)).toBeTruthy();
  expect(submitted).not.toHaveBeenCalled();
  expect(document.activeElement).toBe(postcode);
});

test('Escape closes the suggestions and keeps what was typed; ArrowDown opens them again', async () => {
  render(<LieuAddress />);
  const commune = screen.getByRole('combobox', { name: 'Commune (facultatif)' });
  fireEvent.input(commune, { target: { value: 'Crest' } });
  await screen.findByRole('listbox');
  fireEvent.keyDown(commune, { key: 'ArrowDown' });
  expect(fireEvent.keyDown(commune, { key: 'Escape' })).toBe(false);
  await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
  expect((commune as HTMLInputElement).value).toBe('Crest');
  expect(commune.getAttribute('aria-expanded')).toBe('false');
  expect(commune.hasAttribute('aria-activedescendant')).toBe(false);

  fireEvent.keyDown(commune, { key: 'ArrowDown' });
  const list = await screen.findByRole('listbox');
  await waitFor(() => expect(active(commune)).toBe(within(list).getAllByRole('option')[0]));
});

test('a tap on a commune picks it, without taking the focus from the box', async () => {
  render(<LieuAddress />);
  const commune = screen.getByRole('combobox', { name: 'Commune (facultatif)' });
  commune.focus();
  fireEvent.input(commune, { target: { value: 'Crest' } });
  const options = within(await screen.findByRole('listbox')).getAllByRole('option');
  const option = options.find((item) => item.querySelector('span')?.textContent === 'Crest') as HTMLElement;
  // The press's default would move the focus (and close a phone's keyboard): it is prevented.
  expect(fireEvent.mouseDown(option)).toBe(false);
  fireEvent.click(option);
  await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
  expect((commune as HTMLInputElement).value).toBe('Crest');
  expect(screen.getByText(/^INSEE 26108/)).toBeTruthy();
});
