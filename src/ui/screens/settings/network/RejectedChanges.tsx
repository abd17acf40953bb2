// Changes the server refused: kept with their reason and values until the person dismisses them.
import { dismissRejected, listRejected, type RejectedChange } from '../../../../db/rejected';
import { isolate } from '../../../../domain/bidi';
import type { RecordType } from '../../../../domain/record-types';
import { hrefTo } from '../../../../state/router';
import { Button } from '../../../components/Button';
import { Fact, Facts } from '../../../components/Facts';
import { useDataContext } from '../../../hooks/use-data-context';
import { useLive } from '../../../hooks/use-live';
import { useDates } from '../../../i18n/dates';
import { useLanguage, useMessages } from '../../../i18n/messages';
import { describeRefusal, fieldLabel } from '../../../i18n/refusals';
import { lieuHref, personHref } from '../../contacts/paths';
import { diagnosticHref } from '../../diagnostics/paths';
import { visitHref } from '../../visits/paths';
import { messages } from './messages';
import styles from './network.module.css';

const HIDDEN_FIELDS = new Set(['id', 'networkId', 'createdAt', 'updatedAt', 'updatedBy', 'deleted']);

/** Where a record of these types opens; the others are reached from their screen's lists. */
const RECORD_HREFS: Partial<Record<RecordType, (id: string) => string>> = {
  visits: visitHref,
  organisations: lieuHref,
  contacts: personHref,
  diagnostics: diagnosticHref,
  events: (id) => hrefTo('evenements', id),
};

/** "Visite · ⁨Café des Halles⁩ · 3 décembre 2026", a link while the record is here; the name came from another device, so it is isolated. */
function RecordName({ change }: { change: RejectedChange }) {
  const t = useMessages(messages);
  const d = useDates();
  const { rejected, exists, name, visitedAt } = change;
  const label = [
    t.rejectedType(rejected.type),
    name ? isolate(name) : t.rejectedUnnamed,
    visitedAt ? d.date(visitedAt) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const href = exists ? RECORD_HREFS[rejected.type as RecordType] : undefined;
  return (
    <p>
      <strong>{href ? <a href={href(rejected.recordId)}>{label}</a> : label}</strong>
    </p>
  );
}

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
              <RecordName change={change} />
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
