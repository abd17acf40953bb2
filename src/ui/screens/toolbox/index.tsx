// The valise: the network's shared toolbox and the packing lists for a trip.
//   #/valise                         shelves, search, packing lists
//   #/valise/nouveau                 a new item (a suggestion for a concierge)
//   #/valise/element/<id>            an item: description, link, file, who holds the kit
//   #/valise/element/<id>/modifier   editing it
//   #/valise/liste/<id>              a packing list: a template, or a trip being packed
//   #/valise/liste/<id>/modifier     choosing what a list holds; #/valise/nouvelle-liste
import { RecordPageBoundary } from '../../components/RecordPageBoundary';
import { DRAFT_PARAM, useFormKey } from '../../forms/draft-param';
import type { ScreenProps } from '../../routes';
import { ItemForm } from './ItemForm';
import { ItemPage } from './ItemPage';
import { PackingListEditor } from './PackingListEditor';
import { PackingListPage } from './PackingListPage';
import { ToolboxHome } from './ToolboxHome';

export default function ToolboxScreen({ route }: ScreenProps) {
  const [section, id, action] = route.params;
  const draftId = route.query[DRAFT_PARAM];
  const formKey = useFormKey(draftId);
  if (section === 'nouveau') return <ItemForm key={`new-${formKey}`} itemId={null} draftId={draftId} />;
  if (section === 'element' && id && action === 'modifier') {
    return <ItemForm key={`edit-${id}`} itemId={id} draftId={draftId} />;
  }
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
