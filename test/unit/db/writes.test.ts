import { afterEach, describe, expect, test, vi } from 'vitest';
import { RecordValidationError } from '../../../src/db/errors';
import { createRecord, createRecords, deleteRecord, updateRecord } from '../../../src/db/writes';
import { describeIssue } from '../../../src/ui/i18n/validation';
import { sampleRecords } from '../../fixtures/records';
import { openTestContext } from '../../helpers/db';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a repository write', () => {
  test('stores the record and queues it for the server in the same write', async () => {
    const context = await openTestContext();
    const visit = await createRecord(context, 'visits', sampleRecords().visits);

    expect(await context.db.records('visits').get(visit.id)).toMatchObject({
      id: visit.id,
      purpose: 'Premier rendez-vous',
    });
    const outbox = await context.db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ type: 'visits', recordIds: [visit.id], fields: null });
  });

  test('stamps the base fields: local network, author, times, not deleted', async () => {
    const context = await openTestContext();
    context.identity.authorName = 'Dominique';
    const contact = await createRecord(context, 'contacts', sampleRecords().contacts);
    expect(contact).toMatchObject({ networkId: 'local', updatedBy: 'Dominique', deleted: false });
    expect(contact.createdAt).toBe(contact.updatedAt);
  });

  test('leaves neither the record nor an outbox entry when queueing fails', async () => {
    const context = await openTestContext();
    vi.spyOn(context.db.outbox, 'add').mockRejectedValueOnce(new Error('QuotaExceededError: disk full'));

    await expect(createRecord(context, 'visits', sampleRecords().visits)).rejects.toThrow('disk full');

    expect(await context.db.records('visits').count()).toBe(0);
    expect(await context.db.outbox.count()).toBe(0);
  });

  test('stores none of a batch when one of its records cannot be stored', async () => {
    const context = await openTestContext();
    const first = sampleRecords().contacts;
    const clash = { ...sampleRecords().contacts, id: first.id, name: 'Même identifiant' };

    await expect(createRecords(context, 'contacts', [first, clash])).rejects.toThrow();

    expect(await context.db.records('contacts').count()).toBe(0);
    expect(await context.db.outbox.count()).toBe(0);
  });

  test('stores none of a large import when a record far down the file is invalid', async () => {
    const context = await openTestContext();
    const contacts = Array.from({ length: 1200 }, (_, index) => ({
      ...sampleRecords().contacts,
      name: `Personne ${index}`,
    }));
    contacts[1100] = { ...sampleRecords().contacts, email: 'pas une adresse' };

    await expect(createRecords(context, 'contacts', contacts)).rejects.toThrow(RecordValidationError);

    expect(await context.db.records('contacts').count()).toBe(0);
    expect(await context.db.outbox.count()).toBe(0);
  });

  test('keeps the previous values and queues nothing when an update fails to queue', async () => {
    const context = await openTestContext();
    const visit = await createRecord(context, 'visits', sampleRecords().visits);
    vi.spyOn(context.db.outbox, 'add').mockRejectedValueOnce(new Error('connection lost'));

    await expect(updateRecord(context, 'visits', visit.id, { purpose: 'Deuxième rendez-vous' })).rejects.toThrow(
      'connection lost',
    );

    expect((await context.db.records('visits').get(visit.id))?.purpose).toBe('Premier rendez-vous');
    expect(await context.db.outbox.count()).toBe(1);
  });

  test('queues only the fields an update changed', async () => {
    const context = await openTestContext();
    const visit = await createRecord(context, 'visits', sampleRecords().visits);
    await updateRecord(context, 'visits', visit.id, { purpose: 'Deuxième rendez-vous', services: visit.services });

    const [, update] = await context.db.outbox.orderBy('seq').toArray();
    expect(update?.fields).toEqual(['purpose', 'updatedAt', 'updatedBy']);
  });

  test('deletes with a tombstone that is itself queued', async () => {
    const context = await openTestContext();
    const visit = await createRecord(context, 'visits', sampleRecords().visits);
    await deleteRecord(context, 'visits', visit.id);

    expect((await context.db.records('visits').get(visit.id))?.deleted).toBe(true);
    expect((await context.db.outbox.orderBy('seq').last())?.fields).toContain('deleted');
  });
});

describe('validation of a record', () => {
  test('refuses a bad contact with a readable message per field and stores nothing', async () => {
    const context = await openTestContext();
    const error = await createRecord(context, 'contacts', {
      ...sampleRecords().contacts,
      name: '   ',
      email: 'camille-at-exemple',
      phone: 'appeler le matin',
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RecordValidationError);
    const issues = (error as RecordValidationError).issues;
    expect((error as Error).message).toBe(
      'invalid contacts: name is required; phone must be a phone number; email must be an email address',
    );
    expect(Object.fromEntries(issues.map((issue) => [issue.field, describeIssue(issue, 'fr')]))).toEqual({
      name: 'Ce champ est obligatoire.',
      phone: 'Numéro de téléphone non valide\u00a0: chiffres, espaces, +, points ou tirets.',
      email: 'Adresse e-mail non valide (exemple\u00a0: prenom.nom@exemple.fr).',
    });
    expect(await context.db.records('contacts').count()).toBe(0);
    expect(await context.db.outbox.count()).toBe(0);
  });

  test('refuses an event that ends before it starts, naming the end', async () => {
    const context = await openTestContext();
    const error = (await createRecord(context, 'events', {
      ...sampleRecords().events,
      startsAt: '2026-04-01T15:00:00.000Z',
      endsAt: '2026-04-01T07:30:00.000Z',
    }).catch((caught: unknown) => caught)) as RecordValidationError;

    expect(error.issues.map((issue) => [issue.field, describeIssue(issue, 'fr')])).toEqual([
      ['endsAt', 'La fin ne peut pas précéder le début.'],
    ]);
  });

  test('refuses an update that would make a record invalid, keeping the stored one', async () => {
    const context = await openTestContext();
    const organisation = await createRecord(context, 'organisations', sampleRecords().organisations);

    await expect(updateRecord(context, 'organisations', organisation.id, { postcode: '354' })).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    expect((await context.db.records('organisations').get(organisation.id))?.postcode).toBe('35400');
  });
});
