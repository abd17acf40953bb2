import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteNote, editNote } from '../../../db/event-notes';
import { isOwnNote } from '../../../db/own-notes';
import { isolate } from '../../../domain/bidi';
import { type EventNote, type NetworkEvent, NOTE_TAGS, type NoteTag } from '../../../domain/event';
import { noteNeedsDay } from '../../../domain/event-agenda';
import { NOTE_TAG_LABELS } from '../../../domain/event-labels';
import { labelOf } from '../../../domain/label-of';
import type { BadgeTone } from '../../components/Badge';
import { Badge } from '../../components/Badge';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { classes } from '../../components/classes';
import { Field } from '../../components/Field';
import { LongText } from '../../components/LongText';
import { useDataContext } from '../../hooks/use-data-context';
import { useFocusAfterClose } from '../../hooks/use-focus-after-close';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';
import { useLanguage, useMessages } from '../../i18n/messages';
import { fieldRefusal } from '../../i18n/validation';
import { eventShortDay, eventTime, zoneOf } from './event-dates';
import { FollowUpFromNote } from './FollowUpFromNote';
import { messages } from './messages';
import styles from './notes.module.css';

/** A decision reads green, an action amber: the same colours as everywhere else in the app. */
const NOTE_TAG_TONES: Record<NoteTag, BadgeTone> = {
  note: 'neutral',
  decision: 'success',
  idea: 'accent',
  action: 'warning',
  question: 'info',
};

export function NoteTimeline({ event, notes }: { event: NetworkEvent; notes: readonly EventNote[] }) {
  const t = useMessages(messages);
  if (notes.length === 0) return <p>{t.noNotes}</p>;
  const zone = zoneOf(event);
  return (
    <>
      <p class={styles.count} aria-live="polite">
        {t.notesCount(notes.length)}
      </p>
      <ol class={styles.timeline} data-testid="timeline">
        {notes.map((note) => (
          <NoteItem
            key={note.id}
            event={event}
            note={note}
            zone={zone}
            withDay={noteNeedsDay(event, note.writtenAt, zone)}
          />
        ))}
      </ol>
    </>
  );
}

interface NoteItemProps {
  event: NetworkEvent;
  note: EventNote;
  zone: string;
  withDay: boolean;
}

function NoteItem({ event, note, zone, withDay }: NoteItemProps) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  const [editing, setEditing] = useState(false);
  const [following, setFollowing] = useState(false);
  // Made here before the notes read again say so: the line that says it is there to take the focus.
  const [followUpMade, setFollowUpMade] = useState(false);
  // Closed, the editor and the follow-up form give the focus back to what opened them.
  const actionsBox = useFocusAfterClose<HTMLSpanElement>(editing);
  const followUpBox = useFocusAfterClose<HTMLDivElement>(following);
  const own = context !== undefined && isOwnNote(context, note);
  const time = eventTime(note.writtenAt, zone);
  const when = withDay ? `${eventShortDay(note.writtenAt, zone, lang)} ${time}` : time;
  const author = note.authorName || t.thisDevice;
  const excerpt = note.text.slice(0, 40);
  return (
    <li class={classes(styles.note, styles[note.tag])} data-note-id={note.id} data-testid="note">
      <div class={styles.meta}>
        <time dateTime={note.writtenAt}>{when}</time>
        <span data-testid="note-author">{author}</span>
        {note.tag === 'note' ? null : (
          <Badge tone={NOTE_TAG_TONES[note.tag]}>{labelOf(NOTE_TAG_LABELS, note.tag, lang)}</Badge>
        )}
        {note.editedAt ? <span data-testid="note-edited">({t.edited})</span> : null}
        {own && !editing ? (
          <span ref={actionsBox} class={styles.actions}>
            <Button variant="quiet" onClick={() => setEditing(true)} aria-label={t.editNoteNamed(excerpt)}>
              {t.editNote}
            </Button>
            <Button
              variant="quiet"
              aria-label={t.deleteNoteNamed(excerpt)}
              onClick={() => {
                if (context && confirm(t.confirmDeleteNote)) void deleteNote(context, note.id);
              }}
            >
              {t.deleteNote}
            </Button>
          </span>
        ) : null}
      </div>
      {editing ? (
        <NoteEditor note={note} onDone={() => setEditing(false)} />
      ) : (
        <LongText class={styles.text} text={note.text} about={t.noteAbout(isolate(author), when)} testId="note-text" />
      )}
      {note.tag !== 'action' || editing ? null : (
        <div ref={followUpBox}>
          {note.followUpId || followUpMade ? (
            <p class={styles.followUpMade} tabIndex={-1}>
              ✓ {t.followUpMade}
            </p>
          ) : following ? (
            <FollowUpFromNote
              event={event}
              note={note}
              onDone={(made) => {
                setFollowUpMade(made);
                setFollowing(false);
              }}
            />
          ) : (
            <Button class={styles.makeFollowUp} onClick={() => setFollowing(true)}>
              {t.makeFollowUp}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

function NoteEditor({ note, onDone }: { note: EventNote; onDone: () => void }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  const [text, setText] = useState(note.text);
  const [tag, setTag] = useState<NoteTag>(note.tag);
  const [problem, setProblem] = useState<'empty' | 'failed' | null>(null);
  /** Why the text was refused (too long): said at the field, since trying again cannot help. */
  const [refusal, setRefusal] = useState<string | null>(null);
  useUnsavedInput(text !== note.text || tag !== note.tag);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector('textarea')?.focus(), []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!context) return;
    if (text.trim() === '') {
      setProblem('empty');
      return;
    }
    try {
      await editNote(context, note.id, { text, tag });
      onDone();
    } catch (error) {
      const refused = fieldRefusal(error, 'text', lang);
      setRefusal(refused ?? null);
      setProblem(refused ? null : 'failed');
    }
  };

  return (
    <form ref={form} class="stack" onSubmit={save} noValidate>
      <Field
        as="textarea"
        label={t.editNoteLabel}
        rows={3}
        value={text}
        error={problem === 'empty' ? t.noteEmpty : (refusal ?? undefined)}
        onInput={(input) => setText(input.currentTarget.value)}
      />
      <Field
        as="select"
        label={t.noteTag}
        value={tag}
        onChange={(input) => setTag(input.currentTarget.value as NoteTag)}
      >
        {NOTE_TAGS.map((key) => (
          <option key={key} value={key}>
            {labelOf(NOTE_TAG_LABELS, key, lang)}
          </option>
        ))}
      </Field>
      {problem === 'failed' ? <Banner tone="error">{t.noteFailed}</Banner> : null}
      <div class="actions">
        <Button type="submit" variant="primary">
          {t.saveNote}
        </Button>
        <Button onClick={onDone}>{t.cancel}</Button>
      </div>
    </form>
  );
}
