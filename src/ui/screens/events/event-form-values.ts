// The event form's values as kept in its draft, and their translation to an event's fields:
// dates are typed as the wall clock of the event's zone. Pure, so it is tested on its own.

import type { NetworkEvent } from '../../../domain/event';
import type { ServiceKey } from '../../../domain/services';
import { DEFAULT_TIME_ZONE, fromWallClock, toWallClock } from '../../../domain/time-zone';
import type { EventKind } from '../../../domain/vocabulary';
import type { NewLieuFields } from '../../components/InlineOrganisationForm';
import type { InlineCreation } from '../../forms/inline-creation';
import { newEventTimes } from './new-event-times';

/** Zones of France and its overseas territories, where the network's events take place. */
export const TIME_ZONES = [
  'Europe/Paris',
  'America/Guadeloupe',
  'America/Martinique',
  'America/Cayenne',
  'Indian/Reunion',
  'Indian/Mayotte',
  'America/Miquelon',
  'Pacific/Noumea',
  'Pacific/Tahiti',
  'Pacific/Wallis',
];

export interface EventFormValues {
  title: string;
  kind: EventKind;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  timeZone: string;
  placeOrganisationId: string | null;
  placeLabel: string;
  organisers: string;
  services: ServiceKey[];
  description: string;
  /** A lieu being created from the place picker, not a record yet: kept with the draft only. */
  newPlace: InlineCreation<NewLieuFields> | null;
}

export function eventFormValues(event: NetworkEvent | null, now = new Date()): EventFormValues {
  if (!event) {
    return {
      title: '',
      kind: 'network_meeting',
      ...newEventTimes(now, DEFAULT_TIME_ZONE),
      timeZone: DEFAULT_TIME_ZONE,
      placeOrganisationId: null,
      placeLabel: '',
      organisers: '',
      services: ['federate'],
      description: '',
      newPlace: null,
    };
  }
  const zone = event.timeZone || DEFAULT_TIME_ZONE;
  const start = toWallClock(event.startsAt, zone);
  const end = toWallClock(event.endsAt, zone);
  return {
    title: event.title,
    kind: event.kind,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    timeZone: zone,
    placeOrganisationId: event.placeOrganisationId ?? null,
    placeLabel: event.placeLabel ?? '',
    organisers: event.organisers.join(', '),
    services: [...event.services],
    description: event.description ?? '',
    newPlace: null,
  };
}

/** The event's start and end as instants, or null where the typed date does not exist. */
export function eventInstants(values: EventFormValues) {
  return {
    startsAt: fromWallClock({ date: values.startDate, time: values.startTime }, values.timeZone),
    endsAt: fromWallClock({ date: values.endDate, time: values.endTime }, values.timeZone),
  };
}

/** The date and time fields, as typed. */
export const typedEventDates = ({ startDate, startTime, endDate, endTime }: EventFormValues) => ({
  startDate,
  startTime,
  endDate,
  endTime,
});

/** The event's fields as the form holds them. */
export function eventFields(values: EventFormValues) {
  const { startsAt, endsAt } = eventInstants(values);
  return {
    title: values.title,
    kind: values.kind,
    startsAt: startsAt ?? '',
    endsAt: endsAt ?? '',
    timeZone: values.timeZone,
    placeOrganisationId: values.placeOrganisationId,
    placeLabel: values.placeLabel.trim() || null,
    organisers: values.organisers
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    services: values.services,
    description: values.description.trim() || null,
  };
}
