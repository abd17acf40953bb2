// Saving a backup file, shared by Réglages → Sauvegarde and the offer before leaving a network.
import { markBackupSaved, saveBackup } from '../../../../db/backup';
import type { DataContext } from '../../../../db/context';
import { whileSavingBackup } from '../../../../state/ui';
import { downloadFile, fileDay } from '../../../download';
import { useMessages } from '../../../i18n/messages';
import { messages } from './messages';

/**
 * `save(context, includeFiles)`: downloads the backup and returns how many records (tombstones
 * aside) it holds; meanwhile the shell says that saves wait for it.
 */
export function useSaveBackupFile() {
  const t = useMessages(messages);
  return async (context: DataContext, includeFiles: boolean): Promise<number> => {
    const notice = { title: t.savingTitle, text: t.savingElsewhere };
    const { file, exportedAt, count } = await whileSavingBackup(notice, () =>
      saveBackup(context, { appVersion: __APP_VERSION__, includeFiles }),
    );
    downloadFile(`valise-sauvegarde-${fileDay()}.json`, [file], 'application/json');
    await markBackupSaved(context, exportedAt);
    return count;
  };
}
