// A follow-up's due day, as every form that sets one checks it (a visit's rows, a visit's or an
// event's « Nouveau suivi », an action note made a follow-up): what any typed date must be, then
// the doubt a visit's or a diagnostic's date meets, with the horizon of a to-do.
import { type Messages, useMessages } from '../i18n/messages';
import { DAYS_AHEAD, useDoubtedDateCheck } from './date-doubt';

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
  return useDoubtedDateCheck(DAYS_AHEAD.due, { too_old: t.tooOld, too_far: t.tooFar });
}
