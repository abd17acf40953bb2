// Diagnostics and their grids on this device. Answers and section comments are written entry
// by entry (setMapEntries), so two concierges filling different questions of one diagnostic
// offline both keep their input after sync.
import type { Answer, Diagnostic, DiagnosticTemplate } from '../domain/diagnostic';
import { comparableWith } from '../domain/diagnostic-compare';
import { type Migration, migrateAnswers } from '../domain/diagnostic-migrate';
import {
  allTemplateVersions,
  findTemplateVersion,
  latestVersions,
  offeredTemplates,
} from '../domain/diagnostic-templates';
import type { DataContext } from './context';
import { RecordNotFoundError } from './errors';
import { getOrganisation, organisationsByIds } from './organisations';
import { createRecord, deleteRecord, setMapEntries, updateRecord, writeDated } from './writes';

/** The network's own template records (not the built-in starters). */
async function listTemplateRecords(context: DataContext): Promise<DiagnosticTemplate[]> {
  const all = await context.db.records('diagnosticTemplates').toArray();
  return all.filter((template) => !template.deleted);
}

/** The grids a concierge can start a diagnostic with. */
export async function listOfferedTemplates(context: DataContext): Promise<DiagnosticTemplate[]> {
  return offeredTemplates(await listTemplateRecords(context));
}

async function listDiagnostics(context: DataContext): Promise<Diagnostic[]> {
  const all = await context.db.records('diagnostics').toArray();
  return all.filter((diagnostic) => !diagnostic.deleted).sort(newestFirst);
}

async function listDiagnosticsOf(context: DataContext, organisationId: string): Promise<Diagnostic[]> {
  const all = await context.db.records('diagnostics').where('organisationId').equals(organisationId).toArray();
  return all.filter((diagnostic) => !diagnostic.deleted).sort(newestFirst);
}

/**
 * The diagnostics filled with any version of the grid `templateId` belongs to, read by the
 * templateId index: a network's other grids, and their diagnostics, are not read.
 */
async function listDiagnosticsOfFamily(
  context: DataContext,
  templates: readonly DiagnosticTemplate[],
  templateId: string,
): Promise<Diagnostic[]> {
  const versions = allTemplateVersions(templates);
  const family = versions.find((version) => version.id === templateId)?.family;
  // A grid not on this device yet: only the diagnostics filled with that same version compare.
  const ids = family
    ? versions.filter((version) => version.family === family).map((version) => version.id)
    : [templateId];
  const all = await context.db.records('diagnostics').where('templateId').anyOf(ids).toArray();
  return all.filter((diagnostic) => !diagnostic.deleted).sort(newestFirst);
}

function newestFirst(a: Diagnostic, b: Diagnostic): number {
  if (a.filledOn !== b.filledOn) return a.filledOn < b.filledOn ? 1 : -1;
  return a.createdAt < b.createdAt ? 1 : -1;
}

interface DiagnosticWithTemplate {
  diagnostic: Diagnostic;
  /** The version it was filled with; undefined when that grid has not reached this device yet. */
  template: DiagnosticTemplate | undefined;
  /** Every template record, for "a newer version exists" and moving to it. */
  templates: DiagnosticTemplate[];
  /** Name of the lieu diagnosed, when it is one and known on this device. */
  organisationName: string | undefined;
  /** Other diagnostics of the same lieu or territory with the same grid, newest first. */
  comparable: Diagnostic[];
}

export async function getDiagnostic(context: DataContext, id: string): Promise<DiagnosticWithTemplate | null> {
  const diagnostic = await context.db.records('diagnostics').get(id);
  if (!diagnostic || diagnostic.deleted) return null;
  const templates = await listTemplateRecords(context);
  const organisation = diagnostic.organisationId
    ? await getOrganisation(context, diagnostic.organisationId)
    : undefined;
  const others = diagnostic.organisationId
    ? await listDiagnosticsOf(context, diagnostic.organisationId)
    : await listDiagnosticsOfFamily(context, templates, diagnostic.templateId);
  return {
    diagnostic,
    template: findTemplateVersion(templates, diagnostic.templateId),
    templates,
    organisationName: organisation?.name,
    comparable: comparableWith(diagnostic, others, (templateId) => findTemplateVersion(templates, templateId)?.family),
  };
}

interface DiagnosticOverviewList {
  diagnostics: Diagnostic[];
  templates: DiagnosticTemplate[];
  /** Names of the lieux diagnosed, by id. */
  organisationNames: Map<string, string>;
}

/** Everything the list of diagnostics shows. */
export async function listDiagnosticsWithNames(context: DataContext): Promise<DiagnosticOverviewList> {
  const diagnostics = await listDiagnostics(context);
  const ids = [...new Set(diagnostics.map((diagnostic) => diagnostic.organisationId).filter((id) => id != null))];
  const organisations = await organisationsByIds(context, ids);
  return {
    diagnostics,
    templates: await listTemplateRecords(context),
    organisationNames: new Map(organisations.map((organisation) => [organisation.id, organisation.name])),
  };
}

interface NewDiagnostic {
  template: DiagnosticTemplate;
  organisationId?: string | null;
  territoryLabel?: string | null;
  visitId?: string | null;
  filledOn: string;
}

export function createDiagnostic(context: DataContext, input: NewDiagnostic): Promise<Diagnostic> {
  return createRecord(context, 'diagnostics', {
    templateId: input.template.id,
    templateVersion: input.template.version,
    organisationId: input.organisationId ?? null,
    territoryLabel: input.territoryLabel?.trim() || null,
    visitId: input.visitId ?? null,
    filledOn: input.filledOn,
  });
}

/** Saves one answer (null clears it), leaving every other answer to whoever wrote it. */
export function saveAnswer(
  context: DataContext,
  diagnosticId: string,
  questionId: string,
  answer: Answer | null,
): Promise<Diagnostic> {
  return setMapEntries(context, 'diagnostics', diagnosticId, 'answers', { [questionId]: answer });
}

/** Saves a section's free comment; an empty comment removes it. */
export function saveSectionComment(
  context: DataContext,
  diagnosticId: string,
  sectionId: string,
  text: string,
): Promise<Diagnostic> {
  return setMapEntries(context, 'diagnostics', diagnosticId, 'sectionComments', {
    [sectionId]: text.trim() === '' ? null : text,
  });
}

/**
 * Corrects the day a diagnostic was filled (dated wrong, or created the day before the meeting).
 * Its own field: answers written meanwhile on another device merge with it, and the reports of
 * the year and the comparison over time read the new day.
 */
export function redateDiagnostic(context: DataContext, diagnosticId: string, filledOn: string): Promise<Diagnostic> {
  return updateRecord(context, 'diagnostics', diagnosticId, { filledOn });
}

export function markCompleted(context: DataContext, diagnosticId: string, completed: boolean): Promise<Diagnostic> {
  return writeDated(context, 'diagnostics', (now) =>
    updateRecord(context, 'diagnostics', diagnosticId, { completedAt: completed ? now : null }),
  );
}

export function deleteDiagnostic(context: DataContext, diagnosticId: string): Promise<Diagnostic> {
  return deleteRecord(context, 'diagnostics', diagnosticId);
}

/**
 * Moves a diagnostic to a newer version of its grid, in one transaction: answers that fit go
 * along, the others move to `setAside` (kept with the diagnostic, listed on its page).
 */
export async function moveToVersion(
  context: DataContext,
  diagnosticId: string,
  to: DiagnosticTemplate,
): Promise<Migration> {
  const { db } = context;
  return db.transaction(
    'rw',
    [db.records('diagnostics'), db.records('diagnosticTemplates'), db.outbox, db.meta],
    async () => {
      const diagnostic = await db.records('diagnostics').get(diagnosticId);
      if (!diagnostic || diagnostic.deleted) throw new RecordNotFoundError('diagnostics', diagnosticId);
      const from = findTemplateVersion(await listTemplateRecords(context), diagnostic.templateId);
      if (!from) throw new RecordNotFoundError('diagnosticTemplates', diagnostic.templateId);
      const migration = migrateAnswers(diagnostic.answers, from, to);
      if (migration.setAside.length > 0) {
        const leaving = Object.fromEntries(migration.setAside.map((entry) => [entry.questionId, null]));
        const kept = Object.fromEntries(migration.setAside.map((entry) => [entry.questionId, entry.answer]));
        await setMapEntries(context, 'diagnostics', diagnosticId, 'setAside', kept);
        await setMapEntries(context, 'diagnostics', diagnosticId, 'answers', leaving);
      }
      await updateRecord(context, 'diagnostics', diagnosticId, { templateId: to.id, templateVersion: to.version });
      return migration;
    },
  );
}

// ---- Grids (admins) ----------------------------------------------------------------------

/** The newest version of every grid, retired ones included, for the admins' list. */
export async function listGrids(context: DataContext): Promise<DiagnosticTemplate[]> {
  return latestVersions(await listTemplateRecords(context));
}

interface GridEditing {
  template: DiagnosticTemplate;
  /** Every version known, to number the next one and to see what an edit leaves behind. */
  versions: DiagnosticTemplate[];
  diagnostics: Diagnostic[];
}

export async function getGridForEditing(context: DataContext, templateId: string): Promise<GridEditing | null> {
  const versions = allTemplateVersions(await listTemplateRecords(context));
  const template = versions.find((version) => version.id === templateId);
  if (!template) return null;
  return { template, versions, diagnostics: await listDiagnosticsOfFamily(context, versions, templateId) };
}

export type GridContent = Pick<DiagnosticTemplate, 'title' | 'description' | 'scope' | 'sections' | 'status'>;

/**
 * Publishes an edit as the next version of the grid's family: past diagnostics keep the
 * version they were filled with, so nothing they hold changes.
 */
export async function publishGridVersion(
  context: DataContext,
  family: string,
  content: GridContent,
): Promise<DiagnosticTemplate> {
  const { db } = context;
  return db.transaction('rw', [db.records('diagnosticTemplates'), db.outbox, db.meta], async () => {
    const versions = allTemplateVersions(await listTemplateRecords(context)).filter(
      (version) => version.family === family,
    );
    const version = Math.max(0, ...versions.map((known) => known.version)) + 1;
    return createRecord(context, 'diagnosticTemplates', { ...content, family, version });
  });
}
