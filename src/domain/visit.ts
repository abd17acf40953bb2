import * as v from 'valibot';
import { builtOnce } from './built-once';
import { baseEntries, idList, instant, latitude, longitude, openPicklist, optionalId, optionalText } from './fields';
import { SERVICE_KEYS } from './services';

export const serviceList = builtOnce(() =>
  v.optional(
    // Room for services a later release adds (an older device keeps them).
    v.pipe(v.array(openPicklist(SERVICE_KEYS, 'must be a network service')), v.maxLength(50)),
    [],
  ),
);

/**
 * A field visit. `visitedAt` is when it happened (editable); `createdAt` is when it was
 * written on the device and is never replaced by the time it reached the server.
 */
export const visitSchema = builtOnce(() =>
  v.strictObject({
    ...baseEntries,
    visitedAt: instant,
    organisationId: optionalId,
    placeLabel: optionalText(300),
    contactIds: v.optional(idList, []),
    services: serviceList(),
    purpose: optionalText(300),
    notes: optionalText(50000),
    latitude,
    longitude,
    positionAccuracy: v.optional(v.nullable(v.pipe(v.number(), v.minValue(0)))),
    diagnosticId: optionalId,
  }),
);
export type Visit = v.InferOutput<ReturnType<typeof visitSchema>>;
