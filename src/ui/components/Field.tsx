// A labelled form control with its hint and its error, linked for assistive technology: the
// hint and the error are read with the control (aria-describedby) and an error marks it
// invalid. Text typed stays in the control whatever the error.
import type { ComponentChildren, InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'preact';
import { useId } from 'preact/hooks';
import { common } from '../i18n/common';
import { useMessages } from '../i18n/messages';

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

export type FieldProps = InputFieldProps | TextareaFieldProps | SelectFieldProps;

export function Field(props: FieldProps) {
  const t = useMessages(common);
  const generatedId = useId();
  const { label, hint, error, optional, class: extra, as, id: givenId, ...control } = props;
  const id = (givenId as string | undefined) ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    class: 'field__control',
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
    input = <input {...(control as InputHTMLAttributes<HTMLInputElement>)} {...shared} />;
  }

  return (
    <div class={['field', error ? 'field--invalid' : '', extra].filter(Boolean).join(' ')}>
      <label class="field__label" for={id}>
        {label}
        {optional ? <span class="field__optional"> ({t.optional})</span> : null}
      </label>
      {hint ? (
        <p class="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {input}
      {error ? (
        <p class="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
