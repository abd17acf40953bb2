import * as v from 'valibot';
import { builtOnce } from './built-once';
import {
  baseEntries,
  id,
  idList,
  instant,
  optionalDay,
  optionalId,
  optionalInstant,
  optionalText,
  requiredText,
  tags,
  url,
} from './fields';
import { TOOLBOX_KINDS, TRIP_KINDS } from './vocabulary';

/** An item of the network's shared valise. Concierges suggest; admins publish. */
export const toolboxItemSchema = builtOnce(() =>
  v.strictObject({
    ...baseEntries,
    kind: v.picklist(TOOLBOX_KINDS),
    title: requiredText(200),
    /** Light formatting (a Markdown subset), always rendered as escaped text. */
    description: optionalText(20000),
    link: url,
    tags,
    shelf: optionalText(120),
    attachmentId: optionalId,
    availableOffline: v.optional(v.boolean(), false),
    status: v.picklist(['published', 'suggested']),
    /** Physical kit only: how many the network owns. */
    quantity: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10000)))),
  }),
);
export type ToolboxItem = v.InferOutput<ReturnType<typeof toolboxItemSchema>>;

/**
 * Who holds a piece of physical kit. One record per borrow, closed by `returnedAt`: two
 * offline borrows become two loans (visibly over-borrowed), never a negative count.
 */
export const loanSchema = builtOnce(() =>
  v.strictObject({
    ...baseEntries,
    itemId: id,
    holderName: requiredText(120),
    count: v.pipe(v.number(), v.integer(), v.minValue(1)),
    borrowedAt: instant,
    returnedAt: optionalInstant,
    /** The day the borrower means to bring it back, if they said: an optional field, which a device of 0.2 keeps. */
    dueOn: optionalDay,
  }),
);
export type Loan = v.InferOutput<ReturnType<typeof loanSchema>>;

/**
 * A packing list: a template for a kind of trip, or a trip made from one (`templateId`).
 * `packed` merges per item on sync.
 */
export const packingListSchema = builtOnce(() =>
  v.strictObject({
    ...baseEntries,
    title: requiredText(200),
    tripKind: v.picklist(TRIP_KINDS),
    isTemplate: v.boolean(),
    templateId: optionalId,
    tripDate: optionalDay,
    itemIds: v.optional(idList, []),
    packed: v.optional(v.record(id, v.boolean()), {}),
    notes: optionalText(5000),
    /** Whose trip it is: the member who started it (null on templates and on older trips). */
    owner: optionalText(120),
  }),
);
export type PackingList = v.InferOutput<ReturnType<typeof packingListSchema>>;
