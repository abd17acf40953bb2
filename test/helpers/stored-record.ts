// What every record stored by an older version of the app carries, for the tests that write
// such a database and open it with today's schema (test/unit/db/*upgrade.test.ts).

/** The one clock the stored records' fields were written at. */
export const STORED_CLOCK = '2026-11-28T09:00:00.000Z-0000-1f2e3d4c5b6a7988';

/** A record's common fields: written by Dominique on 1 February 2026, not deleted. */
export const storedBase = () => ({
  networkId: 'local',
  createdAt: '2026-02-01T09:00:00.000Z',
  updatedAt: '2026-02-01T09:00:00.000Z',
  updatedBy: 'Dominique',
  deleted: false,
  hlc: { '*': STORED_CLOCK },
});
