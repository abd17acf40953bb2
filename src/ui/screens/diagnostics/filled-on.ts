// The one judge of a diagnostic's date, at its creation and when it is corrected: a year
// mistyped would file the diagnostic where no report of the year counts it, and set it before
// or after the others of its lieu in the comparison over time.
import { isValid, parseISO } from 'date-fns';
import { DAYS_AHEAD, useDoubtedDateCheck } from '../../forms/date-doubt';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

/** `check(filledOn, form)`: why the date in `form`'s control named "filledOn" cannot be saved, or undefined. */
export function useFilledOnCheck() {
  const t = useMessages(messages);
  const doubtedDates = useDoubtedDateCheck(DAYS_AHEAD.record, { too_old: t.filledOnTooOld, too_far: t.filledOnTooFar });
  return (filledOn: string, form: HTMLFormElement | null): string | undefined => {
    // No doubt is found in a date that cannot be read, which is then said so.
    const wrong = doubtedDates({ filledOn }, form).filledOn;
    if (wrong) return wrong;
    return isValid(parseISO(filledOn)) ? undefined : t.filledOnInvalid;
  };
}
