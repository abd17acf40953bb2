// Derives the compact commune table the app ships (src/domain/communes.ts reads it) from
// Etalab's @etalab/decoupage-administratif (pinned in package.json). Run at build time by the
// `virtual:communes` plugin in vite.config.ts; the 12 MB of source JSON never reach a device.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface SourceCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  codesPostaux?: string[];
}
interface SourceArea {
  code: string;
  nom: string;
  region?: string;
  membres?: { code: string }[];
}

function readSource<T>(file: string): T {
  const dir = dirname(createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/package.json'));
  return JSON.parse(readFileSync(join(dir, 'data', file), 'utf8')) as T;
}

/**
 * The table as one string of tab-separated lines, grouped by a first letter:
 * `R code name` (région), `D code région name` (département), `E code name` (EPCI), then
 * `code name postcodes epci-index` per current commune (postcodes space-separated; the EPCI by
 * its position among the E lines, empty when none). A commune's département is not stored: it
 * is the first 2 characters of its INSEE code, 3 overseas (97x, 98x).
 */
export function buildCommunesTable(): string {
  const communes = readSource<SourceCommune[]>('communes.json').filter((c) => c.type === 'commune-actuelle');
  const regions = readSource<SourceArea[]>('regions.json');
  const departements = readSource<SourceArea[]>('departements.json');
  const epcis = readSource<SourceArea[]>('epci.json');
  const epciIndex = new Map<string, number>();
  epcis.forEach((epci, index) => {
    for (const member of epci.membres ?? []) epciIndex.set(member.code, index);
  });
  const lines: string[] = [];
  for (const region of regions) lines.push(`R\t${region.code}\t${region.nom}`);
  for (const dep of departements) lines.push(`D\t${dep.code}\t${dep.region ?? dep.code}\t${dep.nom}`);
  for (const epci of epcis) lines.push(`E\t${epci.code}\t${epci.nom}`);
  for (const commune of communes) {
    const derived = /^9[78]/.test(commune.code) ? commune.code.slice(0, 3) : commune.code.slice(0, 2);
    // The reader relies on this rule; a new data release that breaks it must fail the build.
    if (derived !== commune.departement && departements.some((dep) => dep.code === commune.departement))
      throw new Error(`commune ${commune.code}: département ${commune.departement}, not ${derived}`);
    const postcodes = [...new Set(commune.codesPostaux ?? [])].join(' ');
    lines.push(`${commune.code}\t${commune.nom}\t${postcodes}\t${epciIndex.get(commune.code) ?? ''}`);
  }
  return lines.join('\n');
}
