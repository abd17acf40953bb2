import { hrefTo } from '../../../state/router';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

export function BackLink() {
  const t = useMessages(messages);
  return (
    <p class="back-link">
      <a href={hrefTo('valise')}>← {t.back}</a>
    </p>
  );
}
