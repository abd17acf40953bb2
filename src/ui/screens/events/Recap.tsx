import { useState } from 'preact/hooks';
import type { EventNote, NetworkEvent } from '../../../domain/event';
import { type RecapFormat, type RecapPlace, renderEventRecap } from '../../../domain/event-recap';
import type { FollowUp } from '../../../domain/follow-up';
import { Button } from '../../components/Button';
import { Choice, Choices } from '../../components/Choices';
import { Confirmation } from '../../components/Confirmation';
import { Field, FieldError, fieldParts, Hint } from '../../components/Field';
import { useCopy } from '../../hooks/use-copy';
import { useLanguage, useMessages } from '../../i18n/messages';
import { messages } from './messages';
import styles from './Recap.module.css';

interface RecapProps {
  event: NetworkEvent;
  notes: readonly EventNote[];
  followUps: readonly FollowUp[];
  /** The organisation the event took place at, its text as typed. */
  place: RecapPlace | null;
}

export function Recap({ event, notes, followUps, place }: RecapProps) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const [format, setFormat] = useState<RecapFormat>('markdown');
  const [outcome, copyText, forgetCopy] = useCopy();
  const text = renderEventRecap({ event, notes, followUps, place }, lang, format);

  const copy = () => copyText(text);
  const share = () => {
    // A dismissed share sheet rejects: nothing to say about it.
    navigator.share({ title: event.title, text }).catch(() => undefined);
  };

  return (
    <div class="stack">
      <Hint>{t.recapHint}</Hint>
      <Choices>
        <legend class={fieldParts.label}>{t.recapFormat}</legend>
        {(
          [
            ['markdown', t.recapMarkdown],
            ['wikitext', t.recapWikitext],
          ] as const
        ).map(([value, label]) => (
          <Choice key={value}>
            <input
              type="radio"
              name="recapFormat"
              value={value}
              checked={format === value}
              onChange={() => {
                setFormat(value);
                forgetCopy();
              }}
            />
            {label}
          </Choice>
        ))}
      </Choices>
      <Field as="textarea" label={t.recapText} class={styles.text} readOnly rows={12} value={text} />
      <div class="actions">
        <Button variant="primary" onClick={copy}>
          {t.copy}
        </Button>
        {typeof navigator.share === 'function' ? <Button onClick={share}>{t.share}</Button> : null}
      </div>
      <div aria-live="polite">
        {outcome === 'copied' ? <Confirmation>{t.copied}</Confirmation> : null}
        {outcome === 'refused' ? <FieldError>{t.copyFailed}</FieldError> : null}
      </div>
    </div>
  );
}
