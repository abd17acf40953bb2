// Contacts & lieux: the people and organisations of the network, their pages and forms.
import { RecordPageBoundary } from '../../components/RecordPageBoundary';
import { DRAFT_PARAM, useFormKey } from '../../forms/draft-param';
import type { ScreenProps } from '../../routes';
import { ContactsHome } from './ContactsHome';
import { LieuDetail } from './LieuDetail';
import { LieuForm } from './LieuForm';
import { LieuImport } from './LieuImport';
import { mergedFromQuery } from './MergedRedirect';
import { MergePage } from './MergePage';
import { PersonDetail } from './PersonDetail';
import { PersonForm } from './PersonForm';
import { EDIT, IMPORT, LIEU, LIEUX_TAB, MERGE, NEW, PERSON } from './paths';

export default function ContactsScreen({ route }: ScreenProps) {
  const [kind, id, action, otherId] = route.params;
  const saved = route.query.enregistree === '1';
  const mergedFrom = mergedFromQuery(route.query);
  const draftId = route.query[DRAFT_PARAM];
  const formKey = useFormKey(draftId);
  if (kind === PERSON && id === NEW) {
    return <PersonForm key={`new-person-${formKey}`} personId={null} draftId={draftId} />;
  }
  if (kind === LIEU && id === NEW) return <LieuForm key={`new-lieu-${formKey}`} lieuId={null} draftId={draftId} />;
  if ((kind === PERSON || kind === LIEU) && id && action === MERGE && otherId) {
    const type = kind === LIEU ? 'organisations' : 'contacts';
    return <MergePage key={`${id}-${otherId}`} type={type} keptId={id} otherId={otherId} />;
  }
  if (kind === PERSON && id) {
    return action === EDIT ? (
      <PersonForm key={`edit-${id}`} personId={id} draftId={draftId} />
    ) : (
      <RecordPageBoundary key={id} type="contacts" id={id}>
        <PersonDetail personId={id} saved={saved} mergedFrom={mergedFrom} />
      </RecordPageBoundary>
    );
  }
  if (kind === LIEU && id) {
    return action === EDIT ? (
      <LieuForm key={`edit-${id}`} lieuId={id} draftId={draftId} />
    ) : (
      <RecordPageBoundary key={id} type="organisations" id={id}>
        <LieuDetail lieuId={id} saved={saved} mergedFrom={mergedFrom} />
      </RecordPageBoundary>
    );
  }
  if (kind === LIEUX_TAB && id === IMPORT) return <LieuImport />;
  return <ContactsHome tab={kind === LIEUX_TAB ? 'lieux' : 'people'} />;
}
