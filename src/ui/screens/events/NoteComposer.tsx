import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteDraft, getDraft, saveDraft } from '../../../db/drafts';
import { addNote, noteDraftId } from '../../../db/event-notes';
import { NOTE_TAGS, type NoteTag } from '../../../domain/event';
import { NOTE_TAG_LABELS } from '../../../domain/event-labels';
import { labelOf } from '../../../domain/label-of';
import { hrefTo } from '../../../state/router';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Choices } from '../../components/Choices';
import { Field } from '../../components/Field';
import { useDataContext } from '../../hooks/use-data-context';
import { useDraftWrites } from '../../hooks/use-draft-writes';
import { useFinePointer } from '../../hooks/use-fine-pointer';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';
import { useLanguage, useMessages } from '../../i18n/messages';
import { fieldRefusal } from '../../i18n/validation';
import { shortcutModifier } from '../../shortcut-modifier';
import { messages } from './messages';
import styles from './notes.module.css';
import { Pill } from './Pill';

const COMPOSER_ID = 'nouvelle-note';

/** Brings the note field into view with the keyboard up: the first gesture of a meeting. */
export function focusComposer(): void {
  const field = document.getElementById(COMPOSER_ID);
  field?.scrollIntoView({ block: 'center' });
  field?.focus();
}

/** Quick capture during the event: type, pick what it is, add; the field is ready for the next one. */
export function NoteComposer({ eventId }: { eventId: string }) {
  const t = useMessages(messages);
  // The hint names Ctrl (or ⌘) + Entrée: only where a keyboard with that key is likely.
  const keyboardShortcuts = useFinePointer();
  const lang = useLanguage();
  const context = useDataContext();
  const [text, setText] = useState('');
  const [tag, setTag] = useState<NoteTag>('note');
  const [problem, setProblem] = useState<'empty' | 'failed' | null>(null);
  /** Why the text was refused (too long): said at the field, since trying again cannot help. */
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  /**
   * Each note refused (empty, or too long): the field takes the focus once it says why, so a
   * screen reader hears the reason with the field.
   */
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) focusComposer();
  }, [refusals]);
  const drafts = useDraftWrites();
  // Once in its draft, the note comes back after a reload: leaving asks only before that.
  useUnsavedInput(text.trim() !== '' && (drafts.unkept || !context));
  // What the person does before the draft is read wins over it (the read ends after the
  // composer is drawn): a tag picked stays picked, and an empty composer does not erase the
  // draft it has not yet given back.
  const draftRead = useRef(false);
  const tagPicked = useRef(false);

  // A note half typed when the phone locked or the tab was killed comes back as it was.
  useEffect(() => {
    if (!context) return;
    let active = true;
    void getDraft(context, noteDraftId(eventId)).then((draft) => {
      if (!active) return;
      draftRead.current = true;
      if (!draft) return;
      const values = draft.values as { text?: string; tag?: NoteTag };
      setText((current) => (current === '' ? (values.text ?? '') : current));
      if (!tagPicked.current && values.tag && NOTE_TAGS.includes(values.tag)) setTag(values.tag);
    });
    return () => {
      active = false;
    };
  }, [context, eventId]);

  const keepDraft = (values: { text: string; tag: NoteTag }) => {
    if (!context) return;
    if (values.text.trim() === '' && !draftRead.current) return;
    const id = noteDraftId(eventId);
    drafts.keep(
      values.text.trim() === ''
        ? deleteDraft(context, id)
        : saveDraft(context, { id, kind: 'eventNote', recordId: eventId, values }),
    );
  };

  const submit = async (event?: Event) => {
    event?.preventDefault();
    if (!context || saving) return;
    if (text.trim() === '') {
      setProblem('empty');
      setRefusals((count) => count + 1);
      return;
    }
    setSaving(true);
    let refused: string | undefined;
    try {
      await addNote(context, { eventId, text, tag });
      setText('');
      setTag('note');
      setProblem(null);
      setRefusal(null);
    } catch (error) {
      refused = fieldRefusal(error, 'text', lang);
      setRefusal(refused ?? null);
      setProblem(refused ? null : 'failed');
    } finally {
      setSaving(false);
      if (refused) setRefusals((count) => count + 1);
      else document.getElementById(COMPOSER_ID)?.focus();
    }
  };

  return (
    <form class={`${styles.composer} stack`} onSubmit={submit} noValidate>
      {context && context.authorName === '' ? (
        <Banner tone="warning">
          {t.nameMissing} <a href={hrefTo('reglages')}>{t.nameMissingLink}</a>
        </Banner>
      ) : null}
      <Choices class={styles.tags} data-testid="note-tags">
        <legend class="visually-hidden">{t.noteTag}</legend>
        {NOTE_TAGS.map((key) => (
          <Pill
            key={key}
            name="tag"
            value={key}
            checked={tag === key}
            onChange={() => {
              tagPicked.current = true;
              setTag(key);
              keepDraft({ text, tag: key });
            }}
          >
            {labelOf(NOTE_TAG_LABELS, key, lang)}
          </Pill>
        ))}
      </Choices>
      <Field
        as="textarea"
        label={t.noteLabel}
        hint={keyboardShortcuts ? t.noteHint(shortcutModifier()) : undefined}
        name="note"
        id={COMPOSER_ID}
        rows={3}
        value={text}
        error={problem === 'empty' ? t.noteEmpty : (refusal ?? undefined)}
        onInput={(input) => {
          setText(input.currentTarget.value);
          keepDraft({ text: input.currentTarget.value, tag });
          if (problem === 'empty') setProblem(null);
        }}
        onKeyDown={(key) => {
          if (key.key === 'Enter' && (key.ctrlKey || key.metaKey)) void submit();
        }}
      />
      {problem === 'failed' ? <Banner tone="error">{t.noteFailed}</Banner> : null}
      <div class="actions">
        <Button type="submit" variant="primary" disabled={!context} aria-disabled={saving}>
          {t.addNote}
        </Button>
      </div>
    </form>
  );
}
