// A change the server refused names its record, as the app names it elsewhere: a concierge can
// tell which visit, lieu or person it was, and open it while it is still on the device.
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { appData } from '../../../../../src/db/app-data';
import { createRecord } from '../../../../../src/db/writes';
import { isolate } from '../../../../../src/domain/bidi';
import { newId } from '../../../../../src/domain/ids';
import { uiStore } from '../../../../../src/state/ui';
import { RejectedChanges } from '../../../../../src/ui/screens/settings/network/RejectedChanges';
import { sampleRecords } from '../../../../fixtures/records';

beforeAll(() => uiStore.setState({ lang: 'fr', online: true }));

async function refuse(type: string, recordId: string, fields: Record<string, unknown>) {
  const context = await appData();
  await context.db.rejected.put({
    id: newId(),
    type: type as never,
    recordId,
    fields,
    reason: 'not allowed',
    code: 'forbidden',
    rejectedAt: '2026-12-04T09:00:00.000Z',
  });
}

async function cardOf(text: string): Promise<HTMLElement> {
  const name = await screen.findByText((_, element) => element?.tagName === 'STRONG' && element.textContent === text);
  const card = name.closest('li');
  if (!card) throw new Error('no card');
  return card;
}

describe('a refused change in Réglages', () => {
  afterEach(async () => {
    cleanup();
    await (await appData()).db.rejected.clear();
  });

  test('a visit is named by its lieu and its date, isolated, with a link to it', async () => {
    const context = await appData();
    const { organisations, visits } = sampleRecords();
    const lieu = await createRecord(context, 'organisations', { ...organisations, id: newId(), name: 'مقهى الساحة' });
    const visit = await createRecord(context, 'visits', {
      ...visits,
      id: newId(),
      organisationId: lieu.id,
      visitedAt: '2026-12-03T14:00:00.000Z',
    });
    await refuse('visits', visit.id, { purpose: 'Relance' });
    render(<RejectedChanges />);
    const card = await cardOf(`Visite · ${isolate('مقهى الساحة')} · 3 décembre 2026`);
    expect(within(card).getByRole('link').getAttribute('href')).toBe(`#/visites/${visit.id}`);
  });

  test('a refused new person, dropped from the device, is named by what was typed, with no link', async () => {
    await refuse('contacts', newId(), { name: 'Jeanne Martin' });
    render(<RejectedChanges />);
    const card = await cardOf(`Personne · ${isolate('Jeanne Martin')}`);
    expect(within(card).queryByRole('link')).toBeNull();
  });
});
