import * as v from 'valibot';
import { builtOnce } from './built-once';
import { baseEntries, email, idList, optionalDay, optionalId, optionalText, phone, requiredText, tags } from './fields';

/** A person the network works with. `consentNote` records why we keep their data (GDPR). */
export const contactSchema = builtOnce(() =>
  v.strictObject({
    ...baseEntries,
    name: requiredText(200),
    role: optionalText(200),
    organisationIds: v.optional(idList, []),
    phone,
    email,
    tags,
    notes: optionalText(20000),
    consentNote: optionalText(1000),
    consentDate: optionalDay,
    /** Set with `deleted` when this person was merged into another: where their references went. */
    mergedInto: optionalId,
  }),
);
export type Contact = v.InferOutput<ReturnType<typeof contactSchema>>;
