import type { PackingList } from '../../../domain/toolbox';
import { hrefTo } from '../../../state/router';
import { Progress } from '../../components/Progress';

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
    <li class="packing-card">
      <a class="packing-card__link" href={hrefTo('valise', 'liste', list.id)}>
        <span class="packing-card__title">{list.title}</span>
        <span class="packing-card__detail">{detail}</span>
        {progress === null ? null : <Progress value={progress} />}
      </a>
    </li>
  );
}
