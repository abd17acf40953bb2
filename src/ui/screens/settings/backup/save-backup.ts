// Saving a backup file, shared by Réglages → Sauvegarde and the offer before leaving a network.
import { collectBackup, markBackupSaved } from '../../../../db/backup';
import type { DataContext } from '../../../../db/context';
import { countBackupRecords, writeBackup } from '../../../../domain/backup';
import { downloadFile, fileDay } from '../../../download';
import { slicePause } from '../../../in-slices';

/** Downloads the backup and returns how many records (tombstones aside) it holds. */
export async function saveBackupFile(context: DataContext, includeFiles: boolean): Promise<number> {
  const body = await collectBackup(context, { appVersion: __APP_VERSION__, includeFiles });
  // Written between the page's other work: a big valise's file took seconds to write.
  const file = await writeBackup(
    body,
    slicePause(() => {}),
  );
  downloadFile(`valise-sauvegarde-${fileDay()}.json`, [file], 'application/json');
  await markBackupSaved(context, body.exportedAt);
  return Object.values(countBackupRecords(body)).reduce((sum, count) => sum + count, 0);
}
