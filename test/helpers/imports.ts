// Import files read, mapped and planned the way the import screens do it (in slices of rows,
// src/ui/screens/contacts/LieuImport.tsx and ContactExchange.tsx), here with slices of a few
// rows so that every test also crosses slice boundaries.

import type { CommuneIndex } from '../../src/domain/communes';
import { contactsReader, type ImportLine } from '../../src/domain/contact-exchange';
import { localDay } from '../../src/domain/days';
import {
  guessLieuMapping,
  type LieuMapping,
  type LieuSource,
  type LieuSourceRefusal,
  lieuSourceReader,
  type MappedLieuLine,
  mapLieuRows,
} from '../../src/domain/lieu-import';
import { type LieuImportPlan, lieuImportPlanner } from '../../src/domain/lieu-import-plan';
import type { Organisation } from '../../src/domain/organisation';

const ROWS = 3;

/** A file's text read as a table of lieux, or why it gives none. */
export function readLieuText(text: string): LieuSource | LieuSourceRefusal {
  const reader = lieuSourceReader(text);
  for (;;) {
    const read = reader.step(ROWS);
    if (read) return read;
  }
}

/** Every row of a table mapped to a lieu or a refusal. */
export function mapLieuTable(
  source: LieuSource,
  mapping: LieuMapping = guessLieuMapping(source.headers),
  communes: CommuneIndex | null = null,
): MappedLieuLine[] {
  const lines: MappedLieuLine[] = [];
  for (let start = 0; start < source.rows.length; start += ROWS)
    lines.push(...mapLieuRows(source, mapping, communes, start, start + ROWS));
  return lines;
}

/** A CSV's lieux, mapped as guessed from its headers; throws when the file gives no table. */
export function lieuLines(text: string, communes: CommuneIndex | null = null): MappedLieuLine[] {
  const read = readLieuText(text);
  if ('problem' in read) throw new Error(read.problem);
  return mapLieuTable(read, guessLieuMapping(read.headers), communes);
}

/** What an import of these lines does against these stored lieux. */
export function planLieux(stored: readonly Organisation[], lines: readonly MappedLieuLine[]): LieuImportPlan {
  const planner = lieuImportPlanner(stored);
  for (let start = 0; start < lines.length; start += ROWS) planner.add(lines.slice(start, start + ROWS));
  return planner.plan();
}

/** The judged lines of a contacts file, read from its bytes as the screen reads a picked file. */
export function contactLines(bytes: Uint8Array, fileName: string, today = localDay()): ImportLine[] {
  const reader = contactsReader(bytes, fileName, today);
  for (;;) {
    const lines = reader.step(ROWS);
    if (lines) return lines;
  }
}

/** The judged lines of a vCard typed in a test, read as a picked `.vcf` file is. */
export const vCardContactLines = (text: string) => contactLines(new TextEncoder().encode(text), 'contacts.vcf');

/** The judged lines of a CSV of contacts, typed in a test, on `today` (the real day unless given). */
export const csvContactLines = (text: string, today?: string) =>
  contactLines(new TextEncoder().encode(text), 'contacts.csv', today);
