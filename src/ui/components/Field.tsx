// A labelled form control with its hint and its error, linked for assistive technology: the
// hint and the error are read with the control (aria-describedby) and an error marks it
// invalid. Text typed stays in the control whatever the error.
import type {
  ComponentChildren,
  HTMLAttributes,
  InputHTMLAttributes,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'preact';
import { useId } from 'preact/hooks';
import { oneLine } from '../../domain/one-line';
import { common } from '../i18n/common';
import { useMessages } from '../i18n/messages';
import { classes } from './classes';
import styles from './Field.module.css';

/**
 * A field's parts, for a control Field does not draw itself (a search picker's legend and
 * search box, a score's number input): `field` the frame, `invalid` beside it when in error.
 */
export const fieldParts = {
  field: styles.field,
  invalid: styles.invalid,
  label: styles.label,
  hint: styles.hint,
  control: styles.control,
  error: styles.error,
};

/** A field's hint, or any muted line of help ("Aucun suivi pour l’instant."). */
export function Hint(props: Omit<HTMLAttributes<HTMLParagraphElement>, 'class'>) {
  return <p {...props} class={styles.hint} />;
}

/** "(facultatif)" after a label, for the rare optional field among required ones. */
export function OptionalMark() {
  const t = useMessages(common);
  return <span class={styles.optional}> ({t.optional})</span>;
}

/** A sentence in red that says what went wrong, under a field or a form. */
export function FieldError(props: Omit<HTMLAttributes<HTMLParagraphElement>, 'class'>) {
  return <p {...props} class={styles.error} />;
}

interface FieldFrame {
  label: ComponentChildren;
  hint?: ComponentChildren;
  /** The sentence to show under the control (see src/ui/i18n/validation.ts). */
  error?: string | undefined;
  /** Shows "(facultatif)" after the label, for the rare optional field among required ones. */
  optional?: boolean;
  class?: string;
}

type InputFieldProps = FieldFrame & { as?: 'input' } & Omit<InputHTMLAttributes<HTMLInputElement>, 'class'>;
type TextareaFieldProps = FieldFrame & { as: 'textarea' } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'class'>;
type SelectFieldProps = FieldFrame & { as: 'select'; children: ComponentChildren } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    'class'
  >;

type FieldProps = InputFieldProps | TextareaFieldProps | SelectFieldProps;

/**
 * A one-line field's value on one line, by the rule imports and names are cleaned with. A browser
 * drops the line breaks of an input's value, so a name of two lines (from another device or an
 * older import) showed and, once edited, saved as "MarieDupont".
 */
function shownOnOneLine<T>(value: T): T | string {
  return typeof value === 'string' ? oneLine(value) : value;
}

export function Field(props: FieldProps) {
  const generatedId = useId();
  const { label, hint, error, optional, class: extra, as, id: givenId, ...control } = props;
  const id = (givenId as string | undefined) ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    class: styles.control,
    'aria-describedby': describedBy,
    'aria-invalid': error ? ('true' as const) : undefined,
  };

  let input: ComponentChildren;
  if (as === 'textarea') {
    input = <textarea {...(control as TextareaHTMLAttributes<HTMLTextAreaElement>)} {...shared} />;
  } else if (as === 'select') {
    const { children, ...rest } = control as SelectHTMLAttributes<HTMLSelectElement> & { children: ComponentChildren };
    input = (
      <select {...rest} {...shared}>
        {children}
      </select>
    );
  } else {
    const props = control as InputHTMLAttributes<HTMLInputElement>;
    input = <input {...props} value={shownOnOneLine(props.value)} {...shared} />;
  }

  return (
    <div class={classes(styles.field, error && styles.invalid, extra)}>
      <label class={styles.label} for={id}>
        {label}
        {optional ? <OptionalMark /> : null}
      </label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {input}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
