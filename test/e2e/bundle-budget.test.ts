// The first screen must stay light on a phone with a poor connection: its JS and CSS are
// weighed in the built app (test/tools/bundle-report.ts prints the detail).
import { readdirSync, readFileSync } from 'node:fs';
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
  test('is fetched in one round trip: index.html names every one of its files, the shell’s stylesheet inline', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const named = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/(assets\/[^"]+)"/g)].map(
      (match) => match[1],
    );
    const report = firstScreenReport(DIST);
    expect(report.files.map((bundled) => bundled.file).filter((file) => !named.includes(file))).toEqual([]);
    // The frame paints with the HTML alone.
    expect(report.inline.length).toBeGreaterThan(0);
    expect(html).not.toMatch(/<link rel="stylesheet"/);
  });

  // Vite's preload helper links the stylesheets of a screen's chunks after the screen's own: the
  // shell's, linked again so, undid the rules a screen sets over it (Visites on a phone).
  test('no chunk names the inline stylesheet, nor a stylesheet the build lacks', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const inline = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]);
    const assets = readdirSync(join(DIST, 'assets'));
    const named = new Set(
      assets
        .filter((file) => file.endsWith('.js'))
        .flatMap((file) => [...readFileSync(join(DIST, 'assets', file), 'utf8').matchAll(/assets\/([\w.-]+\.css)/g)])
        .map((match) => match[1] as string),
    );
    expect(named.size).toBeGreaterThan(0);
    const wrong = [...named].filter(
      (file) => !assets.includes(file) || inline.includes(readFileSync(join(DIST, 'assets', file), 'utf8')),
    );
    expect(wrong).toEqual([]);
  });
});
