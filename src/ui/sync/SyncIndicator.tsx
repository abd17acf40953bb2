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
  if (!joined || status.state === 'unjoined') return null;
  const label = stateLabel(status, t, { short: true });
  const pending = formatNumber(status.pending, lang);
  const visible = status.pending > 0 ? `${label} ${pending}` : label;
  return (
    <a
      class={classes(styles.indicator, styles[place], styles[status.state])}
      data-testid="sync-indicator"
      data-sync-state={status.state}
      href={`#/${SETTINGS_PATH}`}
      // The name starts with exactly what is seen ("Hors ligne 3"), so a person using voice
      // control can say what they see; the rest tells a screen reader what the number means.
      aria-label={`${t.indicatorName(visible, stateLabel(status, t))}${status.pending > 0 ? `, ${t.pending(status.pending)}` : ''}`}
    >
      <Icon name="refresh" />
      <span class={styles.label}>{label}</span>
      {status.pending > 0 ? (
        <>
          {' '}
          <span class={styles.badge}>{pending}</span>
        </>
      ) : null}
    </a>
  );
}
