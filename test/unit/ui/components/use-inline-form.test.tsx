// Enter in the visit form's "Nouveau lieu" (its commune, after the name) saved the whole visit
// without the lieu, and the lieu's name and commune were lost (Firefox ESR at 360×740, keyboard
// only). Enter in an inline form adds what it creates; Escape closes it; the visit stays open.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, expect, test, vi } from 'vitest';
import type { NewRecord } from '../../../../src/domain/record-types';
import { uiStore } from '../../../../src/state/ui';
import { InlineContactForm } from '../../../../src/ui/components/InlineContactForm';
import { InlineOrganisationForm } from '../../../../src/ui/components/InlineOrganisationForm';

beforeEach(() => {
  uiStore.setState({ lang: 'fr' });
});

function insideAVisit(inline: preact.JSX.Element) {
  const submitted = vi.fn((event: Event) => event.preventDefault());
  render(<form onSubmit={submitted}>{inline}</form>);
  return submitted;
}

test('Enter in the new lieu’s commune adds the lieu, with its commune, and does not submit the visit', async () => {
  const create = vi.fn(async (_lieu: NewRecord<'organisations'>) => {});
  const submitted = insideAVisit(
    <InlineOrganisationForm initialName="Fablab des Coteaux" onInput={() => {}} create={create} onCancel={() => {}} />,
  );
  const commune = screen.getByRole('combobox', { name: 'Commune (facultatif)' });
  fireEvent.input(commune, { target: { value: 'Crest' } });
  // false: the browser's own action, submitting the visit, is prevented.
  expect(fireEvent.keyDown(commune, { key: 'Enter' })).toBe(false);
  await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
  expect(create.mock.calls[0]?.[0]).toMatchObject({ name: 'Fablab des Coteaux', commune: 'Crest' });
  expect(submitted).not.toHaveBeenCalled();
});

test('Enter in the new person’s e-mail adds the person; Escape closes the form without adding', async () => {
  const create = vi.fn(async () => {});
  const onCancel = vi.fn();
  insideAVisit(<InlineContactForm initialName="Maëlle Roux" onInput={() => {}} create={create} onCancel={onCancel} />);
  const email = screen.getByRole('textbox', { name: 'E-mail (facultatif)' });
  expect(fireEvent.keyDown(email, { key: 'Enter' })).toBe(false);
  await waitFor(() => expect(create).toHaveBeenCalledTimes(1));

  fireEvent.keyDown(screen.getByRole('textbox', { name: 'Rôle (facultatif)' }), { key: 'Escape' });
  expect(onCancel).toHaveBeenCalledTimes(1);
  expect(create).toHaveBeenCalledTimes(1);
});

test('Enter pressed twice, or held, adds the person once', async () => {
  const create = vi.fn(async () => {});
  insideAVisit(<InlineContactForm initialName="Maëlle Roux" onInput={() => {}} create={create} onCancel={() => {}} />);
  const role = screen.getByRole('textbox', { name: 'Rôle (facultatif)' });
  fireEvent.keyDown(role, { key: 'Enter' });
  fireEvent.keyDown(role, { key: 'Enter' });
  fireEvent.keyDown(role, { key: 'Enter', repeat: true });
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter la personne' }));
  await waitFor(() => expect(create).toHaveBeenCalled());
  expect(create).toHaveBeenCalledTimes(1);
});

test('Escape leaves a new lieu open while it holds words typed, so that nothing typed goes', () => {
  const onCancel = vi.fn();
  insideAVisit(
    <InlineOrganisationForm initialName="Fablab" onInput={() => {}} create={async () => {}} onCancel={onCancel} />,
  );
  const commune = screen.getByRole('combobox', { name: 'Commune (facultatif)' });
  fireEvent.input(commune, { target: { value: 'Crest' } });
  fireEvent.keyDown(commune, { key: 'Escape' });
  expect(onCancel).not.toHaveBeenCalled();
  expect(screen.getByRole('combobox', { name: 'Commune (facultatif)' })).toHaveProperty('value', 'Crest');
});
