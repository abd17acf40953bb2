// A free text written by a person (a visit's or an event's notes, a lieu's): shown whole when
// short; past a screen of a phone, its beginning and « Lire tout le texte », so that a report
// pasted in does not push what follows it (the next notes, the follow-ups) pages away.
import { useState } from 'preact/hooks';
import { useMessages } from '../i18n/messages';
import { classes } from './classes';
import { Disclosure } from './Disclosure';
import styles from './LongText.module.css';
import { longTextMessages } from './long-text-messages';

/** Past these, a text folds: about a 360-px phone's screen of lines. */
const MOST_CHARACTERS = 700;
const MOST_LINES = 12;
/** What a folded text shows: about a third of that screen. */
const HEAD_CHARACTERS = 280;
const HEAD_LINES = 5;

/**
 * The beginning shown while `text` is folded, or null when it is short enough to show whole.
 * Cut after a word (or, in one long word, before a character, never inside a surrogate pair).
 */
function headOf(text: string): string | null {
  const lines = text.split('\n');
  if (text.length <= MOST_CHARACTERS && lines.length <= MOST_LINES) return null;
  const start = lines.slice(0, HEAD_LINES).join('\n').slice(0, HEAD_CHARACTERS);
  const space = start.search(/\s\S*$/);
  const cut = space > HEAD_CHARACTERS / 2 ? space : start.length;
  const whole = /[\uDC00-\uDFFF]/.test(text.charAt(cut)) ? cut - 1 : cut;
  return text.slice(0, whole).trimEnd();
}

/** `class` dresses the text (white-space, margins); `testId` marks the box that holds it. */
export function LongText({ text, class: extra, testId }: { text: string; class?: string; testId?: string }) {
  const t = useMessages(longTextMessages);
  const [open, setOpen] = useState(false);
  const head = headOf(text);
  if (head === null)
    return (
      <p class={extra} data-testid={testId}>
        {text}
      </p>
    );
  return (
    <div class={classes(extra, styles.folding)} data-testid={testId}>
      {/* Open, the whole text takes its place: read from its first word, under « Replier ». */}
      {open ? null : <p>{head}…</p>}
      <Disclosure summary={open ? t.fold : t.readAll} open={open} onToggle={setOpen}>
        <p>{text}</p>
      </Disclosure>
    </div>
  );
}
