// One question of a grid: its control by kind, plus "Ne sait pas" and "Passer", which are
// answers of their own (left out of the score), not a 0.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Answer, Question } from '../../../domain/diagnostic';
import { parseDecimal } from '../../../domain/diagnostic-answers';
import { Choice } from '../../components/Choices';
import { classes } from '../../components/classes';
import { FieldError, fieldParts } from '../../components/Field';
import { useTypedDateCheck } from '../../forms/typed-dates';
import { useLanguage, useMessages } from '../../i18n/messages';
import { messages } from './messages';
import styles from './QuestionInput.module.css';
import { useTypedAnswer } from './use-typed-answer';

interface QuestionInputProps {
  question: Question;
  answer: Answer | undefined;
  /** Saves the answer (null clears it); resolves false when it could not be saved. */
  save: (answer: Answer | null) => Promise<boolean>;
  /** Where text typed but not yet saved is kept (see use-typed-answer). */
  pendingKey: string;
}

export function QuestionInput({ question, answer: stored, save: store, pendingKey }: QuestionInputProps) {
  const t = useMessages(messages);
  const legendId = useId();
  // The answer just given shows at once (and stays shown if saving fails), then follows
  // what is stored, including another device's answer arriving by sync.
  const [answer, setAnswer] = useState(stored);
  const storedKey = JSON.stringify(stored ?? null);
  // Only a change of what is stored counts: this effect also runs once after the first frame,
  // and would undo an answer ticked before it.
  const shownKey = useRef(storedKey);
  useEffect(() => {
    if (storedKey === shownKey.current) return;
    shownKey.current = storedKey;
    setAnswer(stored);
  }, [storedKey]);
  const save = (next: Answer | null) => {
    setAnswer(next ?? undefined);
    return store(next);
  };
  const status = answer?.status;
  const toggle = (target: 'skipped' | 'unknown') => void save(status === target ? null : { status: target });
  return (
    // The card is a div around the fieldset: a fieldset's own border would cut through its legend.
    <div class={styles.question} data-question={question.id}>
      <fieldset class={styles.fieldset}>
        <legend class={styles.label} id={legendId}>
          {question.label}
          {/* A question that counts more in the score says so while it is answered. */}
          {question.scored && question.weight !== 1 ? (
            <span class={styles.weight}> · {t.questionWeight(question.weight)}</span>
          ) : null}
        </legend>
        {question.help ? <p class={styles.help}>{question.help}</p> : null}
        <Control question={question} answer={answer} save={save} pendingKey={pendingKey} legendId={legendId} />
        <div class={styles.statuses}>
          <button
            type="button"
            class={styles.status}
            aria-pressed={status === 'unknown'}
            onClick={() => toggle('unknown')}
          >
            {t.unknown}
          </button>
          <button
            type="button"
            class={styles.status}
            aria-pressed={status === 'skipped'}
            onClick={() => toggle('skipped')}
          >
            {t.skip}
          </button>
        </div>
        {status === 'skipped' ? <p class={styles.note}>{t.skippedNote}</p> : null}
        {status === 'unknown' ? <p class={styles.note}>{t.unknownNote}</p> : null}
      </fieldset>
    </div>
  );
}

function Control(props: QuestionInputProps & { legendId: string }) {
  switch (props.question.kind) {
    case 'scale':
      return <ScaleControl {...props} />;
    case 'single':
    case 'multiple':
      return <ChoiceControl {...props} />;
    case 'number':
      return <NumberControl {...props} />;
    default:
      return <TextControl {...props} />;
  }
}

function answeredValue(answer: Answer | undefined) {
  return answer?.status === 'answered' ? answer.value : undefined;
}

function ScaleControl({ question, answer, save }: QuestionInputProps) {
  const t = useMessages(messages);
  const value = answeredValue(answer);
  return (
    <div class={styles.levels}>
      {[0, 1, 2, 3, 4].map((level) => (
        <Choice key={level}>
          <input
            type="radio"
            name={`q-${question.id}`}
            checked={value === level}
            onChange={() => void save({ status: 'answered', value: level })}
          />
          <span>{t.levelLabel(level, question.levels?.[level] ?? '')}</span>
        </Choice>
      ))}
    </div>
  );
}

function ChoiceControl({ question, answer, save }: QuestionInputProps) {
  const value = answeredValue(answer);
  const multiple = question.kind === 'multiple';
  const ticked = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const choose = (optionId: string, checked: boolean) => {
    if (!multiple) return void save({ status: 'answered', value: optionId });
    const next = checked ? [...ticked, optionId] : ticked.filter((id) => id !== optionId);
    // Keep the grid's order, whatever order the boxes were ticked in.
    const ordered = (question.options ?? []).map((option) => option.id).filter((id) => next.includes(id));
    void save({ status: 'answered', value: ordered });
  };
  return (
    <div class={styles.options}>
      {(question.options ?? []).map((option) => (
        <Choice key={option.id}>
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={`q-${question.id}`}
            checked={ticked.includes(option.id)}
            onChange={(event) => choose(option.id, event.currentTarget.checked)}
          />
          <span>{option.label}</span>
        </Choice>
      ))}
    </div>
  );
}

/** The date control's name in its question's fieldset, where the typed-date check finds it. */
const DATE_NAME = 'answer';

function TextControl({ question, answer, save, pendingKey, legendId }: QuestionInputProps & { legendId: string }) {
  const value = answeredValue(answer);
  const [error, setError] = useState<string>();
  const errorId = `${useId()}-error`;
  const typedDates = useTypedDateCheck();
  const dateControl = useRef<HTMLInputElement>(null);
  const typed = useTypedAnswer(
    typeof value === 'string' ? value : '',
    async (text) => {
      // Called only with what the person typed (a blur flushes only then): a stored answer of
      // the year 0026 stays as it is. A day the control cannot read (31 February, a segment
      // cleared) comes as "", which must not clear the stored answer: it is refused.
      const wrongDate =
        question.kind === 'date'
          ? typedDates({ [DATE_NAME]: text }, null, dateControl.current?.closest('fieldset'))[DATE_NAME]
          : undefined;
      if (wrongDate) {
        setError(wrongDate);
        return false;
      }
      setError(undefined);
      return save(text.trim() === '' ? null : { status: 'answered', value: text });
    },
    pendingKey,
  );
  const shared = {
    class: fieldParts.control,
    value: typed.text,
    'aria-labelledby': legendId,
    'aria-describedby': error ? errorId : undefined,
    'aria-invalid': error ? ('true' as const) : undefined,
    onBlur: typed.onBlur,
  };
  return (
    <div class={fieldParts.field}>
      {question.kind === 'long_text' ? (
        <textarea {...shared} onInput={(event) => typed.onInput(event.currentTarget.value)} />
      ) : question.kind === 'date' ? (
        <input
          {...shared}
          ref={dateControl}
          name={DATE_NAME}
          type="date"
          onInput={(event) => typed.onInput(event.currentTarget.value)}
        />
      ) : (
        <input {...shared} type="text" onInput={(event) => typed.onInput(event.currentTarget.value)} />
      )}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}

function NumberControl({ question, answer, save, pendingKey, legendId }: QuestionInputProps & { legendId: string }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const value = answeredValue(answer);
  const [error, setError] = useState<string>();
  const errorId = `${useId()}-error`;
  const show = (number: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 6 }).format(number);
  const typed = useTypedAnswer(
    typeof value === 'number' ? show(value) : '',
    async (text) => {
      if (text.trim() === '') {
        setError(undefined);
        return save(null);
      }
      const number = parseDecimal(text);
      const problem =
        number === null
          ? t.numberInvalid
          : typeof question.min === 'number' && number < question.min
            ? t.numberBelow(show(question.min))
            : typeof question.max === 'number' && number > question.max
              ? t.numberAbove(show(question.max))
              : undefined;
      setError(problem);
      if (problem !== undefined || number === null) return false;
      return save({ status: 'answered', value: number });
    },
    pendingKey,
  );
  return (
    <div class={fieldParts.field}>
      <input
        class={classes(fieldParts.control, styles.number)}
        type="text"
        inputMode="decimal"
        value={typed.text}
        aria-labelledby={legendId}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? 'true' : undefined}
        onInput={(event) => typed.onInput(event.currentTarget.value)}
        onBlur={typed.onBlur}
      />
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
