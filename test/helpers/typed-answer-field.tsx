// A bare field driven by a diagnostic's useTypedAnswer, for the tests of that hook.
import { useTypedAnswer } from '../../src/ui/screens/diagnostics/use-typed-answer';

export function TypedAnswerField({
  label,
  stored = '',
  commit,
}: {
  label: string;
  stored?: string;
  /** Saves the text and says whether it did (false: refused, kept as typed). */
  commit: (text: string) => Promise<boolean>;
}) {
  const typed = useTypedAnswer(stored, commit, `d1/q:${label}`);
  return (
    <input
      aria-label={label}
      value={typed.text}
      onInput={(event) => typed.onInput(event.currentTarget.value)}
      onBlur={typed.onBlur}
    />
  );
}
