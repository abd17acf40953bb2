// Leaving the network warns about unsent changes and wipes nothing unless asked (a shared
// device); erasing unsent changes needs an explicit second confirmation.
import { useState } from 'preact/hooks';
import { leave, useSync } from '../../../../state/sync';
import { Banner } from '../../../components/Banner';
import { Button } from '../../../components/Button';
import { Check } from '../../../components/Check';
import { Confirmation } from '../../../components/Confirmation';
import { Disclosure } from '../../../components/Disclosure';
import { useDataContext } from '../../../hooks/use-data-context';
import { useMessages } from '../../../i18n/messages';
import { useSaveBackupFile } from '../backup/save-backup';
import { messages } from './messages';

export function LeaveNetwork() {
  const t = useMessages(messages);
  const pending = useSync((view) => view.status.pending);
  const [wipe, setWipe] = useState(false);
  const [acceptLoss, setAcceptLoss] = useState(false);
  const blocked = wipe && pending > 0 && !acceptLoss;
  const context = useDataContext();
  const [backup, setBackup] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const saveBackupFile = useSaveBackupFile();
  const saveBackup = async () => {
    if (!context) return;
    setBackup('saving');
    try {
      await saveBackupFile(context, true);
      setBackup('saved');
    } catch (error) {
      console.error(error);
      setBackup('failed');
    }
  };
  return (
    <Disclosure tone="danger" summary={t.leaveTitle}>
      <div class="stack">
        <p>{t.leaveExplain}</p>
        {pending > 0 ? <Banner tone="warning">{t.leavePending(pending)}</Banner> : null}
        <p>{t.leaveBackupOffer}</p>
        <div class="actions">
          <Button onClick={() => void saveBackup()} disabled={!context} aria-disabled={backup === 'saving'}>
            {t.leaveBackup}
          </Button>
        </div>
        <div aria-live="polite">{backup === 'saved' ? <Confirmation>{t.leaveBackupSaved}</Confirmation> : null}</div>
        {backup === 'failed' ? <Banner tone="error">{t.leaveBackupFailed}</Banner> : null}
        <Check checked={wipe} onChange={(event) => setWipe(event.currentTarget.checked)}>
          {t.leaveWipe}
        </Check>
        {wipe && pending > 0 ? (
          <Check checked={acceptLoss} onChange={(event) => setAcceptLoss(event.currentTarget.checked)}>
            {t.leaveWipeLoss}
          </Check>
        ) : null}
        <div class="actions">
          <Button variant="danger" disabled={blocked} onClick={() => void leave({ wipe })}>
            {t.leaveConfirm}
          </Button>
        </div>
      </div>
    </Disclosure>
  );
}
