// A free text written by a person (a visit's or an event's notes, a lieu's): shown whole when
// short; past a screen of a phone, its beginning and « Lire tout le texte », so that a report
// pasted in does not push what follows it (the next notes, the follow-ups) pages away.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useMessages } from '../i18n/messages';
import { classes } from './classes';
// The disclosure's own line (chevron, colour, tap height), drawn on a button of its own here,
// out of the first screen's code.
import disclosure from './Disclosure.module.css';
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

interface LongTextProps {
  text: string;
  /**
   * Whose text it is, heard after « Lire tout le texte » (« note de Marie, 14:32 »): a timeline
   * of long notes has as many of those, and a list of a screen's controls must tell them apart.
   */
  about: string;
  /** Dresses the text (white-space, margins). */
  class?: string;
  /** Marks the box that holds the text. */
  testId?: string;
}

export function LongText({ text, about, class: extra, testId }: LongTextProps) {
  const t = useMessages(longTextMessages);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const whole = useRef<HTMLParagraphElement>(null);
  /** Set by a tap on the line: a text opened by find-in-page keeps the browser's own focus and scroll. */
  const tapped = useRef(false);
  const id = useId();
  const head = headOf(text);
  const folds = head !== null;
  // Folded, the whole text stays in the page, hidden until found: find-in-page opens it where
  // the browser can (Chromium), as it opened the details element this fold used to be.
  useEffect(() => {
    const paragraph = folds ? whole.current : null;
    const found = () => setOpen(true);
    paragraph?.addEventListener('beforematch', found);
    return () => paragraph?.removeEventListener('beforematch', found);
  }, [folds]);
  // Opened, it is read from its first word, where the beginning was (a screen reader goes on
  // from there); folded from its end, the beginning and the line that opens it again are
  // brought back in sight, the focus on that line (an engine that focuses no tapped button
  // would leave it on the text just hidden).
  useEffect(() => {
    if (!tapped.current) return;
    tapped.current = false;
    if (open) whole.current?.focus({ preventScroll: true });
    else {
      box.current?.scrollIntoView({ block: 'nearest' });
      box.current?.querySelector('button')?.focus({ preventScroll: true });
    }
  }, [open]);
  if (!folds)
    return (
      <p class={extra} data-testid={testId}>
        {text}
      </p>
    );
  return (
    <div ref={box} class={classes(extra, styles.folding)} data-testid={testId}>
      {open ? null : <p>{head}…</p>}
      <p ref={whole} id={id} tabIndex={-1} hidden={open ? undefined : 'until-found'}>
        {text}
      </p>
      {/* After the text, opened or folded: where the reader's eyes are once done with it. Open,
          its chevron points up at what it folds; aria-expanded says what a summary says itself. */}
      <button
        type="button"
        class={classes(disclosure.line, styles.line, open && styles.up)}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          tapped.current = true;
          setOpen(!open);
        }}
      >
        <span>
          {open ? t.fold : t.readAll}
          <span class="visually-hidden">{t.whose(about)}</span>
        </span>
      </button>
    </div>
  );
}
