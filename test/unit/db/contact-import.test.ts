import { describe, expect, test } from 'vitest';
import { importContacts } from '../../../src/db/contact-import';
import { createContact, listContacts } from '../../../src/db/contacts';
import { createOrganisation, listOrganisations } from '../../../src/db/organisations';
import { createRecords } from '../../../src/db/writes';
import { openTestContext } from '../../helpers/db';
import { csvContactLines } from '../../helpers/imports';

describe('importing contacts', () => {
  test('adds new people, merges a known email or phone, creates unknown lieux, and lists bad lines', async () => {
    const context = await openTestContext();
    const mairie = await createOrganisation(context, { name: 'Mairie de Redon', kind: 'local_authority' });
    await createContact(context, { name: 'Hélène Durand', email: 'helene@exemple.fr', tags: ['élus'] });
    const lines = csvContactLines(
      'nom,role,telephone,email,structure,tags\n' +
        'Hélène D.,Maire adjointe,,HELENE@exemple.fr,mairie de redon,rural\n' +
        'Sam Petit,,06 00 00 00 01,,La Forge,\n' +
        'Samuel Petit,Bénévole,+33 6 00 00 00 01,,,\n' +
        'Bad,,,nope,,\n',
    );
    const report = await importContacts(context, lines);

    expect(report).toEqual({
      added: 1,
      merged: 2,
      rejected: [{ line: 5, problem: expect.objectContaining({ kind: 'invalid' }) }],
    });
    const people = await listContacts(context);
    expect(people.map((person) => person.name)).toEqual(['Hélène Durand', 'Sam Petit']);
    expect(people[0]).toMatchObject({ role: 'Maire adjointe', tags: ['élus', 'rural'], organisationIds: [mairie.id] });
    expect(people[1]?.role).toBe('Bénévole');
    const forge = (await listOrganisations(context, { query: 'forge' }))[0];
    expect(people[1]?.organisationIds).toEqual([forge?.id]);
  });

  test('one bad line of many imports all the others', async () => {
    const context = await openTestContext();
    const rows = Array.from({ length: 499 }, (_, index) => `Personne ${index},p${index}@exemple.fr`);
    rows.splice(250, 0, 'Mauvaise,pas-un-email');
    const report = await importContacts(context, csvContactLines(`nom,email\n${rows.join('\n')}\n`));
    expect(report.added).toBe(499);
    expect(report.rejected).toEqual([{ line: 252, problem: expect.objectContaining({ kind: 'invalid' }) }]);
    expect(await listContacts(context)).toHaveLength(499);
  });

  test('a long file is written in slices, saying how far it is', async () => {
    const context = await openTestContext();
    const rows = Array.from({ length: 2100 }, (_, index) => `Personne ${index},p${index}@exemple.fr`);
    const seen: string[] = [];
    const report = await importContacts(context, csvContactLines(`nom,email\n${rows.join('\n')}\n`), (done, total) =>
      seen.push(`${done}/${total}`),
    );
    expect(report.added).toBe(2100);
    expect(seen).toEqual(['0/2100', '1000/2100', '2000/2100', '2100/2100']);
    expect(await listContacts(context)).toHaveLength(2100);
  });

  test('filling people already known is written in slices too, saying how far it is', async () => {
    const context = await openTestContext();
    const known = Array.from({ length: 1200 }, (_, index) => ({
      name: `Personne ${index}`,
      email: `p${index}@exemple.fr`,
    }));
    await createRecords(context, 'contacts', known);
    // 1200 lines give a known person her phone, 300 add someone.
    const rows = Array.from({ length: 1500 }, (_, index) => `Personne ${index},p${index}@exemple.fr,02 99 00 ${index}`);
    const seen: string[] = [];
    const report = await importContacts(
      context,
      csvContactLines(`nom,email,téléphone\n${rows.join('\n')}\n`),
      (done, total) => seen.push(`${done}/${total}`),
    );
    expect(report).toMatchObject({ added: 300, merged: 1200 });
    expect(seen).toEqual(['0/1500', '300/1500', '1300/1500', '1500/1500']);
    expect((await listContacts(context)).filter((person) => person.phone)).toHaveLength(1500);
    // 2,700 people written and read through fake-indexeddb: 6 s on a quiet machine, past 30 s at load 30.
  }, 120_000);

  test('a lieu name too long for a lieu refuses its line, naming it, instead of failing the whole file', async () => {
    const context = await openTestContext();
    const lines = csvContactLines(`nom,structure\nAnne,${'L'.repeat(201)}\nBob,La Forge\n`);
    const report = await importContacts(context, lines);
    expect(report).toEqual({
      added: 1,
      merged: 0,
      rejected: [{ line: 2, problem: { kind: 'invalid', issue: expect.objectContaining({ field: 'organisations' }) } }],
    });
    expect((await listContacts(context)).map((person) => person.name)).toEqual(['Bob']);
    expect((await listOrganisations(context)).map((lieu) => lieu.name)).toEqual(['La Forge']);
  });

  test('a line whose merge would give a person more than 50 tags is refused with the count; the others are imported', async () => {
    const context = await openTestContext();
    const tagged = (prefix: string) => Array.from({ length: 30 }, (_, index) => `${prefix}${index}`);
    await createContact(context, { name: 'Anne Stockée', email: 'anne@exemple.fr', tags: tagged('s') });
    const lines = csvContactLines(
      'nom;email;étiquettes\n' +
        `Anne;anne@exemple.fr;${tagged('a').join('|')}\n` +
        `Bob;bob@exemple.fr;${tagged('b').join('|')}\n` +
        `Bob P.;bob@exemple.fr;${tagged('c').join('|')}\n` +
        'Anne S.;anne@exemple.fr;s1|s2\n' +
        'Chloé;chloe@exemple.fr;\n',
    );
    const report = await importContacts(context, lines);
    expect(report).toEqual({
      added: 2,
      merged: 1,
      rejected: [
        { line: 2, problem: { kind: 'tooManyTags', into: 'Anne Stockée', tags: 60 } },
        { line: 4, problem: { kind: 'tooManyTags', into: 'Bob', tags: 60 } },
      ],
    });
    const people = await listContacts(context);
    expect(people.map((person) => [person.name, person.tags?.length])).toEqual([
      ['Anne Stockée', 30],
      ['Bob', 30],
      ['Chloé', 0],
    ]);
  });

  test('a failure in a late slice writes nothing: no person, no lieu it named', async () => {
    const context = await openTestContext();
    const rows = Array.from({ length: 2100 }, (_, index) => `Personne ${index},p${index}@exemple.fr,Lieu ${index}`);
    const lines = csvContactLines(`nom,email,structure\n${rows.join('\n')}\n`).map((line) =>
      'contact' in line && line.line === 2052 ? { ...line, contact: { ...line.contact, name: '' } } : line,
    );
    const written: number[] = [];
    await expect(importContacts(context, lines, (done) => written.push(done))).rejects.toThrow();
    // The first two slices were written before the third failed, and were rolled back with it.
    expect(written).toEqual([0, 1000, 2000]);
    expect(await context.db.records('contacts').count()).toBe(0);
    expect(await context.db.records('organisations').count()).toBe(0);
  });
});
