import type { PackingList } from '../../../domain/toolbox';
import { hrefTo } from '../../../state/router';
import { Progress } from '../../components/Progress';
import cards from './cards.module.css';

/** One packing list in the valise: its title, what kind or how far packed, and a bar. */
export function PackingCard({
  list,
  detail,
  progress,
}: {
  list: PackingList;
  detail: string;
  progress: number | null;
}) {
  return (
    <li class={cards.card} data-testid="packing-card">
      <a class={cards.link} href={hrefTo('valise', 'liste', list.id)}>
        <span class={cards.title}>{list.title}</span>
        <span class={cards.detail}>{detail}</span>
        {progress === null ? null : <Progress value={progress} />}
      </a>
    </li>
  );
}
