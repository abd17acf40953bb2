// The diagnostics a visit's page links to, read by index: not the diagnostics repository, whose
// grid migration and comparison the page has no use for.
import type { Diagnostic } from '../domain/diagnostic';
import { findTemplateVersion } from '../domain/diagnostic-templates';
import type { Visit } from '../domain/visit';
import type { DataContext } from './context';

interface VisitDiagnostic {
  diagnostic: Diagnostic;
  /** The title of the grid it was filled with; undefined when that grid has not reached this device. */
  gridTitle: string | undefined;
}

/**
 * The diagnostics made during a visit, newest first: those started from its page (their
 * `visitId`), and the one the visit itself names (`diagnosticId`, a field of the wire that a
 * record from another device may hold).
 */
export async function diagnosticsOfVisit(
  context: DataContext,
  visit: Pick<Visit, 'id' | 'diagnosticId'>,
): Promise<VisitDiagnostic[]> {
  const table = context.db.records('diagnostics');
  const [started, named] = await Promise.all([
    table.where('visitId').equals(visit.id).toArray(),
    visit.diagnosticId ? table.get(visit.diagnosticId) : undefined,
  ]);
  const found = new Map(started.map((diagnostic) => [diagnostic.id, diagnostic]));
  if (named) found.set(named.id, named);
  const diagnostics = [...found.values()]
    .filter((diagnostic) => !diagnostic.deleted)
    .sort((a, b) =>
      a.filledOn === b.filledOn ? b.createdAt.localeCompare(a.createdAt) : b.filledOn.localeCompare(a.filledOn),
    );
  if (diagnostics.length === 0) return [];
  const templateIds = [...new Set(diagnostics.map((diagnostic) => diagnostic.templateId))];
  const records = await context.db.records('diagnosticTemplates').bulkGet(templateIds);
  const templates = records.filter((record) => record !== undefined);
  return diagnostics.map((diagnostic) => ({
    diagnostic,
    gridTitle: findTemplateVersion(templates, diagnostic.templateId)?.title,
  }));
}
