// "Dans les listes" on a valise item: the packing lists that hold it. A trip keeps its
// template's title, so a template and the trips made from it ("Stand sur un salon" three
// times) are told apart by whose trip it is and when it leaves.

import { isolate } from '../../../domain/bidi';
import type { PackingList } from '../../../domain/toolbox';
import { hrefTo } from '../../../state/router';
import { InlineList } from '../../components/InlineList';
import { Section } from '../../components/Section';
import { useDates } from '../../i18n/dates';
import { useMessages } from '../../i18n/messages';
import styles from './ItemPage.module.css';
import { messages } from './messages';

export function UsedBy({ lists }: { lists: readonly PackingList[] }) {
  const t = useMessages(messages);
  const d = useDates();
  const detail = (list: PackingList) =>
    list.isTemplate
      ? t.usedByTemplate
      : [list.owner ? isolate(list.owner) : '', list.tripDate ? t.tripOn(d.date(list.tripDate)) : t.tripUndated]
          .filter(Boolean)
          .join(' · ');
  return (
    <Section title={t.usedBy}>
      <InlineList>
        {lists.map((list) => (
          <li key={list.id} class={styles.usedBy}>
            <a href={hrefTo('valise', 'liste', list.id)}>
              <span>
                {list.title}
                <span class={styles.usedByDetail}> · {detail(list)}</span>
              </span>
            </a>
          </li>
        ))}
      </InlineList>
    </Section>
  );
}
