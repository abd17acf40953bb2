// "Doublons possibles" on a lieu's or a person's page: each likely duplicate with why, and a
// link to compare and merge.
import { duplicatesOf } from '../../../db/merge';
import { isolate } from '../../../domain/bidi';
import type { MergeableType } from '../../../domain/merge-plan';
import { Hint } from '../../components/Field';
import { Section } from '../../components/Section';
import { useLive } from '../../hooks/use-live';
import { useMessages } from '../../i18n/messages';
import styles from './contacts.module.css';
import { mergeMessages } from './merge-messages';
import { mergeHref } from './paths';

export function Duplicates({ type, id }: { type: MergeableType; id: string }) {
  const t = useMessages(mergeMessages);
  const found = useLive((context) => duplicatesOf(context, type, id), [type, id]);
  if (!found || found.length === 0) return null;
  return (
    <Section title={t.duplicates}>
      <Hint>{t.duplicatesHint}</Hint>
      <ul class={styles['record-list']}>
        {found.map(({ record, reason }) => (
          <li key={record.id} class={styles['record-item']}>
            <a class={styles['record-item__main']} href={mergeHref(type, id, record.id)}>
              <span class={styles['record-item__name']}>{t.compare(isolate(record.name))}</span>
              <span class={styles['record-item__detail']}>{t.reason(reason)}</span>
            </a>
          </li>
        ))}
      </ul>
    </Section>
  );
}
