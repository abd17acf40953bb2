// Which grids a concierge can pick: per family, the newest version among the built-in
// starters and the network's own templates, unless that version retires the family.
import type { DiagnosticTemplate } from './diagnostic';
import { STARTER_TEMPLATES } from './diagnostic-starters';

/** Every known version: the network's records (tombstones excluded) and the starters. */
export function allTemplateVersions(records: readonly DiagnosticTemplate[]): DiagnosticTemplate[] {
  const own = records.filter((record) => !record.deleted);
  const ids = new Set(own.map((record) => record.id));
  return [...own, ...STARTER_TEMPLATES.filter((starter) => !ids.has(starter.id))];
}

/** The newest version of each family, retired families included (an admin lists those too). */
export function latestVersions(records: readonly DiagnosticTemplate[]): DiagnosticTemplate[] {
  const latest = new Map<string, DiagnosticTemplate>();
  for (const template of allTemplateVersions(records)) {
    const known = latest.get(template.family);
    if (!known || template.version > known.version) latest.set(template.family, template);
  }
  return [...latest.values()].sort((a, b) => a.title.localeCompare(b.title, 'fr'));
}

/** The grids offered when starting a diagnostic. */
export function offeredTemplates(records: readonly DiagnosticTemplate[]): DiagnosticTemplate[] {
  return latestVersions(records).filter((template) => template.status === 'active');
}

/** The exact grid a diagnostic was filled with. */
export function findTemplateVersion(
  records: readonly DiagnosticTemplate[],
  id: string,
): DiagnosticTemplate | undefined {
  return allTemplateVersions(records).find((template) => template.id === id);
}

/** A newer active version of the same family, if an admin published one. */
export function newerVersion(
  records: readonly DiagnosticTemplate[],
  template: DiagnosticTemplate,
): DiagnosticTemplate | undefined {
  const latest = latestVersions(records).find((candidate) => candidate.family === template.family);
  return latest && latest.version > template.version && latest.status === 'active' ? latest : undefined;
}
