// Saving a backup file, shared by Réglages → Sauvegarde and the offer before leaving a network.
import { markBackupSaved, saveBackup } from '../../../../db/backup';
import type { DataContext } from '../../../../db/context';
import { downloadFile, fileDay } from '../../../download';

/** Downloads the backup and returns how many records (tombstones aside) it holds. */
export async function saveBackupFile(context: DataContext, includeFiles: boolean): Promise<number> {
  const { file, exportedAt, count } = await saveBackup(context, { appVersion: __APP_VERSION__, includeFiles });
  downloadFile(`valise-sauvegarde-${fileDay()}.json`, [file], 'application/json');
  await markBackupSaved(context, exportedAt);
  return count;
}
