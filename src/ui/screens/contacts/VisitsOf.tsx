// The visits of a lieu or of a person, newest first, on their page.
import { listVisits } from '../../../db/visits';
import { joinIsolated } from '../../../domain/bidi';
import { Hint } from '../../components/Field';
import { useLive } from '../../hooks/use-live';
import { useDates } from '../../i18n/dates';
import { useMessages } from '../../i18n/messages';
import { visitHref } from '../visits/paths';
import styles from './contacts.module.css';
import { messages } from './messages';

export function VisitsOf(filter: { organisationId?: string; contactId?: string }) {
  const t = useMessages(messages);
  const d = useDates();
  const rows = useLive(
    (context) => listVisits(context, { ...filter, limit: 20 }),
    [filter.organisationId, filter.contactId],
  );
  if (rows === undefined) return null;
  if (rows.length === 0) return <Hint>{t.noVisits}</Hint>;
  return (
    <ul class={styles['record-list']}>
      {rows.map(({ visit, organisationName }) => (
        <li key={visit.id} class={styles['record-item']}>
          <a class={styles['record-item__main']} href={visitHref(visit.id)}>
            <span class={styles['record-item__name']}>{d.dateTime(visit.visitedAt)}</span>
            <span class={styles['record-item__detail']}>
              {joinIsolated(
                [
                  filter.organisationId ? null : (organisationName ?? visit.placeLabel),
                  visit.purpose,
                  (visit.notes ?? '').split('\n')[0],
                ],
                ' · ',
              )}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
