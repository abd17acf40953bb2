// Every live record of the device, for exports and reports (read in one transaction, so the
// numbers of a report agree with each other).
import type { ExportData } from '../domain/exports';
import { RECORD_TYPES } from '../domain/record-types';
import type { DataContext } from './context';
import { withoutClocks } from './reads';

export async function readExportData(context: DataContext): Promise<ExportData> {
  const { db } = context;
  return db.transaction(
    'r',
    RECORD_TYPES.map((type) => db.anyRecords(type)),
    async () => {
      const data: Record<string, unknown[]> = {};
      for (const type of RECORD_TYPES) {
        const rows = await db
          .anyRecords(type)
          .filter((record) => !record.deleted)
          .toArray();
        data[type] = rows.map(withoutClocks);
      }
      return data as ExportData;
    },
  );
}
