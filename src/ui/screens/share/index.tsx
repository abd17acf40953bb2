// "Partager vers Valise" (Web Share Target in the manifest): the installed app opens here with
// what another app shared; it becomes the notes of a new visit draft of its own (other drafts
// stay as they were) and the capture form opens on it. Nothing is saved as a visit without
// the person.
//
// Any web page can link to this address with words of its choosing. A share opens the
// installed app (its own window); a page opened in a browser tab came by a link or was typed,
// so the words are shown first and kept as a draft only when the person asks.
import { useEffect, useState } from 'preact/hooks';
import { saveDraft } from '../../../db/drafts';
import { hrefTo, navigate } from '../../../state/router';
import { Button, ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { DRAFT_PARAM, newDraftId } from '../../forms/draft-param';
import { useDataContext } from '../../hooks/use-data-context';
import { useMessages } from '../../i18n/messages';
import type { ScreenProps } from '../../routes';
import { describeVisitDraft, emptyVisitValues, notesWithShared, type SharedText } from '../visits/form/values';
import { newVisitHref, VISIT_DRAFT_KIND, VISITS } from '../visits/paths';
import { messages } from './messages';
import styles from './share.module.css';

/** A GET share puts its fields in the page's query (before the hash); links may use the hash's. */
function sharedText(query: Record<string, string>): SharedText {
  const search = new URLSearchParams(location.search);
  const pick = (key: string) => search.get(key) ?? query[key] ?? null;
  return { title: pick('title'), text: pick('text'), url: pick('url') };
}

/** Whether the installed app opened in its own window, as a share opens it (the manifest's display). */
const openedAsApp = () => window.matchMedia('(display-mode: standalone)').matches;

/** The shared words leave the address as the screen is left, so a reload does not bring them back. */
function leaveFor(hash: string): void {
  history.replaceState(null, '', `${location.pathname}${hash}`);
  navigate(hash, { replace: true });
}

export default function ShareScreen({ route }: ScreenProps) {
  const t = useMessages(messages);
  const context = useDataContext();
  const [failed, setFailed] = useState(false);
  const [keeping, setKeeping] = useState(openedAsApp);
  const shared = sharedText(route.query);
  const notes = notesWithShared('', shared);
  const empty = notes === '';

  useEffect(() => {
    if (!context || empty || !keeping) return;
    void (async () => {
      const id = newDraftId(VISIT_DRAFT_KIND);
      await saveDraft(context, {
        id,
        kind: VISIT_DRAFT_KIND,
        recordId: null,
        values: { ...emptyVisitValues(), notes },
        title: describeVisitDraft({ notes, purpose: '' }),
      });
      leaveFor(`${newVisitHref()}?${DRAFT_PARAM}=${encodeURIComponent(id)}`);
    })().catch(() => setFailed(true));
  }, [context, keeping]);

  return (
    <>
      <ScreenHeader title={t.title} />
      {empty || failed ? (
        <EmptyState
          title={failed ? t.failed : t.nothing}
          action={<ButtonLink href={hrefTo(VISITS)}>{t.toVisits}</ButtonLink>}
        />
      ) : keeping ? (
        <p role="status">{t.opening}</p>
      ) : (
        <div class="stack">
          <p>{t.fromPage}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll a long text (Safari). */}
          <section aria-label={t.sharedWords} tabIndex={0} class={styles.text} dir="auto" data-testid="shared-text">
            {notes}
          </section>
          <div class="actions">
            <Button variant="primary" onClick={() => setKeeping(true)}>
              {t.keep}
            </Button>
            <Button onClick={() => leaveFor(hrefTo(VISITS))}>{t.drop}</Button>
          </div>
        </div>
      )}
    </>
  );
}
