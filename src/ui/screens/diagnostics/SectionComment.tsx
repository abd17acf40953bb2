import { Field } from '../../components/Field';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';
import { useTypedAnswer } from './use-typed-answer';

export function SectionComment({ stored, save }: { stored: string; save: (text: string) => Promise<boolean> }) {
  const t = useMessages(messages);
  const typed = useTypedAnswer(stored, save);
  return (
    <Field
      as="textarea"
      label={t.sectionComment}
      hint={t.sectionCommentHint}
      optional
      name="sectionComment"
      value={typed.text}
      onInput={(event) => typed.onInput(event.currentTarget.value)}
      onBlur={typed.onBlur}
    />
  );
}
