// Changes the server refused: kept with their reason and values until the person dismisses them.
import { dismissRejected, listRejected } from '../../../../db/rejected';
import { Button } from '../../../components/Button';
import { Fact, Facts } from '../../../components/Facts';
import { useDataContext } from '../../../hooks/use-data-context';
import { useLive } from '../../../hooks/use-live';
import { useDates } from '../../../i18n/dates';
import { useLanguage, useMessages } from '../../../i18n/messages';
import { describeRefusal, fieldLabel } from '../../../i18n/refusals';
import { messages } from './messages';
import styles from './network.module.css';
import { RecordName } from './RecordName';

const HIDDEN_FIELDS = new Set(['id', 'networkId', 'createdAt', 'updatedAt', 'updatedBy', 'deleted']);

export function RejectedChanges() {
  const t = useMessages(messages);
  const d = useDates();
  const lang = useLanguage();
  const context = useDataContext();
  const rejected = useLive((ctx) => listRejected(ctx), []);
  if (!rejected || rejected.length === 0 || !context) return null;
  return (
    <div class="stack" id="refus">
      <h3>{t.rejectedTitle}</h3>
      <p>{t.rejectedExplain}</p>
      <ul class={`stack ${styles.list}`}>
        {rejected.map((change) => {
          const entry = change.rejected;
          return (
            <li key={entry.id} class={styles.card}>
              <p>
                <RecordName
                  type={entry.type}
                  id={entry.recordId}
                  name={change.name}
                  visitedAt={change.visitedAt}
                  exists={change.exists}
                />
              </p>
              <p>{d.dateTime(entry.rejectedAt)}</p>
              <p>{describeRefusal(entry, lang)}</p>
              <details>
                <summary>{t.rejectedValues}</summary>
                <Facts>
                  {Object.entries(entry.fields)
                    .filter(([field]) => !HIDDEN_FIELDS.has(field))
                    .map(([field, value]) => (
                      <Fact key={field} label={fieldLabel(field, lang)} class={styles.value}>
                        {typeof value === 'string' ? value : JSON.stringify(value)}
                      </Fact>
                    ))}
                </Facts>
              </details>
              <div class="actions">
                <Button onClick={() => void dismissRejected(context, entry.id)}>{t.rejectedDismiss}</Button>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
