import { describe, expect, it } from 'vitest';
import type { LieuInput, MappedLieuLine } from '../../../src/domain/lieu-import';
import { lieuImportPlanner, outcomeCounts } from '../../../src/domain/lieu-import-plan';
import type { Organisation } from '../../../src/domain/organisation';
import { planLieux } from '../../helpers/imports';

const stored = (id: string, fields: Partial<Organisation>): Organisation =>
  ({
    id,
    networkId: 'n',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'Alix',
    deleted: false,
    name: 'La Grange',
    kind: 'tiers_lieu',
    tags: [],
    networks: [],
    ...fields,
  }) as Organisation;
const line = (number: number, lieu: Partial<LieuInput>): MappedLieuLine => ({
  line: number,
  lieu: { name: 'Sans nom', kind: 'tiers_lieu', tags: [], ...lieu } as LieuInput,
});

describe('planning an import of lieux', () => {
  it('merges a line into the stored lieu of the same name in the same commune, filling only its empty fields', () => {
    const grange = stored('g', { inseeCode: '35236', commune: 'Redon', phone: '02 99 11 11 11', tags: ['rural'] });
    const plan = planLieux(
      [grange],
      [
        line(2, {
          name: 'la grange',
          inseeCode: '35236',
          commune: 'Redon',
          phone: '02 99 00 00 01',
          website: 'https://lagrange.example',
          tags: ['Coworking'],
        }),
        line(3, { name: 'Le Café', commune: 'Redon' }),
        { line: 4, problem: { kind: 'noName' } },
      ],
    );
    expect(plan.lines).toEqual([
      {
        line: 2,
        outcome: 'merge',
        name: 'la grange',
        into: { id: 'g', line: null, name: 'La Grange' },
        reason: 'name_commune',
      },
      { line: 3, outcome: 'add', name: 'Le Café' },
      { line: 4, outcome: 'refuse', problem: { kind: 'noName' } },
    ]);
    expect(plan.updates.get('g')).toEqual({ website: 'https://lagrange.example', tags: ['rural', 'Coworking'] });
    expect(plan.creates.map((lieu) => lieu.name)).toEqual(['Le Café']);
  });

  it('refuses a line whose merge would give a lieu more than 50 tags, naming the lieu, instead of failing the write', () => {
    const tagged = (prefix: string) => Array.from({ length: 30 }, (_, index) => `${prefix}${index}`);
    const grange = stored('g', { email: 'contact@reseau.example', tags: tagged('s') });
    const plan = planLieux(
      [grange],
      [
        line(2, { name: 'Antenne A', email: 'contact@reseau.example', tags: tagged('a') }),
        line(3, { name: 'Le Café', phone: '02 99 00 00 03', tags: tagged('b') }),
        line(4, { name: 'Le Café bis', phone: '02 99 00 00 03', tags: tagged('c') }),
        line(5, { name: 'Antenne B', email: 'contact@reseau.example', tags: ['s1', 'nouvelle'] }),
      ],
    );
    expect(plan.lines).toEqual([
      { line: 2, outcome: 'refuse', problem: { kind: 'tooManyTags', into: 'La Grange', tags: 60 } },
      { line: 3, outcome: 'add', name: 'Le Café' },
      { line: 4, outcome: 'refuse', problem: { kind: 'tooManyTags', into: 'Le Café', tags: 60 } },
      expect.objectContaining({ line: 5, outcome: 'merge', into: { id: 'g', line: null, name: 'La Grange' } }),
    ]);
    // What the summary above the lines says: refused lines count as refused, not as merges.
    expect(outcomeCounts(plan.lines)).toEqual({ add: 1, merge: 1, refuse: 2 });
    expect(plan.updates.get('g')?.tags).toHaveLength(31);
    expect(plan.creates.map((lieu) => lieu.tags?.length)).toEqual([30]);
  });

  it('merges a later line of the file into the earlier one, and chains of them into one lieu', () => {
    const plan = planLieux(
      [stored('old', { name: 'Ailleurs', email: 'x@ailleurs.example' })],
      [
        line(2, { name: 'La Forge', commune: 'Bains', email: 'forge@example.fr' }),
        line(3, { name: 'Forge (atelier)', email: 'FORGE@example.fr', phone: '06 00 00 00 01' }),
        line(4, { name: 'La Forge bis', phone: '+33 6 00 00 00 01', address: '1 rue Haute' }),
        line(5, { name: 'Chez X', email: 'x@ailleurs.example' }),
      ],
    );
    expect(plan.lines.map((planned) => planned.outcome)).toEqual(['add', 'merge', 'merge', 'merge']);
    expect(plan.lines[1]).toMatchObject({ into: { id: null, line: 2, name: 'La Forge' }, reason: 'email' });
    expect(plan.lines[3]).toMatchObject({ into: { id: 'old', line: null }, reason: 'email' });
    expect(plan.creates).toEqual([
      expect.objectContaining({ name: 'La Forge', phone: '06 00 00 00 01', address: '1 rue Haute' }),
    ]);
  });

  it('never merges into a deleted lieu', () => {
    const plan = planLieux(
      [stored('gone', { deleted: true, inseeCode: '35236' })],
      [line(2, { name: 'La Grange', inseeCode: '35236' })],
    );
    expect(plan.lines).toEqual([{ line: 2, outcome: 'add', name: 'La Grange' }]);
  });

  it('plans a file given a line at a time as it plans it whole', () => {
    const stored1 = stored('old', { name: 'Ailleurs', email: 'x@ailleurs.example' });
    const lines = [
      line(2, { name: 'La Forge', commune: 'Bains', email: 'forge@example.fr' }),
      line(3, { name: 'Forge (atelier)', email: 'FORGE@example.fr', phone: '06 00 00 00 01' }),
      { line: 4, problem: { kind: 'noName' } } as const,
      line(5, { name: 'La Forge bis', phone: '+33 6 00 00 00 01', address: '1 rue Haute' }),
      line(6, { name: 'Chez X', email: 'x@ailleurs.example', website: 'https://x.example' }),
    ];
    const planner = lieuImportPlanner([stored1]);
    for (const one of lines) planner.add([one]);
    const whole = lieuImportPlanner([stored1]);
    whole.add(lines);
    expect(planner.plan()).toEqual(whole.plan());
    expect(planner.plan().updates.get('old')).toEqual({ website: 'https://x.example' });
  });
});
