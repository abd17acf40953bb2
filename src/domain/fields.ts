// Reusable validation pieces for record schemas. Messages are English for logs and API
// errors; the UI translates an issue by its `type` (see src/ui/i18n/validation.ts).
import * as v from 'valibot';
import { ID_PATTERN } from './ids';
import { safeHref } from './links';

export const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a record id (UUIDv7)'));
export const optionalId = v.optional(v.nullable(id));
export const idList = v.pipe(v.array(id), v.maxLength(500, 'too many linked records'));

/** ISO-8601 instant as produced by Date#toISOString(). */
export const instant = v.pipe(v.string(), v.isoTimestamp('must be a date and time'));
export const optionalInstant = v.optional(v.nullable(instant));
/** A calendar day, yyyy-MM-dd (due dates, trip dates). */
export const day = v.pipe(v.string(), v.isoDate('must be a date (yyyy-MM-dd)'));
export const optionalDay = v.optional(v.nullable(day));

export const requiredText = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, 'is required'), v.maxLength(max, `is longer than ${max} characters`));
export const optionalText = (max: number) =>
  v.optional(v.nullable(v.pipe(v.string(), v.maxLength(max, `is longer than ${max} characters`))));

export const email = v.optional(
  v.nullable(
    v.union([v.literal(''), v.pipe(v.string(), v.trim(), v.email('must be an email address'), v.maxLength(254))]),
  ),
);
export const phone = v.optional(
  v.nullable(v.pipe(v.string(), v.regex(/^[+()0-9 .-]{0,30}$/, 'must be a phone number'))),
);
/**
 * valibot's url action with `safeHref` as its test: a "javascript:" address is refused like any
 * other bad address (issue type "url", which the UI says in words), on the device and the server.
 */
const safeUrl = {
  ...v.url('must be a web (http, https), e-mail (mailto) or phone (tel) address'),
  requirement: (input: string) => safeHref(input) !== null,
};
export const url = v.optional(v.nullable(v.union([v.literal(''), v.pipe(v.string(), v.maxLength(2000), safeUrl)])));
/** A record's tags at most: an import that merges lines into one record must stay within it. */
export const MAX_TAGS = 50;
export const tags = v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(60))), v.maxLength(MAX_TAGS)), []);
export const latitude = v.optional(v.nullable(v.pipe(v.number(), v.minValue(-90), v.maxValue(90))));
export const longitude = v.optional(v.nullable(v.pipe(v.number(), v.minValue(-180), v.maxValue(180))));

/** The shape of an enumeration value (a service, a kind…): what an unknown one must look like. */
const VALUE_KEY = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * An enumeration a later release may extend (services, kinds…: src/protocol/README.md,
 * "Compatibility"): a known value, or an unknown one shaped like a key, carried as it is and
 * shown through `labelOf`. Typed as the known values, which is all this version's code writes.
 */
export function openPicklist<const T extends readonly string[]>(known: T, message = 'must be one of the values') {
  const values: readonly string[] = known;
  return v.custom<T[number]>(
    (value) => typeof value === 'string' && (values.includes(value) || VALUE_KEY.test(value)),
    message,
  );
}

/** Fields every synced record carries. */
export const baseEntries = {
  id,
  networkId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  createdAt: instant,
  updatedAt: instant,
  updatedBy: v.pipe(v.string(), v.maxLength(120)),
  deleted: v.boolean(),
};
