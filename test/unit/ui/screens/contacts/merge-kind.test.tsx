// The merge page names each lieu's kind as its page does: a kind from a later release, even one
// spelt like a key every object has (« constructor »), is said to be unknown, not shown blank.
import { render, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { createOrganisation } from '../../../../../src/db/organisations';
import type { OrganisationKind } from '../../../../../src/domain/vocabulary';
import { MergePage } from '../../../../../src/ui/screens/contacts/MergePage';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();

test('a kind this version does not know is shown as « valeur inconnue », beside the known one', async () => {
  // As a later release's device would write it: the record schema keeps any plain key.
  const laterKind = 'constructor' as OrganisationKind;
  const kept = await createOrganisation(app.context, { name: 'La Grange', kind: laterKind });
  const other = await createOrganisation(app.context, { name: 'La Grange', kind: 'tiers_lieu' });
  render(<MergePage type="organisations" keptId={kept.id} otherId={other.id} />);
  expect(await screen.findByRole('radio', { name: 'valeur inconnue\u00a0: constructor' })).toBeTruthy();
  expect(screen.getByRole('radio', { name: 'Tiers-lieu' })).toBeTruthy();
});
