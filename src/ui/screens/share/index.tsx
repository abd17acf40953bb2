// "Partager vers Valise" (Web Share Target in the manifest): the installed app opens here with
// what another app shared; it becomes the notes of a new visit draft of its own (other drafts
// stay as they were) and the capture form opens on it. Nothing is saved as a visit without
// the person.
import { useEffect, useState } from 'preact/hooks';
import { saveDraft } from '../../../db/drafts';
import { hrefTo, navigate } from '../../../state/router';
import { ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { DRAFT_PARAM, newDraftId } from '../../forms/draft-param';
import { useDataContext } from '../../hooks/use-data-context';
import { useMessages } from '../../i18n/messages';
import type { ScreenProps } from '../../routes';
import { describeVisitDraft, emptyVisitValues, notesWithShared, type SharedText } from '../visits/form/values';
import { newVisitHref, VISIT_DRAFT_KIND, VISITS } from '../visits/paths';
import { messages } from './messages';

/** A GET share puts its fields in the page's query (before the hash); links may use the hash's. */
function sharedText(query: Record<string, string>): SharedText {
  const search = new URLSearchParams(location.search);
  const pick = (key: string) => search.get(key) ?? query[key] ?? null;
  return { title: pick('title'), text: pick('text'), url: pick('url') };
}

export default function ShareScreen({ route }: ScreenProps) {
  const t = useMessages(messages);
  const context = useDataContext();
  const [failed, setFailed] = useState(false);
  const shared = sharedText(route.query);
  const empty = notesWithShared('', shared) === '';

  useEffect(() => {
    if (!context || empty) return;
    void (async () => {
      const id = newDraftId(VISIT_DRAFT_KIND);
      const notes = notesWithShared('', shared);
      await saveDraft(context, {
        id,
        kind: VISIT_DRAFT_KIND,
        recordId: null,
        values: { ...emptyVisitValues(), notes },
        title: describeVisitDraft({ notes, purpose: '' }),
      });
      // The shared words leave the address, so a reload does not add them twice.
      const form = `${newVisitHref()}?${DRAFT_PARAM}=${encodeURIComponent(id)}`;
      history.replaceState(null, '', `${location.pathname}${form}`);
      navigate(form, { replace: true });
    })().catch(() => setFailed(true));
  }, [context]);

  return (
    <>
      <ScreenHeader title={t.title} />
      {empty || failed ? (
        <EmptyState
          title={failed ? t.failed : t.nothing}
          action={<ButtonLink href={hrefTo(VISITS)}>{t.toVisits}</ButtonLink>}
        />
      ) : (
        <p role="status">{t.opening}</p>
      )}
    </>
  );
}
