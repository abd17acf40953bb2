// "Partager vers Valise" (Web Share Target in the manifest): the installed app opens here with
// what another app shared; it goes into the new-visit draft — after what the draft already
// held — and the capture form opens on it. Nothing is saved as a visit without the person.
import { useEffect, useState } from 'preact/hooks';
import { getDraft, saveDraft } from '../../../db/drafts';
import { hrefTo, navigate } from '../../../state/router';
import { ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useDataContext } from '../../hooks/use-data-context';
import { useMessages } from '../../i18n/messages';
import type { ScreenProps } from '../../routes';
import { emptyVisitValues, notesWithShared, type SharedText, type VisitFormValues } from '../visits/form/values';
import { NEW_VISIT_DRAFT, newVisitHref, RESUME, VISIT_DRAFT_KIND, VISITS } from '../visits/paths';
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
      const waiting = await getDraft(context, NEW_VISIT_DRAFT);
      const values = { ...emptyVisitValues(), ...(waiting?.values as Partial<VisitFormValues> | undefined) };
      await saveDraft(context, {
        id: NEW_VISIT_DRAFT,
        kind: VISIT_DRAFT_KIND,
        recordId: null,
        values: { ...values, notes: notesWithShared(values.notes, shared) },
      });
      // The shared words leave the address, so a reload does not add them twice.
      history.replaceState(null, '', `${location.pathname}${newVisitHref()}?${RESUME}=1`);
      navigate(`${newVisitHref()}?${RESUME}=1`, { replace: true });
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
