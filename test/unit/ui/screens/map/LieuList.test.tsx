// The map's list when it has no line: "no lieu matches these filters" only when the filters
// left none; lieux kept but without a position are said to be listed under "Pas sur la carte".
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { toMapLieu } from '../../../../../src/domain/lieu-map';
import type { Organisation } from '../../../../../src/domain/organisation';
import { uiStore } from '../../../../../src/state/ui';
import { Legend, LieuList } from '../../../../../src/ui/screens/map/LieuList';
import { sampleRecords } from '../../../../fixtures/records';

function emptyList(total: number, matching: number): string {
  uiStore.setState({ lang: 'fr' });
  render(<LieuList rows={[]} total={total} matching={matching} loaded={true} onChoose={() => undefined} />);
  return screen.getByRole('region', { name: 'Liste des lieux' }).textContent ?? '';
}

describe('the map’s list of lieux, empty', () => {
  afterEach(cleanup);

  test('with three lieux, none placed and no filter, points to "Pas sur la carte"', () => {
    const shown = emptyList(3, 3);
    expect(shown).toContain(
      'Aucun de ces lieux n’est sur la carte\u00a0: ils sont listés plus bas, sous «\u00a0Pas sur la carte\u00a0».',
    );
    expect(shown).not.toContain('filtres');
  });

  test('says the filters left none when they did', () => {
    expect(emptyList(3, 0)).toContain('Aucun lieu ne correspond à ces filtres.');
  });
});

describe('the map’s legend', () => {
  afterEach(cleanup);

  test.each([
    ['en', ['TPThird place', 'PHProject holder', 'LALocal authority', 'PAPartner', 'NTNetwork', '•Other']],
    ['fr', ['TLTiers-lieu', 'PPPorteur de projet', 'COCollectivité', 'PAPartenaire', 'RÉRéseau', '•Autre']],
  ] as const)('in %s, marks each kind with the initials of its name in that language', (lang, lines) => {
    uiStore.setState({ lang });
    render(<Legend />);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(lines);
  });
});

describe('the map’s list of lieux, with a kind of a later release', () => {
  afterEach(cleanup);

  test('marks it as the legend marks « Autre », even a kind named like a property of every object', () => {
    uiStore.setState({ lang: 'fr' });
    const lieu = { ...sampleRecords().organisations, id: 'l1', kind: 'constructor' } as unknown as Organisation;
    render(
      <LieuList
        rows={[{ item: toMapLieu(lieu, null), distanceKm: null }]}
        total={1}
        matching={1}
        loaded={true}
        onChoose={() => undefined}
      />,
    );
    expect(screen.getByRole('listitem').textContent).toMatch(/^•/);
  });
});
