// The visit form's values as kept in its draft, and their translation to a visit and its
// follow-ups. Pure: no DOM, no database, so it is tested on its own.

import type { NewVisit } from '../../../../db/visits';
import { localDay } from '../../../../domain/days';
import type { ServiceKey } from '../../../../domain/services';
import type { Visit } from '../../../../domain/visit';
import type { NewPersonFields } from '../../../components/InlineContactForm';
import type { NewLieuFields } from '../../../components/InlineOrganisationForm';
import type { InlineCreation } from '../../../forms/inline-creation';
import { LIEU_PARAM } from '../../contacts/paths';
import { newVisitHref } from '../paths';

export interface FollowUpRow {
  /** Stable key of the row while editing. */
  key: string;
  text: string;
  /** yyyy-MM-dd or "". */
  dueDate: string;
}

export interface VisitFormValues {
  /** "yyyy-MM-ddTHH:mm" in local time, as a datetime-local input holds it. */
  visitedAt: string;
  organisationId: string | null;
  placeLabel: string;
  contactIds: string[];
  services: ServiceKey[];
  purpose: string;
  notes: string;
  followUps: FollowUpRow[];
  latitude: number | null;
  longitude: number | null;
  positionAccuracy: number | null;
  /** A lieu being created from the lieu picker, not a record yet: kept with the draft only. */
  newLieu: InlineCreation<NewLieuFields> | null;
  /** A person being created from the people picker, likewise. */
  newPerson: InlineCreation<NewPersonFields> | null;
}

export const newVisitAtHref = (lieuId: string) => `${newVisitHref()}?${LIEU_PARAM}=${encodeURIComponent(lieuId)}`;

/** A datetime-local value for a date, in local time. */
export function toLocalInput(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${localDay(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function emptyVisitValues(now: Date = new Date()): VisitFormValues {
  return {
    visitedAt: toLocalInput(now),
    organisationId: null,
    placeLabel: '',
    contactIds: [],
    services: [],
    purpose: '',
    notes: '',
    followUps: [],
    latitude: null,
    longitude: null,
    positionAccuracy: null,
    newLieu: null,
    newPerson: null,
  };
}

type NamedCreation = InlineCreation<{ name: string }> | null;

/** The words naming a visit draft in the list of drafts: its first line of notes, its object, or the lieu or person it creates. */
export function describeVisitDraft(
  values: Pick<VisitFormValues, 'notes' | 'purpose'> & { newLieu?: NamedCreation; newPerson?: NamedCreation },
): string {
  const firstLine = values.notes.split('\n').find((line) => line.trim() !== '') ?? values.purpose;
  // A draft begun by creating its lieu or person is known by that name until more is typed.
  const creating = [values.newLieu, values.newPerson].map((creation) => creation?.typed?.name ?? creation?.initialName);
  return (
    [firstLine, ...creating]
      .map((words) => words?.trim() ?? '')
      .find((words) => words !== '')
      ?.slice(0, 60) ?? ''
  );
}

/** What another app shared (Web Share Target): title, text and link, none repeated. */
export interface SharedText {
  title?: string | null;
  text?: string | null;
  url?: string | null;
}

/** The shared words as notes, after the notes already typed in a waiting draft. */
export function notesWithShared(notes: string, shared: SharedText): string {
  const parts: string[] = [];
  for (const part of [shared.title, shared.text, shared.url]) {
    const trimmed = part?.trim() ?? '';
    if (trimmed !== '' && !parts.some((kept) => kept.includes(trimmed))) parts.push(trimmed);
  }
  return [notes.trim(), ...parts].filter((part) => part !== '').join('\n');
}

export function valuesOfVisit(visit: Visit): VisitFormValues {
  return {
    visitedAt: toLocalInput(new Date(visit.visitedAt)),
    organisationId: visit.organisationId ?? null,
    placeLabel: visit.placeLabel ?? '',
    contactIds: [...(visit.contactIds ?? [])],
    services: [...(visit.services ?? [])],
    purpose: visit.purpose ?? '',
    notes: visit.notes ?? '',
    followUps: [],
    latitude: visit.latitude ?? null,
    longitude: visit.longitude ?? null,
    positionAccuracy: visit.positionAccuracy ?? null,
    newLieu: null,
    newPerson: null,
  };
}

type FormProblem = { field: 'visitedAt' } | { field: 'followUpText'; key: string };

interface VisitDraftOutcome {
  visit: NewVisit;
  followUps: { text: string; dueDate: string | null }[];
}

/**
 * The visit and follow-ups to store, or what the form must fix first. An empty follow-up row
 * is ignored; a row with a due day but no text is a problem (its day would be lost).
 */
export function toVisitInput(
  values: VisitFormValues,
): { ok: true; value: VisitDraftOutcome } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const when = new Date(values.visitedAt);
  if (values.visitedAt === '' || Number.isNaN(when.getTime())) problems.push({ field: 'visitedAt' });
  const followUps: VisitDraftOutcome['followUps'] = [];
  for (const row of values.followUps) {
    const text = row.text.trim();
    if (text === '' && row.dueDate === '') continue;
    if (text === '') problems.push({ field: 'followUpText', key: row.key });
    else followUps.push({ text, dueDate: row.dueDate || null });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      visit: {
        visitedAt: when.toISOString(),
        organisationId: values.organisationId,
        placeLabel: values.placeLabel.trim() || null,
        contactIds: values.contactIds,
        services: values.services,
        purpose: values.purpose.trim() || null,
        notes: values.notes === '' ? null : values.notes,
        latitude: values.latitude,
        longitude: values.longitude,
        positionAccuracy: values.positionAccuracy,
      },
      followUps,
    },
  };
}

/** Services in the order quick capture offers them: the usual ones first, then the rest. */
export function servicesInOrder(all: readonly ServiceKey[], usual: readonly ServiceKey[]): ServiceKey[] {
  return [...usual.filter((service) => all.includes(service)), ...all.filter((service) => !usual.includes(service))];
}
