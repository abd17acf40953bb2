// The valise: the network's shared toolbox and the packing lists for a trip.
//   #/valise                         shelves, search, packing lists
//   #/valise/nouveau                 a new item (a suggestion for a concierge)
//   #/valise/element/<id>            an item: description, link, file, who holds the kit
//   #/valise/element/<id>/modifier   editing it
//   #/valise/liste/<id>              a packing list: a template, or a trip being packed
//   #/valise/liste/<id>/modifier     choosing what a list holds; #/valise/nouvelle-liste
import './toolbox.css';
import { useEffect } from 'preact/hooks';
import { seedStarterValise } from '../../../db/toolbox-starter';
import { useSync } from '../../../state/sync';
import { RecordPageBoundary } from '../../components/RecordBoundary';
import { useDataContext } from '../../hooks/use-data-context';
import type { ScreenProps } from '../../routes';
import { ItemForm } from './ItemForm';
import { ItemPage } from './ItemPage';
import { PackingListEditor } from './PackingListEditor';
import { PackingListPage } from './PackingListPage';
import { ToolboxHome } from './ToolboxHome';

export default function ToolboxScreen({ route }: ScreenProps) {
  useStarterValise();
  const [section, id, action] = route.params;
  if (section === 'nouveau') return <ItemForm itemId={null} />;
  if (section === 'element' && id && action === 'modifier') return <ItemForm itemId={id} />;
  if (section === 'element' && id)
    return (
      <RecordPageBoundary key={id} type="toolboxItems" id={id}>
        <ItemPage itemId={id} />
      </RecordPageBoundary>
    );
  if (section === 'nouvelle-liste') return <PackingListEditor listId={null} />;
  if (section === 'liste' && id && action === 'modifier') return <PackingListEditor listId={id} />;
  if (section === 'liste' && id)
    return (
      <RecordPageBoundary key={id} type="packingLists" id={id}>
        <PackingListPage listId={id} />
      </RecordPageBoundary>
    );
  return <ToolboxHome query={route.query.q ?? ''} />;
}

/** Seeds the starter valise where this device may (see seedStarterValise), once the data is open. */
function useStarterValise(): void {
  const context = useDataContext();
  const role = useSync((view) => view.session?.role ?? null);
  const pulled = useSync((view) => view.status.lastSyncAt !== null);
  useEffect(() => {
    if (context) void seedStarterValise(context, { pulled });
  }, [context, role, pulled]);
}
