// Flat tables the way KoboToolbox users read their data: diagnostics one row per diagnostic
// and one column per question, attendance one row per person and event. CSV for French
// spreadsheets like the other exports (csv.ts).
//
// Diagnostics come one file per grid version: a version is the exact list of questions people
// saw, and a later version may reword a question, change its options or scale, or retire it —
// one column across versions would put different questions under one header, and a block of
// columns per version would leave most cells of a wide sheet empty. Kobo likewise ties an
// export to a form's deployed questions.
import { type CsvCell, toCsv } from './csv';
import type { Answer, DiagnosticTemplate, Question } from './diagnostic';
import { describeAnswer, FRENCH_ANSWER_WORDS } from './diagnostic-answers';
import { allTemplateVersions } from './diagnostic-templates';
import { EVENT_KIND_LABELS } from './event-labels';
import {
  dayAndTime,
  type ExportData,
  type ExportLanguage,
  type ExportPeriod,
  frenchDay,
  serviceNames,
} from './exports';
import { labelOf } from './label-of';
import { DEFAULT_TIME_ZONE, wallDay } from './time-zone';

const inPeriod = (day: string, period: ExportPeriod | null) =>
  period === null || (day >= period.from && day <= period.to);

const WORDS = {
  fr: {
    diagnostic: ['Date', 'Lieu', 'Territoire', 'Terminé le', 'Saisi par'],
    comment: (section: string) => `${section} — commentaire`,
    attendance: ['Événement', 'Type', 'Date', 'Début', 'Fin', 'Lieu', 'Personne', 'Présence', 'Structures', 'Services'],
    status: { invited: 'Inscrit·e', present: 'Présent·e', excused: 'Excusé·e' },
    answers: FRENCH_ANSWER_WORDS,
  },
  en: {
    diagnostic: ['Date', 'Place', 'Territory', 'Completed on', 'Written by'],
    comment: (section: string) => `${section} — comment`,
    attendance: ['Event', 'Kind', 'Date', 'Start', 'End', 'Place', 'Person', 'Attendance', 'Organisations', 'Services'],
    status: { invited: 'Registered', present: 'Present', excused: 'Excused' },
    answers: {
      skipped: 'Skipped',
      unknown: 'Does not know',
      none: '',
      number: (value: number) => String(value),
    },
  },
} as const;

/** The grid versions diagnostics of the period were filled with, by title then version. */
export function diagnosticGridVersions(
  data: Pick<ExportData, 'diagnostics' | 'diagnosticTemplates'>,
  period: ExportPeriod | null = null,
): DiagnosticTemplate[] {
  const used = new Set(
    data.diagnostics.filter((each) => inPeriod(each.filledOn, period)).map((each) => each.templateId),
  );
  // The built-in grids are no records of the network: most diagnostics are filled with them.
  return allTemplateVersions(data.diagnosticTemplates)
    .filter((template) => used.has(template.id))
    .sort((a, b) => a.title.localeCompare(b.title, 'fr') || a.version - b.version);
}

/**
 * A scale or a number stays a number (so a spreadsheet can average it); a choice is its label,
 * several choices their labels; a question passed or not known says so; no answer is empty.
 */
function answerCell(question: Question, answer: Answer | undefined, lang: ExportLanguage): CsvCell {
  if (!answer) return null;
  if (answer.status === 'answered' && (answer.value ?? '') === '') return null;
  if (answer.status === 'answered' && typeof answer.value === 'number') return answer.value;
  return describeAnswer(question, answer, WORDS[lang].answers);
}

/** One row per diagnostic filled with this grid version (in the period), one column per question. */
export function diagnosticsCsv(
  data: ExportData,
  templateId: string,
  lang: ExportLanguage,
  period: ExportPeriod | null = null,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  const template = allTemplateVersions(data.diagnosticTemplates).find((each) => each.id === templateId);
  const sections = template?.sections ?? [];
  const questions = sections.flatMap((section) => section.questions.map((question) => ({ section, question })));
  const header = [
    ...WORDS[lang].diagnostic,
    // The section names the question, as Kobo prefixes a group: the same label may recur.
    ...questions.map(({ section, question }) => `${section.title} / ${question.label}`),
    ...sections.map((section) => WORDS[lang].comment(section.title)),
  ];
  const lieux = new Map(data.organisations.map((lieu) => [lieu.id, lieu.name]));
  const rows = data.diagnostics
    .filter((each) => each.templateId === templateId && inPeriod(each.filledOn, period))
    .sort((a, b) => b.filledOn.localeCompare(a.filledOn) || a.id.localeCompare(b.id))
    .map((diagnostic): CsvCell[] => [
      frenchDay(diagnostic.filledOn),
      diagnostic.organisationId ? (lieux.get(diagnostic.organisationId) ?? '') : '',
      diagnostic.territoryLabel,
      dayAndTime(diagnostic.completedAt, timeZone).day,
      diagnostic.updatedBy,
      ...questions.map(({ question }) => answerCell(question, diagnostic.answers?.[question.id], lang)),
      ...sections.map((section) => diagnostic.sectionComments?.[section.id] ?? ''),
    ]);
  return toCsv(header, rows);
}

/** One row per person and event of the period, the events by date then people by name. */
export function attendanceCsv(data: ExportData, lang: ExportLanguage, period: ExportPeriod | null = null): string {
  const lieux = new Map(data.organisations.map((lieu) => [lieu.id, lieu.name]));
  const people = new Map(data.contacts.map((person) => [person.id, person]));
  const rows: CsvCell[][] = [];
  const events = [...data.events].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  for (const event of events) {
    const zone = event.timeZone ?? DEFAULT_TIME_ZONE;
    const start = dayAndTime(event.startsAt, zone);
    if (!inPeriod(wallDay(event.startsAt, zone), period)) continue;
    const place = event.placeOrganisationId ? (lieux.get(event.placeOrganisationId) ?? '') : event.placeLabel;
    const attendees = Object.entries(event.attendees ?? {}).sort(([, a], [, b]) => a.name.localeCompare(b.name, 'fr'));
    for (const [personId, attendee] of attendees) {
      // The person's current name when they are still known, else the name kept on the event.
      const person = people.get(personId);
      rows.push([
        event.title,
        labelOf(EVENT_KIND_LABELS, event.kind, lang),
        start.day,
        start.time,
        dayAndTime(event.endsAt, zone).time,
        place,
        person?.name ?? attendee.name,
        WORDS[lang].status[attendee.status],
        (person?.organisationIds ?? [])
          .map((id) => lieux.get(id))
          .filter(Boolean)
          .join(', '),
        serviceNames(event.services, lang),
      ]);
    }
  }
  return toCsv(WORDS[lang].attendance, rows);
}
