// Text typed into an answer: kept in the field as typed, saved a moment after the last key, on
// leaving the field and as the page is hidden, and never replaced by a synced value while it
// differs from it. Until it is saved it is also kept under `pendingKey`, synchronously: a
// reload can end the page before any save commits, and the field then opens with it again.
import { useEffect, useRef, useState } from 'preact/hooks';
import { forgetPendingAnswer, keepPendingAnswer, pendingAnswer } from '../../../state/pending-answers';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';

const PAUSE_MS = 700;

/** `commit` saves the text and says whether it did (false: the text is invalid, kept as typed). */
export function useTypedAnswer(stored: string, commit: (text: string) => Promise<boolean>, pendingKey: string) {
  // Text left unsaved by the page's end wins over what is stored: it was typed after it.
  const [restored] = useState(() => {
    const pending = pendingAnswer(pendingKey);
    return pending === stored ? undefined : pending;
  });
  const [text, setText] = useState(restored ?? stored);
  const [dirty, setDirty] = useState(restored !== undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef({ text, commit, dirty, pendingKey });
  latest.current = { text, commit, dirty, pendingKey };

  // Another device's answer arrives: shown, unless the person is mid-way through their own.
  // Only a change of the stored value counts: this effect also runs once after the first
  // frame, and text typed before that frame (a fast hand, an autofill) must not be wiped by the
  // value the field was opened with. `latest` rather than this render's `dirty`: keys typed
  // since this render have not been drawn yet.
  const shownStored = useRef(stored);
  useEffect(() => {
    if (stored === shownStored.current) return;
    shownStored.current = stored;
    if (!latest.current.dirty) setText(stored);
  }, [stored]);

  // Leaving asks first while the typed text is kept nowhere (storage refused its pending copy)
  // or the answer refused it (a number that is none, a date outside the grid's range): kept,
  // a reload, a closed tab or an update brings it back, as a form's draft; refused, it is in
  // no record, no score and no sync until corrected.
  const [unkept, setUnkept] = useState(false);
  const [refused, setRefused] = useState(false);
  useUnsavedInput(dirty && (unkept || refused));

  /** `current` is stored: unless newer keys were typed, its pending copy goes. */
  const forgetIfLatest = (current: string) => {
    if (latest.current.text === current) forgetPendingAnswer(latest.current.pendingKey);
  };

  const flush = async () => {
    clearTimeout(timer.current);
    const { text: current, commit: save } = latest.current;
    const saved = await save(current);
    setRefused(!saved);
    if (!saved) return;
    forgetIfLatest(current);
    setDirty(latest.current.text !== current);
  };

  // The text brought back is saved at once; a pending copy equal to what is stored is stale
  // (unless keys were typed before this first effect: their copy is the newest).
  useEffect(() => {
    if (restored !== undefined) void flush();
    else if (!latest.current.dirty) forgetPendingAnswer(pendingKey);
  }, []);

  // A phone's app switcher hides the page and may then end it with nothing more said: what was
  // typed in the pause before its save is written as the page is hidden or left, not lost.
  useEffect(() => {
    const saveNow = () => {
      if (latest.current.dirty) void flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') saveNow();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', saveNow);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', saveNow);
    };
  }, []);

  // Leaving the section before the pause ends still saves what was typed last.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      const { dirty: unsaved, text: current, commit: save } = latest.current;
      if (unsaved) void save(current).then((saved) => saved && forgetIfLatest(current));
    },
    [],
  );

  const onInput = (value: string) => {
    latest.current = { ...latest.current, text: value, dirty: true };
    setUnkept(!keepPendingAnswer(latest.current.pendingKey, value));
    setText(value);
    setDirty(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), PAUSE_MS);
  };

  // Only what was typed is saved on leaving: tabbing through an answer neither judges it again
  // (a stored 0026 would be refused) nor writes it again as a change to sync.
  const onBlur = () => {
    if (latest.current.dirty) void flush();
  };

  return { text, onInput, onBlur, dirty };
}
