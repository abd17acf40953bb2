import * as v from 'valibot';
import { builtOnce } from './built-once';
import {
  baseEntries,
  email,
  latitude,
  longitude,
  openPicklist,
  optionalId,
  optionalText,
  phone,
  requiredText,
  tags,
  url,
} from './fields';
import { websiteHref } from './links';
import type { FieldIssue } from './validation';
import { LEGAL_STRUCTURES, ORGANISATION_KINDS, TERRITORY_SCALES, TYPOLOGIES } from './vocabulary';

function optionalCode(pattern: RegExp) {
  return v.optional(v.nullable(v.pipe(v.string(), v.regex(pattern, 'must be an official code'))));
}

/** A lieu, a project holder, a town hall, a partner, a network: first-class in Valise. */
export const organisationSchema = builtOnce(() =>
  v.strictObject({
    ...baseEntries,
    name: requiredText(200),
    kind: openPicklist(ORGANISATION_KINDS, 'must be one of the organisation kinds'),
    typology: v.optional(v.nullable(openPicklist(TYPOLOGIES))),
    legalStructure: v.optional(v.nullable(openPicklist(LEGAL_STRUCTURES))),
    address: optionalText(300),
    postcode: v.optional(
      v.nullable(v.union([v.literal(''), v.pipe(v.string(), v.regex(/^\d{5}$/, 'must be a 5-digit postcode'))])),
    ),
    commune: optionalText(120),
    inseeCode: v.optional(
      v.nullable(
        v.union([v.literal(''), v.pipe(v.string(), v.regex(/^(\d{5}|2[AB]\d{3})$/, 'must be an INSEE code'))]),
      ),
    ),
    territoryLabel: optionalText(120),
    territoryScale: v.optional(v.nullable(openPicklist(TERRITORY_SCALES))),
    departement: optionalText(60),
    region: optionalText(60),
    // Codes from the commune table (src/domain/communes.ts): reports group by these, never by
    // the typed names above, so "Rhône", "rhone" and "69" are one département.
    departementCode: optionalCode(/^(\d{2,3}|2[AB])$/),
    regionCode: optionalCode(/^\d{2,3}$/),
    epciCode: optionalCode(/^\d{9}$/),
    epci: optionalText(200),
    latitude,
    longitude,
    website: url,
    email,
    phone,
    networks: tags,
    tags,
    notes: optionalText(20000),
    /** Set with `deleted` when this lieu was merged into another: where its references went. */
    mergedInto: optionalId,
  }),
);
export type Organisation = v.InferOutput<ReturnType<typeof organisationSchema>>;

/**
 * Why a new value of a lieu's « Site web » is refused: it must be a web page (http, https), not
 * a phone number or an e-mail, which have their own fields. Only what a person types or imports
 * is held to it: the schema keeps every link's wider rule (`safeHref`), so a lieu written earlier
 * with a "tel:" there stays valid, and any edit of its other fields is still accepted.
 */
export function newWebsiteIssue(website: string | null | undefined): FieldIssue | undefined {
  if (!website || websiteHref(website)) return undefined;
  return { field: 'website', type: 'url', message: 'website must be a web page address (http, https)' };
}
