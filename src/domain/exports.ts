// The network's data as files for other tools: one CSV per kind of record (French
// spreadsheets), and JSON of everything. Links are resolved to names (a spreadsheet has no
// ids to follow), dates are dd/MM/yyyy in the network's time zone.

import type { Contact } from './contact';
import { type CsvCell, toCsv } from './csv';
import type { NetworkEvent } from './event';
import type { FollowUp } from './follow-up';
import { labelOf } from './label-of';
import type { Organisation } from './organisation';
import type { RecordMap, RecordType } from './record-types';
import { SERVICE_LABELS, type ServiceKey } from './services';
import { DEFAULT_TIME_ZONE, toWallClock, wallDay } from './time-zone';
import type { Visit } from './visit';
import { LEGAL_STRUCTURE_LABELS, ORGANISATION_KIND_LABELS, TYPOLOGY_LABELS } from './vocabulary-labels';

export type ExportLanguage = 'fr' | 'en';

/** Live records (tombstones excluded) of every type, without their clocks. */
export type ExportData = { [K in RecordType]: RecordMap[K][] };

const CSV_EXPORTS = ['visits', 'organisations', 'contacts', 'followUps'] as const;
export type CsvExport = (typeof CSV_EXPORTS)[number];

const HEADERS: Record<CsvExport, Record<ExportLanguage, string[]>> = {
  visits: {
    fr: [
      'Date',
      'Heure',
      'Lieu',
      'Autre lieu',
      'Contacts',
      'Services',
      'Objet',
      'Notes',
      'Latitude',
      'Longitude',
      'Saisie par',
    ],
    en: [
      'Date',
      'Time',
      'Place',
      'Other place',
      'Contacts',
      'Services',
      'Purpose',
      'Notes',
      'Latitude',
      'Longitude',
      'Written by',
    ],
  },
  organisations: {
    fr: [
      'Nom',
      'Type',
      'Typologie',
      'Forme juridique',
      'Adresse',
      'Code postal',
      'Commune',
      'Code INSEE',
      'Territoire',
      'Département',
      'Région',
      'Latitude',
      'Longitude',
      'Site web',
      'Courriel',
      'Téléphone',
      'Réseaux',
      'Étiquettes',
      'Notes',
      'Créé le',
    ],
    en: [
      'Name',
      'Kind',
      'Typology',
      'Legal structure',
      'Address',
      'Postcode',
      'Town',
      'INSEE code',
      'Territory',
      'Département',
      'Region',
      'Latitude',
      'Longitude',
      'Website',
      'Email',
      'Phone',
      'Networks',
      'Tags',
      'Notes',
      'Created on',
    ],
  },
  contacts: {
    fr: [
      'Nom',
      'Rôle',
      'Organisations',
      'Téléphone',
      'Courriel',
      'Étiquettes',
      'Consentement',
      'Date du consentement',
      'Notes',
    ],
    en: ['Name', 'Role', 'Organisations', 'Phone', 'Email', 'Tags', 'Consent', 'Consent date', 'Notes'],
  },
  followUps: {
    fr: ['À faire', 'Échéance', 'Responsable', 'Fait', 'Fait le', 'Visite', 'Événement', 'Services'],
    en: ['To do', 'Due', 'Owner', 'Done', 'Done on', 'Visit', 'Event', 'Services'],
  },
};

/** "2026-03-03" → "03/03/2026". */
export function frenchDay(day: string | null | undefined): string {
  if (!day) return '';
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** An instant as the day and time the network's clocks showed. */
export function dayAndTime(instant: string | null | undefined, timeZone: string): { day: string; time: string } {
  if (!instant) return { day: '', time: '' };
  // A date no engine reads is written as it is stored: the export loses nothing of it.
  if (Number.isNaN(Date.parse(instant))) return { day: instant, time: '' };
  const wall = toWallClock(instant, timeZone);
  return { day: frenchDay(wall.date), time: wall.time };
}

const list = (values: readonly string[] | undefined) => (values ?? []).join(', ');

export function serviceNames(services: readonly ServiceKey[] | undefined, lang: ExportLanguage): string {
  return list((services ?? []).map((key) => labelOf(SERVICE_LABELS, key, lang)));
}

function namesOf(ids: readonly string[] | undefined, names: ReadonlyMap<string, string>): string {
  return list((ids ?? []).map((id) => names.get(id) ?? '').filter(Boolean));
}

/** Days "yyyy-MM-dd", both included, in the network's time zone. */
export interface ExportPeriod {
  from: string;
  to: string;
}

/**
 * One CSV file of a kind of record, newest first where records have a date. With a period,
 * visits are those of its days and follow-ups those due in it (or, undated, created in it);
 * lieux and contacts are a directory and come whole.
 */
export function exportCsv(
  kind: CsvExport,
  data: ExportData,
  lang: ExportLanguage,
  timeZone = DEFAULT_TIME_ZONE,
  period: ExportPeriod | null = null,
): string {
  const inPeriod = (day: string) => period === null || (day >= period.from && day <= period.to);
  const dayOf = (instant: string) => wallDay(instant, timeZone);
  const orgNames = new Map(data.organisations.map((org) => [org.id, org.name]));
  const contactNames = new Map(data.contacts.map((contact) => [contact.id, contact.name]));
  const rows: CsvCell[][] = [];
  if (kind === 'visits') {
    const visits = data.visits
      .filter((visit) => inPeriod(dayOf(visit.visitedAt)))
      .sort((a, b) => b.visitedAt.localeCompare(a.visitedAt));
    for (const visit of visits) rows.push(visitRow(visit, orgNames, contactNames, lang, timeZone));
  } else if (kind === 'organisations') {
    for (const org of byName(data.organisations)) rows.push(organisationRow(org, lang, timeZone));
  } else if (kind === 'contacts') {
    for (const contact of byName(data.contacts)) rows.push(contactRow(contact, orgNames));
  } else {
    const visits = new Map(data.visits.map((visit) => [visit.id, visit]));
    const events = new Map(data.events.map((event) => [event.id, event]));
    const chosen = data.followUps.filter((followUp) => inPeriod(followUp.dueDate ?? dayOf(followUp.createdAt)));
    for (const followUp of chosen) rows.push(followUpRow(followUp, visits, events, orgNames, lang, timeZone));
  }
  return toCsv(HEADERS[kind][lang], rows);
}

function byName<T extends { name: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

function visitRow(
  visit: Visit,
  orgNames: ReadonlyMap<string, string>,
  contactNames: ReadonlyMap<string, string>,
  lang: ExportLanguage,
  timeZone: string,
): CsvCell[] {
  const { day, time } = dayAndTime(visit.visitedAt, timeZone);
  return [
    day,
    time,
    visit.organisationId ? (orgNames.get(visit.organisationId) ?? '') : '',
    visit.placeLabel,
    namesOf(visit.contactIds, contactNames),
    serviceNames(visit.services, lang),
    visit.purpose,
    visit.notes,
    visit.latitude,
    visit.longitude,
    visit.updatedBy,
  ];
}

function organisationRow(org: Organisation, lang: ExportLanguage, timeZone: string): CsvCell[] {
  return [
    org.name,
    labelOf(ORGANISATION_KIND_LABELS, org.kind, lang),
    org.typology ? labelOf(TYPOLOGY_LABELS, org.typology, lang) : '',
    org.legalStructure ? labelOf(LEGAL_STRUCTURE_LABELS, org.legalStructure, lang) : '',
    org.address,
    org.postcode,
    org.commune,
    org.inseeCode,
    org.territoryLabel,
    org.departement,
    org.region,
    org.latitude,
    org.longitude,
    org.website,
    org.email,
    org.phone,
    list(org.networks),
    list(org.tags),
    org.notes,
    dayAndTime(org.createdAt, timeZone).day,
  ];
}

function contactRow(contact: Contact, orgNames: ReadonlyMap<string, string>): CsvCell[] {
  return [
    contact.name,
    contact.role,
    namesOf(contact.organisationIds, orgNames),
    contact.phone,
    contact.email,
    list(contact.tags),
    contact.consentNote,
    frenchDay(contact.consentDate),
    contact.notes,
  ];
}

function followUpRow(
  followUp: FollowUp,
  visits: ReadonlyMap<string, Visit>,
  events: ReadonlyMap<string, NetworkEvent>,
  orgNames: ReadonlyMap<string, string>,
  lang: ExportLanguage,
  timeZone: string,
): CsvCell[] {
  const visit = followUp.visitId ? visits.get(followUp.visitId) : undefined;
  const place = visit?.organisationId ? orgNames.get(visit.organisationId) : visit?.placeLabel;
  const visitText = visit ? [dayAndTime(visit.visitedAt, timeZone).day, place].filter(Boolean).join(' — ') : '';
  const event = followUp.eventId ? events.get(followUp.eventId) : undefined;
  const yes = lang === 'fr' ? 'oui' : 'yes';
  const no = lang === 'fr' ? 'non' : 'no';
  return [
    followUp.text,
    frenchDay(followUp.dueDate),
    followUp.owner,
    followUp.done ? yes : no,
    dayAndTime(followUp.doneAt, timeZone).day,
    visitText,
    event?.title ?? '',
    serviceNames(followUp.services, lang),
  ];
}

/** Every live record, readable by any tool (no clocks: a backup is the file to restore from). */
export function exportJson(data: ExportData, exportedAt: string): string {
  return `${JSON.stringify({ exportedAt, records: data }, null, 2)}\n`;
}
