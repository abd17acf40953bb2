// A trip keeps its template's title: on a valise item, "Dans les listes" showed "Stand sur un
// salon" three times (the template and two concierges' trips), with nothing to tell them apart.
import { render, screen } from '@testing-library/preact';
import { beforeEach, expect, test } from 'vitest';
import { isolate } from '../../../../../src/domain/bidi';
import type { PackingList } from '../../../../../src/domain/toolbox';
import { STARTER_IDS } from '../../../../../src/domain/toolbox/starter';
import { uiStore } from '../../../../../src/state/ui';
import { UsedBy } from '../../../../../src/ui/screens/toolbox/UsedBy';

beforeEach(() => {
  uiStore.setState({ lang: 'fr' });
});

const list = (id: number, fields: Partial<PackingList>): PackingList => ({
  id: `01900000-0000-7000-8000-00000000080${id}`,
  networkId: 'n',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  updatedBy: 'Camille Martin',
  deleted: false,
  title: 'Stand sur un salon',
  tripKind: 'fair_stand',
  isTemplate: false,
  templateId: null,
  tripDate: null,
  itemIds: [STARTER_IDS.projector],
  packed: {},
  notes: null,
  owner: null,
  ...fields,
});

test('a template and the trips made from it are told apart by whose trip it is and when it leaves', () => {
  render(
    <UsedBy
      lists={[
        list(1, { isTemplate: true }),
        list(2, { owner: 'Léa Petit', tripDate: '2026-12-12' }),
        list(3, { owner: 'Hugo Bernard' }),
      ]}
    />,
  );
  expect(screen.getAllByRole('link').map((link) => link.textContent)).toEqual([
    'Stand sur un salon · modèle',
    `Stand sur un salon · ${isolate('Léa Petit')} · Départ le 12 décembre 2026`,
    `Stand sur un salon · ${isolate('Hugo Bernard')} · Départ sans date`,
  ]);
});
