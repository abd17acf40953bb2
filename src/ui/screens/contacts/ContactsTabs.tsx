// Personnes, Lieux, Carte: the tabs of Contacts. On a phone the bottom bar has no room for
// Carte, so the map of lieux is the third tab here (the Carte screen shows the same tabs).
import { hrefTo } from '../../../state/router';
import { useMessages } from '../../i18n/messages';
import { MAP_PATH } from '../../routes';
import styles from './ContactsTabs.module.css';
import { messages } from './messages';
import { CONTACTS, lieuxHref } from './paths';

export function ContactsTabs({ current }: { current: 'people' | 'lieux' | 'map' }) {
  const t = useMessages(messages);
  const tab = (name: typeof current) => (current === name ? 'true' : undefined);
  return (
    <nav class={styles.tabs} aria-label={t.tabs}>
      <a href={hrefTo(CONTACTS)} aria-current={tab('people')}>
        {t.people}
      </a>
      <a href={lieuxHref()} aria-current={tab('lieux')}>
        {t.lieux}
      </a>
      <a href={hrefTo(MAP_PATH)} aria-current={tab('map')}>
        {t.map}
      </a>
    </nav>
  );
}
