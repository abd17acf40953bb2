import { describe, expect, test } from 'vitest';
import { keptRecordOf, mergeDuplicates } from '../../../src/db/merge';
import { createOrganisation } from '../../../src/db/organisations';
import { deleteRecord } from '../../../src/db/writes';
import { openTestContext } from '../../helpers/db';

describe('the kept record of an old address', () => {
  test('follows a merge of a merge to the lieu kept last; a lieu never merged has none', async () => {
    const context = await openTestContext();
    const [a, b, c] = await Promise.all(
      ['La Grange', 'La grange', 'Grange (la)'].map((name) =>
        createOrganisation(context, { name, kind: 'tiers_lieu' }),
      ),
    );
    await mergeDuplicates(context, 'organisations', b!.id, 'organisations', a!.id, {});
    await mergeDuplicates(context, 'organisations', c!.id, 'organisations', b!.id, {});
    expect(await keptRecordOf(context, 'organisations', a!.id)).toBe(c!.id);
    expect(await keptRecordOf(context, 'organisations', b!.id)).toBe(c!.id);
    expect(await keptRecordOf(context, 'organisations', c!.id)).toBeNull();
  });

  test('a lieu deleted without a merge, or unknown, leads nowhere', async () => {
    const context = await openTestContext();
    const gone = await createOrganisation(context, { name: 'Fermé', kind: 'tiers_lieu' });
    await deleteRecord(context, 'organisations', gone.id);
    expect(await keptRecordOf(context, 'organisations', gone.id)).toBeNull();
    expect(await keptRecordOf(context, 'organisations', 'nope')).toBeNull();
  });
});
