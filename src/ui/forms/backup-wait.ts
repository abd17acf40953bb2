// A form's save started while a backup file is written waits for the backup's end (it reads
// the device in one transaction): seconds for a large one. Its button says so, where the
// person is looking, rather than a bare « Enregistrement… » that could seem stuck.
import { useUi } from '../../state/ui';
import { useMessages } from '../i18n/messages';
import { formMessages } from './messages';

/** The save button's words while `saving` waits for a backup, or null. */
export function useBackupWait(saving: boolean): string | null {
  const t = useMessages(formMessages);
  const backup = useUi((state) => state.savingBackup);
  return saving && backup ? t.afterBackup : null;
}
