// The "Doublons possibles" of a lieu's or a person's page, read from the duplicate keys' index
// (schema version 12): the same records and reasons as pairing every live record, live ones
// only, and the list follows writes while the page is open.
import { describe, expect, test } from 'vitest';
import { observe } from '../../../src/db/live';
import { duplicatesOf, mergeDuplicates } from '../../../src/db/merge';
import { createRecord, deleteRecord, updateRecord } from '../../../src/db/writes';
import type { Contact } from '../../../src/domain/contact';
import { personDuplicates } from '../../../src/domain/duplicates';
import { openTestContext } from '../../helpers/db';

const named = (found: { record: { name: string }; reason: string }[]) =>
  found.map(({ record, reason }) => `${record.name} (${reason})`).sort();

describe('likely duplicates of a person', () => {
  test('are the live people sharing her name, e-mail or phone, with why', async () => {
    const context = await openTestContext();
    const helene = await createRecord(context, 'contacts', {
      name: 'Hélène Durand',
      email: 'helene@exemple.fr',
      phone: '06 12 34 56 78',
    });
    await createRecord(context, 'contacts', { name: 'helene durand' });
    await createRecord(context, 'contacts', { name: 'H. Durand', email: 'HELENE@exemple.fr ' });
    await createRecord(context, 'contacts', { name: 'Accueil Durand', phone: '+33 6 12 34 56 78' });
    await createRecord(context, 'contacts', { name: 'Yves Le Goff', email: 'yves@exemple.fr' });
    const gone = await createRecord(context, 'contacts', { name: 'Hélène DURAND' });
    await deleteRecord(context, 'contacts', gone.id);
    const renamed = await createRecord(context, 'contacts', { name: 'Hélène Durand' });
    await updateRecord(context, 'contacts', renamed.id, { name: 'Hélène Dupont' });

    expect(named(await duplicatesOf(context, 'contacts', helene.id))).toEqual([
      'Accueil Durand (phone)',
      'H. Durand (email)',
      'helene durand (name)',
    ]);
    expect(await duplicatesOf(context, 'contacts', gone.id)).toEqual([]);
  });

  test('one merged into another is no longer suggested, and the kept one has none left', async () => {
    const context = await openTestContext();
    const kept = await createRecord(context, 'contacts', { name: 'Hélène Durand' });
    const merged = await createRecord(context, 'contacts', { name: 'Helene Durand' });
    expect(named(await duplicatesOf(context, 'contacts', kept.id))).toEqual(['Helene Durand (name)']);
    await mergeDuplicates(context, 'contacts', kept.id, 'contacts', merged.id, {});
    expect(await duplicatesOf(context, 'contacts', kept.id)).toEqual([]);
    expect(await duplicatesOf(context, 'contacts', merged.id)).toEqual([]);
  });

  test('give the reasons pairing every live person gives, for people sharing several keys', async () => {
    const context = await openTestContext();
    const names = ['Camille Martin', 'camille martin', 'Hugo Bernard', 'Camille Martín'];
    const emails = ['a@exemple.fr', 'b@exemple.fr', 'a@exemple.fr', null];
    for (let index = 0; index < 12; index++)
      await createRecord(context, 'contacts', {
        name: names[index % 4] as string,
        email: emails[index % 3] ?? null,
        phone: index % 5 === 0 ? '02 99 00 00 00' : null,
      });
    const everyone = (await context.db.records('contacts').toArray()) as Contact[];
    for (const person of everyone) {
      const expected = personDuplicates(everyone)
        .filter((pair) => pair.ids.includes(person.id))
        .map((pair) => ({ id: pair.ids[0] === person.id ? pair.ids[1] : pair.ids[0], reason: pair.reason }));
      const found = (await duplicatesOf(context, 'contacts', person.id)).map(({ record, reason }) => ({
        id: record.id,
        reason,
      }));
      expect(found).toEqual(expected);
    }
  });

  test('an open page shows a duplicate written after it opened, and drops one renamed', async () => {
    const context = await openTestContext();
    const helene = await createRecord(context, 'contacts', { name: 'Hélène Durand' });
    const seen: string[][] = [];
    const subscription = observe(
      () => duplicatesOf(context, 'contacts', helene.id),
      (found) => seen.push(named(found)),
    );
    await expect.poll(() => seen.at(-1)).toEqual([]);
    const copy = await createRecord(context, 'contacts', { name: 'HELENE DURAND' });
    await expect.poll(() => seen.at(-1)).toEqual(['HELENE DURAND (name)']);
    await updateRecord(context, 'contacts', copy.id, { name: 'Hélène Dupont' });
    await expect.poll(() => seen.at(-1)).toEqual([]);
    subscription.unsubscribe();
  });
});

describe('likely duplicates of a lieu', () => {
  test('share its name in the same commune, or its e-mail or phone', async () => {
    const context = await openTestContext();
    const lieu = (name: string, fields: Record<string, string> = {}) =>
      createRecord(context, 'organisations', { name, kind: 'tiers_lieu', ...fields });
    const grange = await lieu('La Grange', { commune: 'Redon', phone: '02 99 00 00 00' });
    await lieu('la grange !', { commune: 'REDON' });
    await lieu('La Grange', { commune: 'Vitré' });
    await lieu('Le Fournil', { phone: '+33 2 99 00 00 00' });
    await lieu('La Grange');
    expect(named(await duplicatesOf(context, 'organisations', grange.id))).toEqual([
      'Le Fournil (phone)',
      'la grange ! (name_commune)',
    ]);
  });
});
