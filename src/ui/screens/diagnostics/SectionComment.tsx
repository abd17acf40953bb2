import { Field } from '../../components/Field';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';
import { useTypedAnswer } from './use-typed-answer';

interface SectionCommentProps {
  stored: string;
  save: (text: string) => Promise<boolean>;
  /** Where the comment typed but not yet saved is kept (see use-typed-answer). */
  pendingKey: string;
}

export function SectionComment({ stored, save, pendingKey }: SectionCommentProps) {
  const t = useMessages(messages);
  const typed = useTypedAnswer(stored, save, pendingKey);
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
