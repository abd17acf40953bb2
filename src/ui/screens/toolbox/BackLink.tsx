import { hrefTo } from '../../../state/router';
import { BackLink as SharedBackLink } from '../../components/BackLink';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

export function BackLink() {
  const t = useMessages(messages);
  return <SharedBackLink href={hrefTo('valise')}>{t.back}</SharedBackLink>;
}
