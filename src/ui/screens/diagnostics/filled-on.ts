// The one judge of a diagnostic's date, at its creation and when it is corrected: a year
// mistyped would file the diagnostic where no report of the year counts it, and set it before
// or after the others of its lieu in the comparison over time.
import { isValid, parseISO } from 'date-fns';
import { dateDoubt } from '../../forms/date-doubt';
import { useTypedDateCheck } from '../../forms/typed-dates';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

/** `check(filledOn, form)`: why the date in `form`'s control named "filledOn" cannot be saved, or undefined. */
export function useFilledOnCheck() {
  const t = useMessages(messages);
  const typedDates = useTypedDateCheck();
  return (filledOn: string, form: HTMLFormElement | null): string | undefined => {
    const wrong = typedDates({ filledOn }, null, form).filledOn;
    if (wrong) return wrong;
    if (!isValid(parseISO(filledOn))) return t.filledOnInvalid;
    const doubt = dateDoubt(filledOn);
    if (doubt) return doubt === 'too_old' ? t.filledOnTooOld : t.filledOnTooFar;
    return undefined;
  };
}
