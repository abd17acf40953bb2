// Saving a backup file, shared by Réglages → Sauvegarde and the offer before leaving a network.
import { collectBackup, markBackupSaved } from '../../../../db/backup';
import type { DataContext } from '../../../../db/context';
import { countBackupRecords, writeBackup } from '../../../../domain/backup';
import { downloadFile, fileDay } from '../../../download';

/** Downloads the backup and returns how many records (tombstones aside) it holds. */
export async function saveBackupFile(context: DataContext, includeFiles: boolean): Promise<number> {
  const body = await collectBackup(context, { appVersion: __APP_VERSION__, includeFiles });
  const text = await writeBackup(body);
  downloadFile(`valise-sauvegarde-${fileDay()}.json`, [text], 'application/json');
  await markBackupSaved(context, body.exportedAt);
  return Object.values(countBackupRecords(body)).reduce((sum, count) => sum + count, 0);
}
