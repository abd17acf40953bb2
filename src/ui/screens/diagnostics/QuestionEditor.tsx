// One question of a grid being edited.
import type { Question } from '../../../domain/diagnostic';
import { Button } from '../../components/Button';
import { Check } from '../../components/Check';
import { classes } from '../../components/classes';
import { Field } from '../../components/Field';
import { useMessages } from '../../i18n/messages';
import { type Draft, KINDS, moveQuestion, newKey, updateQuestion, withKind } from './grid-draft';
import { messages } from './messages';
import styles from './QuestionEditor.module.css';

interface Props {
  question: Question;
  number: number;
  draft: Draft;
  sectionIndex: number;
  questionIndex: number;
  onChange: (draft: Draft) => void;
}

export function QuestionEditor({ question, number, draft, sectionIndex, questionIndex, onChange }: Props) {
  const t = useMessages(messages);
  const change = (edit: (current: Question) => Question) =>
    onChange(updateQuestion(draft, sectionIndex, questionIndex, edit));
  const choices = question.kind === 'single' || question.kind === 'multiple';
  const scorable = question.kind === 'scale' || choices;
  const tools = (
    <div class="actions">
      <Button variant="quiet" onClick={() => onChange(moveQuestion(draft, sectionIndex, questionIndex, -1))}>
        {t.moveUp}
      </Button>
      <Button variant="quiet" onClick={() => onChange(moveQuestion(draft, sectionIndex, questionIndex, 1))}>
        {t.moveDown}
      </Button>
      <Button variant="quiet" onClick={() => change((current) => ({ ...current, retired: !current.retired }))}>
        {question.retired ? t.restoreQuestion : t.retireQuestion}
      </Button>
    </div>
  );
  if (question.retired) {
    return (
      <div class={classes(styles.question, styles.retired)}>
        <p>
          <strong>{t.retiredQuestion(number)}</strong> {question.label}
        </p>
        {tools}
      </div>
    );
  }
  return (
    <div class={styles.question} data-question={question.id}>
      <Field
        label={t.questionLabel(number)}
        value={question.label}
        onInput={(event) => {
          const label = event.currentTarget.value;
          change((current) => ({ ...current, label }));
        }}
      />
      <Field
        as="select"
        label={t.kindLabel}
        value={question.kind}
        onChange={(event) => {
          const kind = event.currentTarget.value as Question['kind'];
          change((current) => withKind(current, kind));
        }}
      >
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t[`kind_${kind}`]}
          </option>
        ))}
      </Field>
      {scorable ? (
        <div class={styles.scoring}>
          <Check
            checked={question.scored}
            onChange={(event) => {
              const scored = event.currentTarget.checked;
              change((current) => ({ ...current, scored }));
            }}
          >
            {t.countsInScore}
          </Check>
          {question.scored ? (
            <Field
              label={t.weightLabel}
              type="number"
              min={0}
              max={100}
              inputMode="numeric"
              value={String(question.weight ?? 1)}
              onInput={(event) => {
                const weight = Number(event.currentTarget.value);
                if (Number.isFinite(weight) && weight >= 0) change((current) => ({ ...current, weight }));
              }}
            />
          ) : null}
        </div>
      ) : null}
      {question.kind === 'scale' ? (
        <div class={styles.levels}>
          {[0, 1, 2, 3, 4].map((level) => (
            <Field
              key={level}
              label={t.levelName(level)}
              value={question.levels?.[level] ?? ''}
              onInput={(event) => {
                const text = event.currentTarget.value;
                change((current) => {
                  const levels = [0, 1, 2, 3, 4].map((at) => current.levels?.[at] ?? '');
                  levels[level] = text;
                  return { ...current, levels };
                });
              }}
            />
          ))}
        </div>
      ) : null}
      {choices ? (
        <div class={styles.options}>
          {(question.options ?? []).map((option, optionIndex) => (
            <div key={option.id} class={styles.option}>
              <Field
                label={t.choiceLabel(optionIndex + 1)}
                value={option.label}
                onInput={(event) => {
                  const label = event.currentTarget.value;
                  change((current) => ({
                    ...current,
                    options: (current.options ?? []).map((item) => (item.id === option.id ? { ...item, label } : item)),
                  }));
                }}
              />
              <Field
                as="select"
                label={t.choiceScore}
                value={option.score === null || option.score === undefined ? '' : String(option.score)}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  const score = value === '' ? null : Number(value);
                  change((current) => ({
                    ...current,
                    options: (current.options ?? []).map((item) => (item.id === option.id ? { ...item, score } : item)),
                  }));
                }}
              >
                <option value="">{t.noChoiceScore}</option>
                {[0, 1, 2, 3, 4].map((score) => (
                  <option key={score} value={String(score)}>
                    {score}
                  </option>
                ))}
              </Field>
              <Button
                variant="quiet"
                aria-label={t.removeChoice(option.label || String(optionIndex + 1))}
                onClick={() =>
                  change((current) => ({
                    ...current,
                    options: (current.options ?? []).filter((item) => item.id !== option.id),
                  }))
                }
              >
                {t.remove}
              </Button>
            </div>
          ))}
          <Button
            onClick={() =>
              change((current) => ({
                ...current,
                options: [...(current.options ?? []), { id: newKey('o'), label: '', score: null }],
              }))
            }
          >
            {t.addChoice}
          </Button>
        </div>
      ) : null}
      {tools}
    </div>
  );
}
