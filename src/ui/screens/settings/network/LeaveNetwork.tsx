// Leaving the network warns about unsent changes and wipes nothing unless asked (a shared
// device); erasing unsent changes needs an explicit second confirmation.
import { useState } from 'preact/hooks';
import { leave, useSync } from '../../../../state/sync';
import { Banner } from '../../../components/Banner';
import { Button } from '../../../components/Button';
import { useMessages } from '../../../i18n/messages';
import { messages } from './messages';

export function LeaveNetwork() {
  const t = useMessages(messages);
  const pending = useSync((view) => view.status.pending);
  const [wipe, setWipe] = useState(false);
  const [acceptLoss, setAcceptLoss] = useState(false);
  const blocked = wipe && pending > 0 && !acceptLoss;
  return (
    <details class="leave">
      <summary>{t.leaveTitle}</summary>
      <div class="stack">
        <p>{t.leaveExplain}</p>
        {pending > 0 ? <Banner tone="warning">{t.leavePending(pending)}</Banner> : null}
        <label class="check">
          <input type="checkbox" checked={wipe} onChange={(event) => setWipe(event.currentTarget.checked)} />
          {t.leaveWipe}
        </label>
        {wipe && pending > 0 ? (
          <label class="check">
            <input
              type="checkbox"
              checked={acceptLoss}
              onChange={(event) => setAcceptLoss(event.currentTarget.checked)}
            />
            {t.leaveWipeLoss}
          </label>
        ) : null}
        <div class="actions">
          <Button variant="danger" disabled={blocked} onClick={() => void leave({ wipe })}>
            {t.leaveConfirm}
          </Button>
        </div>
      </div>
    </details>
  );
}
