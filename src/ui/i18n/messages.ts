// The typed pattern every screen uses for its words: a `messages.ts` beside the screen with
// French (complete, the reference) and English (may lag: a missing key shows the French).
import { useMemo } from 'preact/hooks';
import { type Language, useUi } from '../../state/ui';

/** A message is a plain string or a function of values (counts, names) returning one. */
type Message = string | ((...args: never) => string);
export type Dictionary = Record<string, Message>;

export interface Messages<D extends Dictionary = Dictionary> {
  fr: D;
  en: Partial<D>;
}

/** The dictionary of a language, each missing English key falling back to the French one. */
export function pickMessages<D extends Dictionary>(messages: { fr: D; en: Partial<NoInfer<D>> }, lang: Language): D {
  if (lang === 'fr') return messages.fr;
  const merged = { ...messages.fr };
  for (const [key, value] of Object.entries(messages.en)) {
    if (value !== undefined) (merged as Dictionary)[key] = value;
  }
  return merged;
}

/** `const t = useMessages(messages)` then `t.title`, `t.count(3)`; re-renders on a language switch. */
export function useMessages<D extends Dictionary>(messages: { fr: D; en: Partial<NoInfer<D>> }): D {
  const lang = useUi((state) => state.lang);
  return useMemo(() => pickMessages(messages, lang), [messages, lang]);
}

export function useLanguage(): Language {
  return useUi((state) => state.lang);
}
