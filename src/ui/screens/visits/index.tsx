// Visites: the list (the app's first screen, kept small), and on demand the capture form,
// a visit's page and its edit form.

import { DRAFT_PARAM, useFormKey } from '../../forms/draft-param';
import type { ScreenProps } from '../../routes';
import { LazyPart } from './LazyPart';
import { EDIT_VISIT, NEW_VISIT } from './paths';
import { VisitList } from './VisitList';

const loadForm = () => import('./form/VisitForm');
const loadDetail = () => import('./detail/VisitDetail');

export default function VisitsScreen({ route }: ScreenProps) {
  const [first, second] = route.params;
  const draftId = route.query[DRAFT_PARAM];
  const formKey = useFormKey(draftId);
  if (first === undefined) return <VisitList />;
  if (first === NEW_VISIT)
    return <LazyPart key={`new-${formKey}`} load={loadForm} props={{ visitId: null, draftId }} />;
  if (second === EDIT_VISIT) {
    return <LazyPart key={`edit-${first}`} load={loadForm} props={{ visitId: first, draftId }} />;
  }
  return <LazyPart key={first} load={loadDetail} props={{ visitId: first, query: route.query }} />;
}
