// Text typed into an answer: kept in the field as typed, saved a moment after the last key, on
// leaving the field and as the page is hidden, and never replaced by a synced value while it
// differs from it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';

const PAUSE_MS = 700;

/** `commit` saves the text and says whether it did (false: the text is invalid, kept as typed). */
export function useTypedAnswer(stored: string, commit: (text: string) => Promise<boolean>) {
  const [text, setText] = useState(stored);
  const [dirty, setDirty] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef({ text, commit, dirty });
  latest.current = { text, commit, dirty };

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

  useUnsavedInput(dirty);

  const flush = async () => {
    clearTimeout(timer.current);
    const { text: current, commit: save } = latest.current;
    if (await save(current)) setDirty(latest.current.text !== current);
  };

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
      if (latest.current.dirty) void latest.current.commit(latest.current.text);
    },
    [],
  );

  const onInput = (value: string) => {
    latest.current = { ...latest.current, text: value, dirty: true };
    setText(value);
    setDirty(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), PAUSE_MS);
  };

  return { text, onInput, onBlur: () => void flush(), dirty };
}
