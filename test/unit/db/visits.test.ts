import { describe, expect, test, vi } from 'vitest';
import { createContact } from '../../../src/db/contacts';
import { deleteDraft, getDraft, listDrafts, saveDraft } from '../../../src/db/drafts';
import { followUpsOfVisit } from '../../../src/db/follow-ups';
import { createOrganisation } from '../../../src/db/organisations';
import { captureHints, deleteVisit, listVisits, saveVisit } from '../../../src/db/visits';
import { createRecord, updateRecord } from '../../../src/db/writes';
import { openTestContext } from '../../helpers/db';

const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00`).toISOString();

describe('visits', () => {
  test('are saved with their follow-ups and the draft is forgotten in the same write', async () => {
    const context = await openTestContext();
    await saveDraft(context, { id: 'visit-new', kind: 'visit', recordId: null, values: { notes: 'x' } });
    const { visit } = await saveVisit(context, {
      id: null,
      visit: { visitedAt: at('2026-03-03'), services: ['detect'], notes: 'Deux lignes\nde notes' },
      followUps: [{ text: 'Envoyer la fiche', dueDate: '2026-03-10' }],
      draftId: 'visit-new',
    });
    expect((await followUpsOfVisit(context, visit.id)).map((item) => item.text)).toEqual(['Envoyer la fiche']);
    expect(await getDraft(context, 'visit-new')).toBeUndefined();
  });

  test('an invalid follow-up saves nothing and keeps the draft', async () => {
    const context = await openTestContext();
    await saveDraft(context, { id: 'visit-new', kind: 'visit', recordId: null, values: { notes: 'à garder' } });
    await expect(
      saveVisit(context, {
        id: null,
        visit: { visitedAt: at('2026-03-03') },
        followUps: [{ text: '' }],
        draftId: 'visit-new',
      }),
    ).rejects.toMatchObject({ issues: [{ field: 'text' }] });
    expect(await listVisits(context, { limit: 10 })).toEqual([]);
    expect((await getDraft(context, 'visit-new'))?.values).toEqual({ notes: 'à garder' });
  });

  test('are listed newest first by when they happened, one page at a time', async () => {
    const context = await openTestContext();
    for (const day of ['2026-03-02', '2026-03-05', '2026-03-01', '2026-03-04']) {
      await createRecord(context, 'visits', { visitedAt: at(day), purpose: day });
    }
    const gone = await createRecord(context, 'visits', { visitedAt: at('2026-03-06'), purpose: 'supprimée' });
    await deleteVisit(context, gone.id);
    expect((await listVisits(context, { limit: 3 })).map((row) => row.visit.purpose)).toEqual([
      '2026-03-05',
      '2026-03-04',
      '2026-03-02',
    ]);
    expect(
      (await listVisits(context, { limit: 10, from: '2026-03-02', to: '2026-03-04' })).map((row) => row.visit.purpose),
    ).toEqual(['2026-03-04', '2026-03-02']);
  });

  test('are found by their lieu’s or a person’s name without accents, and by service', async () => {
    const context = await openTestContext();
    const lieu = await createOrganisation(context, {
      name: 'Équipe du Moulin',
      kind: 'tiers_lieu',
      territoryLabel: 'Pays de Redon',
      departement: 'Ille-et-Vilaine',
    });
    const person = await createContact(context, { name: 'Hélène Durand' });
    await createRecord(context, 'visits', {
      visitedAt: at('2026-03-01'),
      organisationId: lieu.id,
      services: ['detect'],
    });
    await createRecord(context, 'visits', {
      visitedAt: at('2026-03-02'),
      contactIds: [person.id],
      services: ['federate'],
    });
    await createRecord(context, 'visits', { visitedAt: at('2026-03-03'), notes: 'Rien à voir' });

    const rows = await listVisits(context, { limit: 10, query: 'equipe' });
    expect(rows.map((row) => row.organisationName)).toEqual(['Équipe du Moulin']);
    expect(await listVisits(context, { limit: 10, query: 'helene' })).toHaveLength(1);
    expect(await listVisits(context, { limit: 10, query: 'voir' })).toHaveLength(1);
    expect(await listVisits(context, { limit: 10, service: 'federate' })).toHaveLength(1);
    expect(await listVisits(context, { limit: 10, organisationId: lieu.id })).toHaveLength(1);
    expect(await listVisits(context, { limit: 10, contactId: person.id })).toHaveLength(1);
    expect(await listVisits(context, { limit: 10, territory: 'redon' })).toHaveLength(1);
    expect(await listVisits(context, { limit: 10, territory: 'ille et vilaine' })).toHaveLength(1);
    expect(await listVisits(context, { limit: 10, territory: 'Finistère' })).toHaveLength(0);
  });

  test('a search sees visits written, changed and deleted since the previous search', async () => {
    const context = await openTestContext();
    const first = await createRecord(context, 'visits', { visitedAt: at('2026-03-01'), notes: 'Atelier vélo' });
    expect(await listVisits(context, { limit: 10, query: 'velo' })).toHaveLength(1);

    await createRecord(context, 'visits', { visitedAt: at('2026-03-02'), notes: 'Réparation de vélos' });
    await updateRecord(context, 'visits', first.id, { notes: 'Atelier couture' });
    expect((await listVisits(context, { limit: 10, query: 'velo' })).map((row) => row.visit.notes)).toEqual([
      'Réparation de vélos',
    ]);
    expect(await listVisits(context, { limit: 10, query: 'couture' })).toHaveLength(1);

    await deleteVisit(context, first.id);
    expect(await listVisits(context, { limit: 10, query: 'couture' })).toHaveLength(0);

    const person = await createContact(context, { name: 'Hélène Durand' });
    await createRecord(context, 'visits', { visitedAt: at('2026-03-03'), contactIds: [person.id] });
    expect(await listVisits(context, { limit: 10, query: 'helene' })).toHaveLength(1);
    await updateRecord(context, 'contacts', person.id, { name: 'Hélène Kerjean' });
    expect(await listVisits(context, { limit: 10, query: 'kerjean' })).toHaveLength(1);
    expect(await listVisits(context, { limit: 10, query: 'durand' })).toHaveLength(0);
  });

  test('can be limited to those with a follow-up still open', async () => {
    const context = await openTestContext();
    await saveVisit(context, {
      id: null,
      visit: { visitedAt: at('2026-03-01'), purpose: 'avec' },
      followUps: [{ text: 'Rappeler' }],
    });
    await createRecord(context, 'visits', { visitedAt: at('2026-03-02'), purpose: 'sans' });
    expect((await listVisits(context, { limit: 10, withOpenFollowUps: true })).map((row) => row.visit.purpose)).toEqual(
      ['avec'],
    );
  });

  test('of a person are hers only, newest first, a page at a time, and follow who was met', async () => {
    const context = await openTestContext();
    const helene = await createContact(context, { name: 'Hélène Durand' });
    const yves = await createContact(context, { name: 'Yves Le Goff' });
    const met = (day: string, contactIds: string[]) =>
      createRecord(context, 'visits', { visitedAt: at(day), purpose: day, contactIds });
    await met('2026-03-02', [helene.id]);
    await met('2026-03-05', [yves.id, helene.id]);
    await met('2026-03-04', [yves.id]);
    const later = await met('2026-03-06', [helene.id]);
    const gone = await met('2026-03-07', [helene.id]);
    await deleteVisit(context, gone.id);
    const ofHelene = async (filter: { limit: number; from?: string }) =>
      (await listVisits(context, { ...filter, contactId: helene.id })).map((row) => row.visit.purpose);
    expect(await ofHelene({ limit: 10 })).toEqual(['2026-03-06', '2026-03-05', '2026-03-02']);
    expect(await ofHelene({ limit: 2 })).toEqual(['2026-03-06', '2026-03-05']);
    expect(await ofHelene({ limit: 10, from: '2026-03-03' })).toEqual(['2026-03-06', '2026-03-05']);
    // Someone else was met that day after all.
    await updateRecord(context, 'visits', later.id, { contactIds: [yves.id] });
    expect(await ofHelene({ limit: 10 })).toEqual(['2026-03-05', '2026-03-02']);
  });

  test('keep the time they were written when their date is changed', async () => {
    const context = await openTestContext();
    const visit = await createRecord(context, 'visits', { visitedAt: at('2026-03-03') });
    vi.useFakeTimers({ now: new Date('2026-04-01T08:00:00Z'), toFake: ['Date'] });
    try {
      const { visit: changed } = await saveVisit(context, { id: visit.id, visit: { visitedAt: at('2026-03-02') } });
      expect(changed.createdAt).toBe(visit.createdAt);
    } finally {
      vi.useRealTimers();
    }
  });

  test('keep their seconds when saved with their time to the minute, as the form holds it', async () => {
    const context = await openTestContext();
    const visit = await createRecord(context, 'visits', { visitedAt: '2026-03-03T09:15:42.250Z', notes: null });
    const notesOnly = await saveVisit(context, {
      id: visit.id,
      visit: { visitedAt: '2026-03-03T09:15:00.000Z', notes: 'Revu' },
    });
    expect(notesOnly.visit.visitedAt).toBe('2026-03-03T09:15:42.250Z');
    expect(notesOnly.visit.notes).toBe('Revu');
    const moved = await saveVisit(context, { id: visit.id, visit: { visitedAt: '2026-03-03T09:16:00.000Z' } });
    expect(moved.visit.visitedAt).toBe('2026-03-03T09:16:00.000Z');
  });

  test('quick capture offers the last lieu and the most used services first', async () => {
    const context = await openTestContext();
    const first = await createOrganisation(context, { name: 'A', kind: 'tiers_lieu' });
    const last = await createOrganisation(context, { name: 'B', kind: 'tiers_lieu' });
    await createRecord(context, 'visits', {
      visitedAt: at('2026-03-01'),
      organisationId: first.id,
      services: ['inform'],
    });
    await createRecord(context, 'visits', { visitedAt: at('2026-03-02'), services: ['detect', 'inform'] });
    await createRecord(context, 'visits', {
      visitedAt: at('2026-03-03'),
      organisationId: last.id,
      services: ['inform', 'pool'],
    });
    await createRecord(context, 'visits', { visitedAt: at('2026-03-04') });
    const hints = await captureHints(context);
    expect(hints.lastOrganisationId).toBe(last.id);
    expect(hints.usualServices[0]).toBe('inform');
    expect(hints.usualServices).toHaveLength(3);
  });
});

describe('drafts', () => {
  test('keep what was typed, the latest first, until forgotten', async () => {
    const context = await openTestContext();
    // The clock is set, not waited for: "the latest" is the draft written a minute later.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-03-03T10:00:00Z'));
      await saveDraft(context, { id: 'a', kind: 'visit', recordId: null, values: { notes: 'premier' } });
      vi.setSystemTime(new Date('2026-03-03T10:01:00Z'));
      await saveDraft(context, { id: 'b', kind: 'visit', recordId: null, values: { notes: 'second' } });
    } finally {
      vi.useRealTimers();
    }
    await saveDraft(context, { id: 'c', kind: 'event', recordId: null, values: {} });
    expect((await listDrafts(context, ['visit'])).map((draft) => draft.id)).toEqual(['b', 'a']);
    await deleteDraft(context, 'b');
    expect((await listDrafts(context, ['visit'])).map((draft) => draft.values.notes)).toEqual(['premier']);
  });
});
