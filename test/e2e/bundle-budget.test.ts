// The first screen must stay light on a phone with a poor connection: its JS and CSS are
// weighed in the built app (test/tools/bundle-report.ts prints the detail).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIRST_SCREEN_BUDGET_KB, firstScreenReport } from '../tools/bundle-report';
import { DIST } from './helpers/paths';

describe('the first screen', () => {
  test(`loads less than ${FIRST_SCREEN_BUDGET_KB} KB of gzipped JS and CSS, other screens excluded`, () => {
    const report = firstScreenReport(DIST);
    const files = report.files.map((file) => file.file);
    expect(files.some((file) => file.startsWith('assets/screen-visits-'))).toBe(true);
    expect(
      files.filter((file) => file.startsWith('assets/screen-') && !file.startsWith('assets/screen-visits-')),
    ).toEqual([]);
    expect(report.gzipKb).toBeLessThan(FIRST_SCREEN_BUDGET_KB);
  });

  // On a slow link each file found only once its importer has run costs a round trip more.
  test('is fetched in one round trip: index.html names every one of its files or carries it inline', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const named = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/(assets\/[^"]+)"/g)].map(
      (match) => match[1],
    );
    const inline = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]);
    const files = firstScreenReport(DIST).files.map((file) => file.file);
    const carried = (file: string) => named.includes(file) || inline.includes(readFileSync(join(DIST, file), 'utf8'));
    expect(files.filter((file) => !carried(file))).toEqual([]);
    // The shell's stylesheet is inline: the frame paints with the HTML alone.
    expect(inline.length).toBeGreaterThan(0);
    expect(html).not.toMatch(/<link rel="stylesheet"(?![^>]*media="print")/);
  });
});
