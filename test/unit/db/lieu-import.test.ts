import { describe, expect, test } from 'vitest';
import { importLieux } from '../../../src/db/lieu-import';
import { createOrganisation, listOrganisations } from '../../../src/db/organisations';
import { createRecords } from '../../../src/db/writes';
import { openTestContext } from '../../helpers/db';
import { lieuLines } from '../../helpers/imports';

const CSV =
  'nom;commune;code insee;courriel\nLa Grange;Redon;35236;grange@example.fr\nLe Café;Redon;;\nSans courriel;;;nope\n';

describe('importing lieux', () => {
  test('adds new lieux and fills a duplicate in one transaction, queued for the server', async () => {
    const context = await openTestContext();
    const grange = await createOrganisation(context, { name: 'la grange', kind: 'tiers_lieu', inseeCode: '35236' });
    const plan = await importLieux(context, lieuLines(CSV));
    expect(plan.lines.map((line) => line.outcome)).toEqual(['merge', 'add', 'refuse']);
    const lieux = await listOrganisations(context);
    expect(lieux.map((lieu) => lieu.name)).toEqual(['la grange', 'Le Café']);
    expect(lieux[0]).toMatchObject({ id: grange.id, email: 'grange@example.fr' });
    const queued = await context.db.outbox.toArray();
    expect(queued.flatMap((entry) => entry.recordIds)).toEqual(expect.arrayContaining([grange.id, lieux[1]!.id]));
  });

  test('a failing write leaves no lieu behind', async () => {
    const context = await openTestContext();
    const lines = lieuLines(CSV);
    // A line the mapping judged valid but the store refuses (an empty name) aborts the whole import.
    const broken = lines.map((line) =>
      'lieu' in line && line.line === 3 ? { ...line, lieu: { ...line.lieu, name: '' } } : line,
    );
    await expect(importLieux(context, broken)).rejects.toThrow();
    expect(await listOrganisations(context)).toEqual([]);
  });

  test('a long file is written in slices, saying how far it is, and a failure in a late slice still writes nothing', async () => {
    const context = await openTestContext();
    const rows = Array.from({ length: 2500 }, (_, index) => `Lieu ${index};Redon;;lieu${index}@example.fr`);
    const lines = lieuLines(`nom;commune;code insee;courriel\n${rows.join('\n')}\n`);
    const seen: string[] = [];
    await importLieux(context, lines, (done, total) => seen.push(`${done}/${total}`));
    expect(seen).toEqual(['0/2500', '1000/2500', '2000/2500', '2500/2500']);
    expect(await context.db.records('organisations').count()).toBe(2500);

    const fresh = await openTestContext();
    const broken = lines.map((line) =>
      'lieu' in line && line.line === 2400 ? { ...line, lieu: { ...line.lieu, name: '' } } : line,
    );
    await expect(importLieux(fresh, broken)).rejects.toThrow();
    expect(await fresh.db.records('organisations').count()).toBe(0);
  });

  test('filling stored lieux is written in slices too, saying how far it is and letting the page run', async () => {
    const context = await openTestContext();
    const stored = Array.from({ length: 1200 }, (_, index) => ({
      name: `Lieu ${index}`,
      kind: 'tiers_lieu' as const,
      commune: 'Redon',
    }));
    await createRecords(context, 'organisations', stored);
    // 1200 lines fill the e-mail of a stored lieu, 300 add one.
    const rows = Array.from({ length: 1500 }, (_, index) => `Lieu ${index};Redon;;lieu${index}@example.fr`);
    const lines = lieuLines(`nom;commune;code insee;courriel\n${rows.join('\n')}\n`);
    const seen: string[] = [];
    let turns = 0;
    await importLieux(context, lines, (done, total) => {
      // Whether the page ran a task since the last report: a timer set then has fired.
      seen.push(`${done}/${total} (${turns})`);
      setTimeout(() => turns++, 0);
    });
    expect(seen).toEqual(['0/1500 (0)', '300/1500 (1)', '1300/1500 (2)', '1500/1500 (3)']);
    const lieux = await listOrganisations(context);
    expect(lieux.filter((lieu) => lieu.email)).toHaveLength(1500);
  });
});
