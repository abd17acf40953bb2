// The joined device's network: who and where, the sync state in words, and "Synchroniser".
import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../../../../db/context';
import { labelOf } from '../../../../domain/label-of';
import { ROLE_LABELS } from '../../../../domain/vocabulary-labels';
import { syncNow, useSyncStatus } from '../../../../state/sync';
import type { SyncErrorKind } from '../../../../sync/errors';
import { Banner } from '../../../components/Banner';
import { Button } from '../../../components/Button';
import { Fact, Facts } from '../../../components/Facts';
import { useDates } from '../../../i18n/dates';
import { useLanguage, useMessages } from '../../../i18n/messages';
import { messages as syncMessages } from '../../../sync/messages';
import { messages as statusMessages } from '../../../sync/status-messages';
import { stateLabel } from '../../../sync/status-text';
import { messages } from './messages';

export function NetworkStatus({ session }: { session: Session }) {
  const t = useMessages(messages);
  const s = useMessages(syncMessages);
  const w = useMessages(statusMessages);
  const d = useDates();
  const lang = useLanguage();
  const status = useSyncStatus();
  const problem = errorText(status.error, w);
  // "Tout a été envoyé" only when no change and no file waits. A file is said to have failed
  // on the link only after a sync that reached the server; offline, it simply waits its turn.
  const files = status.state === 'idle' ? w.filesWaiting : w.filesToSendCount;
  const waiting = [
    ...(status.pending > 0 ? [s.pending(status.pending)] : []),
    ...(status.filesWaiting > 0 ? [files(status.filesWaiting)] : []),
  ];
  // While a sync runs, "Jamais synchronisé" and "Tout a été envoyé" would contradict
  // "Synchronisation…": the state alone says it, until the run ends and the facts are known.
  // Before any run has ended (just joined), "Pas encore synchronisé" says it alone too: nothing
  // was sent, and "À jour · Jamais synchronisé" contradicted itself.
  const syncing = status.state === 'syncing';
  // The shell's words say « À jour » once nothing waits; the shell hides them until a run starts.
  const shellLabel = stateLabel(status, s);
  const saysNotYet = status.lastSyncAt === null && shellLabel === s.upToDate;
  const label = saysNotYet ? w.notSyncedYet : shellLabel;
  const lastSync = status.lastSyncAt
    ? w.lastSync(d.ago(status.lastSyncAt))
    : syncing || saysNotYet
      ? null
      : w.neverSynced;
  const waitingLine =
    waiting.length > 0 ? waiting.join(' · ') : syncing || status.lastSyncAt === null ? null : t.pendingNone;
  const summary = [label, ...(waitingLine ? [waitingLine] : [])].join(' · ');
  // « Synchroniser » pressed: how the run ended is read out once it has (a screen reader said
  // nothing, the state line is no live region: it changes at every run and every minute), and the
  // button keeps the focus meanwhile (disabled, it dropped it to the page's start).
  const [asked, setAsked] = useState<'running' | 'ended' | null>(null);
  const [outcome, setOutcome] = useState('');
  useEffect(() => {
    if (asked !== 'ended') return;
    setOutcome(summary);
    setAsked(null);
  }, [asked, summary]);
  const press = () => {
    if (syncing || asked === 'running') return;
    setAsked('running');
    setOutcome('');
    void syncNow().finally(() => setAsked('ended'));
  };
  const hoursAhead = status.clockAheadMs > 0 ? `${Math.max(1, Math.round(status.clockAheadMs / 3_600_000))} h` : null;
  return (
    <div class="stack">
      <Facts>
        <Fact label={t.networkName}>{session.networkName}</Fact>
        <Fact label={t.you}>
          {/* A removed device has no role left: "Rôle admin" under the banner saying it was removed would contradict it. */}
          <bdi>{session.memberName}</bdi> ·{' '}
          {session.revokedAt ? t.deviceRemoved : t.role(labelOf(ROLE_LABELS, session.role, lang))}
        </Fact>
        <Fact label={t.status} data-sync-state={status.state} data-last-sync={status.lastSyncAt ?? ''}>
          {[label, ...(lastSync ? [lastSync] : [])].join(' · ')}
          {waitingLine ? <br /> : null}
          {waitingLine}
        </Fact>
      </Facts>
      {problem ? <Banner tone={status.state === 'offline' ? 'info' : 'error'}>{problem}</Banner> : null}
      {hoursAhead ? <Banner tone="warning">{w.clockAhead(hoursAhead)}</Banner> : null}
      {/* A removed device is refused at every run: its banner says how to come back instead. */}
      {session.revokedAt ? null : (
        <div class="actions">
          <Button variant="primary" onClick={press} aria-disabled={syncing || asked === 'running' ? 'true' : undefined}>
            {t.syncNow}
          </Button>
        </div>
      )}
      <p role="status" class="visually-hidden" data-testid="sync-outcome">
        {outcome}
      </p>
    </div>
  );
}

/** What went wrong and what to do, in the person's words. */
function errorText(kind: SyncErrorKind | null, t: (typeof statusMessages)['fr']): string | null {
  switch (kind) {
    case 'unreachable':
      return t.errorUnreachable;
    case 'unauthorized':
      return t.errorUnauthorized;
    case 'revoked':
      return t.errorRevoked;
    case 'refused':
      return t.errorRefused;
    case 'server':
      return t.errorServer;
    case 'unreadable':
      return t.errorUnreadable;
    case 'upgrade_required':
      return t.errorUpgradeRequired;
    case 'server_outdated':
      return t.errorServerOutdated;
    case 'network_full':
      return t.errorNetworkFull;
    case 'storage_full':
      return t.errorStorageFull;
    case 'unexpected':
      return t.errorUnexpected;
    default:
      return null;
  }
}
