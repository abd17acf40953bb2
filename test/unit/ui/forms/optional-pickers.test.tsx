// A picker that may be left empty says so as the other optional fields do: the new-user day
// (2026-12-05) read « Lieux / structures » and « Lieu du réseau » as required, beside
// « Téléphone (facultatif) » and « Organisé par (facultatif) ».
import { render, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { PersonForm } from '../../../../src/ui/screens/contacts/PersonForm';
import { EventForm } from '../../../../src/ui/screens/events/EventForm';
import { withAppData } from '../../../helpers/screen-setup';

withAppData();

test('the person form’s lieux say they are optional', async () => {
  render(<PersonForm personId={null} />);
  await screen.findByRole('group', { name: 'Lieux / structures (facultatif)' }, { timeout: 30_000 });
  // The search box keeps the picker's own name, without the mark.
  expect(screen.getByRole('searchbox', { name: 'Chercher\u00a0: Lieux / structures' })).toBeTruthy();
}, 60_000);

test('the event form’s lieu of the network says it is optional', async () => {
  render(<EventForm eventId={null} />);
  await screen.findByRole('group', { name: 'Lieu du réseau (facultatif)' }, { timeout: 30_000 });
}, 60_000);
