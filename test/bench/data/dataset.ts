// The benchmark's field-scale data set: per ten visits, one lieu, two contacts, two follow-ups
// and one event with one note, and one diagnostic per 25 visits — seeded, so every run measures the same data.

import { NOTE_TAGS } from '../../../src/domain/event';
import type { RecordMap, RecordType } from '../../../src/domain/record-types';
import { SERVICE_KEYS } from '../../../src/domain/services';
import { EVENT_KINDS, ORGANISATION_KINDS, TYPOLOGIES } from '../../../src/domain/vocabulary';
import {
  COMMUNES,
  EVENT_TITLES,
  FIRST_NAMES,
  FOLLOW_UP_TEXTS,
  LAST_NAMES,
  NOTE_SENTENCES,
  PLACE_SUFFIXES,
  PLACE_WORDS,
  PURPOSES,
} from './french';
import { SeededRandom } from './random';

export type Dataset = { [K in RecordType]?: RecordMap[K][] };

const START = Date.parse('2025-01-06T08:00:00.000Z');
const HOUR = 3_600_000;

export function datasetSize(dataset: Dataset): number {
  return Object.values(dataset).reduce((total, records) => total + (records?.length ?? 0), 0);
}

export function generateDataset(seed: number, visitCount: number, networkId = 'bench-network'): Dataset {
  const random = new SeededRandom(seed);
  let millis = START;
  const base = () => {
    millis += random.int(HOUR) + 60_000;
    const at = new Date(millis).toISOString();
    return {
      id: random.id(millis),
      networkId,
      createdAt: at,
      updatedAt: at,
      updatedBy: random.pick(FIRST_NAMES),
      deleted: false,
    };
  };
  const organisations = Array.from({ length: Math.ceil(visitCount / 10) }, (): RecordMap['organisations'] => {
    const commune = random.pick(COMMUNES);
    return {
      ...base(),
      name: `${random.pick(PLACE_WORDS)} ${random.pick(PLACE_SUFFIXES)}`,
      kind: random.chance(0.7) ? 'tiers_lieu' : random.pick(ORGANISATION_KINDS),
      typology: random.pick(TYPOLOGIES),
      commune: commune.name,
      postcode: commune.postcode,
      inseeCode: commune.insee,
      networks: [],
      tags: [],
    };
  });
  const organisationIds = organisations.map((organisation) => organisation.id);
  const contacts = Array.from({ length: Math.ceil(visitCount / 5) }, (): RecordMap['contacts'] => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const handle = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    return {
      ...base(),
      name: `${first} ${last}`,
      organisationIds: [random.pick(organisationIds)],
      email: `${handle}@exemple.fr`,
      phone: `06 ${String(random.int(100)).padStart(2, '0')} ${String(random.int(100)).padStart(2, '0')} 00 00`,
      tags: [],
    };
  });
  const contactIds = contacts.map((contact) => contact.id);
  const visits = Array.from({ length: visitCount }, (): RecordMap['visits'] => {
    const record = base();
    return {
      ...record,
      visitedAt: record.createdAt,
      organisationId: random.pick(organisationIds),
      contactIds: random.sample(contactIds, 1 + random.int(2)),
      services: random.sample(SERVICE_KEYS, 1 + random.int(3)),
      purpose: random.pick(PURPOSES),
      notes: random.sample(NOTE_SENTENCES, 3 + random.int(3)).join(' '),
    };
  });
  const followUps = Array.from({ length: Math.ceil(visitCount / 5) }, (): RecordMap['followUps'] => {
    const record = base();
    return {
      ...record,
      text: random.pick(FOLLOW_UP_TEXTS),
      dueDate: new Date(millis + 7 * 24 * HOUR).toISOString().slice(0, 10),
      done: random.chance(0.5),
      visitId: random.pick(visits).id,
      services: [],
    };
  });
  const templateId = random.id(START);
  const diagnostics = Array.from(
    { length: Math.ceil(visitCount / 25) },
    (): RecordMap['diagnostics'] =>
      ({
        ...base(),
        templateId,
        templateVersion: 1,
        organisationId: random.pick(organisationIds),
        filledOn: new Date(millis).toISOString().slice(0, 10),
        answers: { q1: { status: 'answered', value: random.int(5) } },
        sectionComments: {},
        setAside: {},
      }) as RecordMap['diagnostics'],
  );
  const events = Array.from({ length: Math.ceil(visitCount / 10) }, (): RecordMap['events'] => {
    const record = base();
    return {
      ...record,
      title: random.pick(EVENT_TITLES),
      kind: random.pick(EVENT_KINDS),
      startsAt: record.createdAt,
      endsAt: new Date(millis + 3 * HOUR).toISOString(),
      timeZone: 'Europe/Paris',
      placeOrganisationId: random.pick(organisationIds),
      organisers: [],
      services: random.sample(SERVICE_KEYS, 1),
      attendees: {},
    };
  });
  const eventNotes = events.map((event): RecordMap['eventNotes'] => ({
    ...base(),
    eventId: event.id,
    text: random.sample(NOTE_SENTENCES, 2).join(' '),
    authorName: random.pick(FIRST_NAMES),
    writtenAt: event.startsAt,
    tag: random.pick(NOTE_TAGS),
  }));
  return { organisations, contacts, visits, followUps, diagnostics, events, eventNotes };
}
