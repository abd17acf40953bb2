import * as v from 'valibot';
import { builtOnce } from './built-once';
import { baseEntries, optionalDay, optionalId, optionalInstant, optionalText, requiredText } from './fields';
import { serviceList } from './visit';

/** A to-do that came out of a visit or an event ("À faire"). */
export const followUpSchema = builtOnce(() =>
  v.strictObject({
    ...baseEntries,
    text: requiredText(1000),
    dueDate: optionalDay,
    owner: optionalText(120),
    done: v.boolean(),
    doneAt: optionalInstant,
    visitId: optionalId,
    eventId: optionalId,
    services: serviceList(),
  }),
);
export type FollowUp = v.InferOutput<ReturnType<typeof followUpSchema>>;
