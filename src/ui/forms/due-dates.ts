// A follow-up's due day, as every form that sets one checks it (a visit's rows, a visit's or an
// event's « Nouveau suivi », an action note made a follow-up): what any typed date must be, then
// the doubt a visit's or a diagnostic's date meets, with the horizon of a to-do.
import { type Messages, useMessages } from '../i18n/messages';
import { DAYS_AHEAD, dateDoubt } from './date-doubt';
import { useTypedDateCheck } from './typed-dates';
import type { FieldErrors } from './use-record-form';

const dueDateMessages = {
  fr: {
    tooOld: 'Vérifiez l’année\u00a0: un suivi ne peut pas être dû avant 2000.',
    tooFar: 'Cette échéance est dans plus de deux ans\u00a0: vérifiez-la. Sans échéance, laissez le champ vide.',
  },
  en: {
    tooOld: 'Check the year: a follow-up cannot be due before 2000.',
    tooFar: 'This due date is more than two years ahead: check it. Without a due date, leave the field empty.',
  },
} satisfies Messages;

/** `check(dates, form)`: a sentence by field name for the due days (by their controls' names in `form`) not to save. */
export function useDueDateCheck() {
  const t = useMessages(dueDateMessages);
  const typedDates = useTypedDateCheck();
  return (dates: Readonly<Record<string, string>>, form: HTMLFormElement | null | undefined): FieldErrors => {
    const errors = typedDates(dates, null, form);
    for (const [name, value] of Object.entries(dates)) {
      const doubt = errors[name] ? null : dateDoubt(value, new Date(), DAYS_AHEAD.due);
      if (doubt) errors[name] = doubt === 'too_old' ? t.tooOld : t.tooFar;
    }
    return errors;
  };
}
