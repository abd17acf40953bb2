// A small, calm status in the shell: hors ligne / synchronisation… / à jour / erreur, and how
// many changes wait to be sent. Hidden while the device is a local notebook (not joined), and
// on a joined device until the engine has counted what waits: its first status is the
// initial one ('unjoined', nothing pending), which would say "À jour" over unsent changes.
import { formatNumber } from '../../domain/numbers';
import { useSync, useSyncStatus } from '../../state/sync';
import { classes } from '../components/classes';
import { Icon } from '../components/Icon';
import { useLanguage, useMessages } from '../i18n/messages';
import { SETTINGS_PATH } from '../routes';
import { messages } from './messages';
import styles from './SyncIndicator.module.css';
import { stateLabel } from './status-text';

/** `place`: the phone's top bar or the side column of a wide screen (the shell shows one of them). */
export function SyncIndicator({ place }: { place: 'topbar' | 'column' }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const status = useSyncStatus();
  const joined = useSync((view) => view.session !== null);
  // A text changed on two devices at once waits for the person's choice: the sync is done, but
  // all is not well, and only Réglages (where this leads) or the record's page say which.
  const toSettle = useSync((view) => view.toSettle);
  if (!joined || status.state === 'unjoined') return null;
  const label = stateLabel(status, t, { short: true });
  const settling = toSettle > 0 && label === t.upToDate;
  const count = settling ? toSettle : status.pending;
  const shown = settling ? t.toSettleShort : label;
  const number = formatNumber(count, lang);
  const visible = count > 0 ? `${shown} ${number}` : shown;
  const detail = settling ? t.toSettle(toSettle) : status.pending > 0 ? t.pending(status.pending) : null;
  return (
    <a
      class={classes(styles.indicator, styles[place], styles[status.state], settling && styles.settling)}
      data-testid="sync-indicator"
      data-sync-state={status.state}
      href={`#/${SETTINGS_PATH}`}
      // The name starts with exactly what is seen ("Hors ligne 3"), so a person using voice
      // control can say what they see; the rest tells a screen reader what the number means.
      aria-label={`${t.indicatorName(visible, stateLabel(status, t))}${detail ? `, ${detail}` : ''}`}
    >
      <Icon name="refresh" />
      <span class={styles.label}>{shown}</span>
      {count > 0 ? (
        <>
          {' '}
          <span class={styles.badge}>{number}</span>
        </>
      ) : null}
    </a>
  );
}
