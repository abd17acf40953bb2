// The one check of what a person typed into date and time fields, for every form: the rule of
// src/domain/typed-dates.ts on the fields they changed, and the browser's own word on a field
// it cannot read (31 February, a year left blank: the control's value is then "", which would
// save as no date at all).
import { type TypedDateDoubt, typedDateDoubt } from '../../domain/typed-dates';
import { type Messages, useMessages } from '../i18n/messages';
import type { FieldErrors } from './use-record-form';

const typedDateMessages = {
  fr: {
    shortYear:
      'Vérifiez l’année\u00a0: tapez-la en entier, par exemple 2026 (une année tapée «\u00a026\u00a0» devient 0026).',
    farYear: 'Vérifiez l’année\u00a0: elle est bien trop lointaine. S’il n’y a pas de date, laissez le champ vide.',
    noSuchDay: 'Cette date est incomplète ou n’existe pas (un 31 février, par exemple)\u00a0: vérifiez-la.',
    noSuchTime: 'Cette heure est incomplète ou n’existe pas\u00a0: vérifiez-la.',
  },
  en: {
    shortYear: 'Check the year: type it in full, for example 2026 (a year typed “26” becomes 0026).',
    farYear: 'Check the year: it is far too distant. If there is no date, leave the field empty.',
    noSuchDay: 'This date is incomplete or does not exist (31 February, for example): check it.',
    noSuchTime: 'This time is incomplete or does not exist: check it.',
  },
} satisfies Messages;

type Words = (typeof typedDateMessages)['fr'];

const SENTENCE: Record<TypedDateDoubt, keyof Words> = {
  short_year: 'shortYear',
  far_year: 'farYear',
  no_such_day: 'noSuchDay',
  no_such_time: 'noSuchTime',
};

/**
 * `check(dates, opened, form)`: a sentence by field name for the date and time fields that
 * cannot be saved. `dates` holds the fields' values by the name their control carries in
 * `form` (a form, or the fieldset of a field saved on its own); `opened` their values as the
 * form opened (null for a new record). A value the person did not change is let through: a
 * record an earlier release stored with the year 0026 stays editable on its other fields. A
 * control the browser cannot read is refused whatever its value.
 */
export function useTypedDateCheck() {
  const t = useMessages(typedDateMessages);
  return (
    dates: Readonly<Record<string, string>>,
    opened: Readonly<Record<string, string>> | null,
    form: HTMLFormElement | HTMLFieldSetElement | null | undefined,
  ): FieldErrors => {
    const errors: FieldErrors = {};
    for (const [name, value] of Object.entries(dates)) {
      const control = form?.elements.namedItem(name);
      const unreadable = control instanceof HTMLInputElement && control.validity.badInput;
      const doubt = unreadable
        ? control.type === 'time'
          ? 'no_such_time'
          : 'no_such_day'
        : opened?.[name] === value
          ? null
          : typedDateDoubt(value);
      if (doubt) errors[name] = t[SENTENCE[doubt]];
    }
    return errors;
  };
}
