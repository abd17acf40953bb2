// "Nouvelle visite" from any screen: one tap opens the capture form (the last lieu and the
// usual services come first there). It lives in the bars, never over the page: a round "+" in
// a phone's top bar, a button in the side column of a wide screen, so it covers nothing.
// Hidden where a visit is being written already, keeping its room: the bar's and the side
// column's other items do not move as the form opens.
import { hrefTo, useRoute } from '../state/router';
import { classes } from './components/classes';
import { common } from './i18n/common';
import { useMessages } from './i18n/messages';
import styles from './QuickCapture.module.css';

/** `place`: the phone's top bar or the side column of a wide screen (the shell shows one of them). */
export function QuickCapture({ place }: { place: 'topbar' | 'column' }) {
  const t = useMessages(common);
  const route = useRoute();
  const visits = route.screen === 'visites' || route.screen === '';
  const writing = visits && (route.params[0] === 'nouvelle' || route.params[1] === 'modifier');
  if (writing) return <span class={classes(styles.capture, styles[place], styles.away)} aria-hidden="true" />;
  return (
    <a class={classes(styles.capture, styles[place])} href={hrefTo('visites', 'nouvelle')} data-testid="quick-capture">
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 5v14M5 12h14" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" />
      </svg>
      <span class={styles.label}>{t.quickCapture}</span>
    </a>
  );
}
