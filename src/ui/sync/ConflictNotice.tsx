// "2 versions de ces notes": shown beside a text field whose concurrent edit lost on another
// device. Nothing was dropped; the person picks a version or merges them by hand.
import { useEffect, useRef, useState } from 'preact/hooks';
import { conflictsOf, resolveConflicts } from '../../db/conflicts';
import { settlerOtherThanMe } from '../../db/open-conflicts';
import { isolate } from '../../domain/bidi';
import type { Conflict } from '../../domain/conflict';
import type { RecordType } from '../../domain/record-types';
import { Banner } from '../components/Banner';
import { Button } from '../components/Button';
import { Field, FieldError } from '../components/Field';
import { useDataContext } from '../hooks/use-data-context';
import { useLive } from '../hooks/use-live';
import { useUnsavedInput } from '../hooks/use-unsaved-input';
import { useDates } from '../i18n/dates';
import { useLanguage, useMessages } from '../i18n/messages';
import { fieldRefusal } from '../i18n/validation';
import styles from './ConflictNotice.module.css';
import { messages } from './conflict-messages';

interface ConflictNoticeProps {
  recordType: RecordType;
  recordId: string;
  field: string;
  /** The text the record shows now (the version that won). */
  shown: string;
}

export function ConflictNotice({ recordType, recordId, field, shown }: ConflictNoticeProps) {
  const t = useMessages(messages);
  const d = useDates();
  const context = useDataContext();
  const live = useLive(
    async (ctx) => ({
      conflicts: await conflictsOf(ctx, recordId, field),
      settler: await settlerOtherThanMe(ctx, recordType, recordId),
    }),
    [recordType, recordId, field],
  );
  const [merging, setMerging] = useState<{ id: string; text: string } | null>(null);
  const [failed, setFailed] = useState(false);
  /** Why the merged text was refused (longer than the field holds): said at it, trying again cannot help. */
  const [refusal, setRefusal] = useState<string | null>(null);
  const lang = useLanguage();
  useUnsavedInput(merging !== null);
  const relevant = (live?.conflicts ?? []).filter((conflict) => conflict.recordType === recordType);
  /** The versions settled here: once the card is gone with them, a line says the choice was kept. */
  const [settledHere, setSettledHere] = useState<ReadonlySet<string>>(new Set());
  // The versions the card showed last: the line is said only if this device settled them all,
  // not when a sync takes away a version another device settled after one settled here.
  const lastShown = useRef<readonly string[]>([]);
  if (relevant.length > 0) lastShown.current = relevant.map((conflict) => conflict.id);
  const done =
    relevant.length === 0 && lastShown.current.length > 0 && lastShown.current.every((id) => settledHere.has(id));
  /** The version being settled and where it stands among the card's, for the focus once it is gone. */
  const settling = useRef<{ id: string; at: number } | null>(null);
  const versions = useRef<HTMLUListElement>(null);
  const settledNote = useRef<HTMLParagraphElement>(null);
  // The focus follows the person: into the merged text once it opens, back to « Fusionner les
  // deux » when it is given up, and to the line saying the choice was kept once the card is
  // gone — else it fell to the page's start with the button pressed, and nothing was said.
  const mergingId = merging?.id ?? null;
  const mergedBefore = useRef<string | null>(null);
  useEffect(() => {
    const before = mergedBefore.current;
    mergedBefore.current = mergingId;
    if (mergingId !== null && before === null) versions.current?.querySelector('textarea')?.focus();
    if (mergingId === null && before !== null)
      versions.current?.querySelector<HTMLElement>(`[data-merge="${before}"]`)?.focus();
  }, [mergingId]);
  // One of three versions or more settled: the focus goes to the choice of the one now in its
  // place (the one before it, if it was the last), not to the page's start with the button pressed.
  const shownKey = relevant.map((conflict) => conflict.id).join(' ');
  useEffect(() => {
    const settled = settling.current;
    if (!settled || relevant.some((conflict) => conflict.id === settled.id)) return;
    settling.current = null;
    if (relevant.length === 0 || !focusLost()) return;
    const items = versions.current?.children;
    // The first item is the version shown, before the others.
    items?.[Math.min(settled.at + 1, items.length - 1)]?.querySelector<HTMLElement>('button')?.focus();
  }, [shownKey]);
  useEffect(() => {
    if (done && focusLost()) settledNote.current?.focus();
  }, [done]);
  if (done)
    return (
      <p role="status" tabIndex={-1} ref={settledNote}>
        {t.conflictSettled}
      </p>
    );
  if (relevant.length === 0 || !context || !live) return null;
  // A colleague's event note: the versions are shown, the choice is its author's (or an admin's).
  const { settler } = live;
  const mine = settler === null;

  const resolve = async (conflicts: readonly Conflict[], text: string) => {
    setFailed(false);
    setRefusal(null);
    // Set before the card changes: the live query may take the version away before this resumes.
    const [one] = conflicts;
    settling.current = conflicts.length === 1 && one ? { id: one.id, at: relevant.indexOf(one) } : null;
    try {
      await resolveConflicts(context, conflicts, text);
      // Added to the latest set: another version may have been settled while this one was written.
      setSettledHere((before) => new Set([...before, ...conflicts.map((conflict) => conflict.id)]));
      setMerging(null);
    } catch (error) {
      settling.current = null;
      const refused = fieldRefusal(error, field, lang);
      if (refused) setRefusal(refused);
      else setFailed(true);
    }
  };
  const keepShown = () => resolve(relevant, shown);

  return (
    <Banner tone="warning" title={t.conflictTitle(relevant.length)} data-testid="conflict">
      <p>{settler === null ? t.conflictExplain : t.conflictNoteOfOther(settler && isolate(settler))}</p>
      <ul class={styles.versions} ref={versions}>
        {/* The version that won is compared here too, beside the others, not left to be found
            below the card with no name: "garder" must say which text it keeps. */}
        <li>
          <strong>{t.conflictShown}</strong>
          <p class={styles.text} data-testid="conflict-shown">
            {shown || t.conflictEmpty}
          </p>
          {mine ? (
            <div class="actions">
              <Button onClick={keepShown}>{t.conflictKeepShown}</Button>
            </div>
          ) : null}
        </li>
        {relevant.map((conflict) => (
          <li key={conflict.id}>
            <strong>
              {t.conflictOther(conflict.authorName && isolate(conflict.authorName), d.dateTime(conflict.createdAt))}
            </strong>
            <p class={styles.text} data-testid="conflict-text">
              {conflict.value || t.conflictEmpty}
            </p>
            {mine ? (
              <div class="actions">
                <Button onClick={() => resolve([conflict], conflict.value)}>{t.conflictTake}</Button>
                <Button
                  data-merge={conflict.id}
                  onClick={() => setMerging({ id: conflict.id, text: `${shown}\n\n${conflict.value}` })}
                >
                  {t.conflictMerge}
                </Button>
              </div>
            ) : null}
            {mine && merging?.id === conflict.id ? (
              <form
                class="stack"
                onSubmit={(event) => {
                  event.preventDefault();
                  void resolve([conflict], merging.text);
                }}
              >
                <Field
                  as="textarea"
                  label={t.conflictMergeLabel}
                  value={merging.text}
                  error={refusal ?? undefined}
                  rows={8}
                  onInput={(event) => setMerging({ id: conflict.id, text: event.currentTarget.value })}
                />
                <div class="actions">
                  <Button type="submit" variant="primary">
                    {t.conflictMergeSave}
                  </Button>
                  <Button onClick={() => setMerging(null)}>{t.conflictCancel}</Button>
                </div>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {failed ? <FieldError>{t.conflictFailed}</FieldError> : null}
    </Banner>
  );
}

/** The element that had the focus went (with the version it settled): the focus fell to the page. */
function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}
