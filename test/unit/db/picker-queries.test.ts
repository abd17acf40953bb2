import { describe, expect, test } from 'vitest';
import { createOrganisation } from '../../../src/db/organisations';
import { pickedRecords, pickerCandidates } from '../../../src/db/picker-queries';
import { createRecords, deleteRecord } from '../../../src/db/writes';
import { openTestContext } from '../../helpers/db';

describe('picker candidates', () => {
  test('are at most the limit asked, accents and case ignored, live records only', async () => {
    const context = await openTestContext();
    await createRecords(
      context,
      'contacts',
      Array.from({ length: 50 }, (_, index) => ({ name: `Hélène ${String(index).padStart(2, '0')}`, role: 'élue' })),
    );
    await createRecords(context, 'contacts', [{ name: 'Sam Petit' }]);
    const found = await pickerCandidates(context, 'contacts', 'HELENE', 10);
    expect(found).toHaveLength(10);
    expect(found[0]).toMatchObject({ name: 'Hélène 00', detail: 'élue' });
    expect((await pickerCandidates(context, 'contacts', 'petit', 10)).map((record) => record.name)).toEqual([
      'Sam Petit',
    ]);
    expect(await pickerCandidates(context, 'contacts', '', 5)).toHaveLength(5);

    const forge = await createOrganisation(context, { name: 'La Forge', kind: 'tiers_lieu', commune: 'Redon' });
    expect(await pickerCandidates(context, 'organisations', 'forge', 10)).toEqual([
      { id: forge.id, name: 'La Forge', detail: 'Redon' },
    ]);
    expect(await pickedRecords(context, 'organisations', [forge.id])).toHaveLength(1);
    await deleteRecord(context, 'organisations', forge.id);
    expect(await pickerCandidates(context, 'organisations', 'forge', 10)).toEqual([]);
    expect(await pickerCandidates(context, 'organisations', '', 10)).toEqual([]);
    expect(await pickedRecords(context, 'organisations', [forge.id])).toEqual([]);
  });
});
