// Visites: the list (the app's first screen, kept small), and on demand the capture form,
// a visit's page and its edit form.
import type { ScreenProps } from '../../routes';
import { LazyPart } from './LazyPart';
import { EDIT_VISIT, NEW_VISIT, RESUME } from './paths';
import { VisitList } from './VisitList';

const loadForm = () => import('./form/VisitForm');
const loadDetail = () => import('./detail/VisitDetail');

export default function VisitsScreen({ route }: ScreenProps) {
  const [first, second] = route.params;
  if (first === undefined) return <VisitList />;
  const resume = route.query[RESUME] === '1';
  if (first === NEW_VISIT) return <LazyPart key="new" load={loadForm} props={{ visitId: null, resume }} />;
  if (second === EDIT_VISIT) {
    return <LazyPart key={`edit-${first}`} load={loadForm} props={{ visitId: first, resume }} />;
  }
  return <LazyPart key={first} load={loadDetail} props={{ visitId: first, query: route.query }} />;
}
