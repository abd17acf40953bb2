// Lieux imported on a phone with no network: a GoGoCarto export previewed, its mapping changed
// and cancelled (nothing written), then imported with a report line by line; a second export
// of the same map merges into the lieu already there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { describeViolations, runAxe } from './helpers/axe';
import { PHONE } from './helpers/browser';
import { offlinePhones } from './helpers/offline-phone';
import { screenshot, screenshotAtSizes } from './helpers/screenshots';

const openOfflinePhone = offlinePhones();
const FIXTURES = join(import.meta.dirname, '../fixtures/lieux');

async function pickFile(page: Page, name: string, mimeType: string): Promise<void> {
  await page
    .getByLabel('Choisir un fichier')
    .setInputFiles({ name, mimeType, buffer: readFileSync(join(FIXTURES, name)) });
}

const summary = (page: Page) => page.getByTestId('import-summary').textContent();

/** Keeps every text the progress line shows, as the page writes it (a poll would miss most). */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="import-progress"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const progressSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
const lieuNames = (page: Page) => page.locator('main [data-testid="record-name"]').allTextContents();

describe('importing lieux offline', () => {
  test('a GoGoCarto export is previewed, cancelled, imported with its report, and merged when imported again', async () => {
    const { page } = await openOfflinePhone();
    await page.goto(`${page.url().split('#')[0]}#/contacts/lieux`);
    await page.getByRole('link', { name: 'Importer des lieux' }).click();
    await page.getByRole('heading', { name: 'Importer des lieux', level: 1 }).waitFor();

    await pickFile(page, 'gogocarto.json', 'application/json');
    await expect.poll(() => summary(page)).toBe('2 à ajouter · 0 à fusionner avec un lieu existant · 1 refusée');
    expect(await page.locator('main').textContent()).toContain('Export GoGoCarto (JSON)');
    expect(await page.getByRole('combobox', { name: /^name/ }).inputValue()).toBe('name');
    await screenshotAtSizes(page, 'lieu-import-preview');
    await page.setViewportSize(PHONE);
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // The mapping is the person's: with no column for the name, every line is refused.
    await page.getByRole('combobox', { name: /^name/ }).selectOption('ignore');
    await expect.poll(() => summary(page)).toBe('0 à ajouter · 0 à fusionner avec un lieu existant · 3 refusées');
    await page.getByRole('button', { name: 'Annuler' }).click();
    await page.getByRole('link', { name: /Tous les lieux/ }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Aucun lieu pour l’instant');

    await page.getByRole('link', { name: 'Importer des lieux' }).click();
    await pickFile(page, 'gogocarto.json', 'application/json');
    await expect.poll(() => summary(page)).toContain('2 à ajouter');
    await page.getByRole('button', { name: 'Importer 2 lieux' }).click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toBe('2 ajoutés, 0 fusionné, 1 refusé.');
    const report = await page.getByTestId('import-lines').textContent();
    expect(report).toContain('Ligne 1La Grange Partagéeajouté');
    expect(report).toContain('Ligne 3refusé\u00a0: pas de nom');
    await screenshotAtSizes(page, 'lieu-import-report');
    await page.setViewportSize(PHONE);

    await page.getByRole('link', { name: 'Voir les lieux' }).click();
    await expect.poll(() => lieuNames(page)).toEqual(['La Grange Partagée', 'Le Café des Possibles']);
    await screenshot(page, 'lieu-import-list');
    await page.getByRole('link', { name: /La Grange Partagée/ }).click();
    await expect.poll(() => page.locator('main dl').textContent()).toContain('35236');

    // The same map exported as CSV: La Grange is the lieu already there, the bad e-mail is refused.
    await page.goto(`${page.url().split('#')[0]}#/contacts/lieux/importer`);
    await pickFile(page, 'gogocarto.csv', 'text/csv');
    await expect.poll(() => summary(page)).toBe('0 à ajouter · 1 à fusionner avec un lieu existant · 1 refusée');
    await page.getByRole('button', { name: 'Importer 1 lieu' }).click();
    await expect
      .poll(() => page.getByTestId('import-lines').textContent())
      .toContain('fusionné avec «\u00a0\u2068La Grange Partagée\u2069\u00a0» (même nom, même commune)');
    expect(await page.getByTestId('import-lines').textContent()).toContain('refusé\u00a0: E-mail');
    await page.getByRole('link', { name: 'Voir les lieux' }).click();
    await expect.poll(() => lieuNames(page)).toEqual(['La Grange Partagée', 'Le Café des Possibles']);
  });

  test('a list of 5,000 lieux shows how far its reading, checking and writing are, and imports with the right counts', async () => {
    const { page } = await openOfflinePhone();
    await page.goto(`${page.url().split('#')[0]}#/contacts/lieux/importer`);
    await page.getByRole('heading', { name: 'Importer des lieux', level: 1 }).waitFor();
    await watchProgress(page);
    await page.getByLabel('Choisir un fichier').setInputFiles({
      name: 'recensement-national.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(longList(5000)),
    });
    await expect
      .poll(() => summary(page))
      .toBe('4\u202f990 à ajouter · 5 à fusionner avec un lieu existant · 5 refusées');
    const seen = await progressSeen(page);
    expect(seen.some((text) => /^Lecture du fichier… \d+\u00a0%$/.test(text))).toBe(true);
    const checked = seen.flatMap((text) => {
      const match = /^Vérification des lignes… ([\d\u202f]+) sur 5\u202f000$/.exec(text);
      return match ? [Number(match[1]?.replace(/\u202f/g, ''))] : [];
    });
    // Lines checked between paints: some, then more, never all in one go.
    expect(checked.filter((done) => done > 0 && done < 5000).length).toBeGreaterThan(1);
    expect(checked).toEqual([...checked].sort((a, b) => a - b));

    await page.getByRole('button', { name: 'Importer 4\u202f995 lieux' }).click();
    await expect
      .poll(() => page.getByTestId('import-done').textContent(), { timeout: 120_000 })
      .toBe('4\u202f990 ajoutés, 5 fusionnés, 5 refusés.');
    const written = await progressSeen(page);
    // The write paints how far it is too: 4,990 lieux to create, a thousand at a time.
    expect(written).toContain('Écriture des lieux… 1\u202f000 sur 4\u202f990');
    expect(written).toContain('Écriture des lieux… 4\u202f000 sur 4\u202f990');
  });

  test('a list that fills 2,500 lieux already there shows how far that write is, slice by slice', async () => {
    const { page } = await openOfflinePhone();
    const base = page.url().split('#')[0];
    const importList = async (csv: string, confirm: string, done: string) => {
      await page.goto(`${base}#/contacts/lieux`);
      await page.goto(`${base}#/contacts/lieux/importer`);
      await page.getByRole('heading', { name: 'Importer des lieux', level: 1 }).waitFor();
      await watchProgress(page);
      await page.getByLabel('Choisir un fichier').setInputFiles({
        name: 'lieux.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await page.getByRole('button', { name: confirm }).click();
      await expect.poll(() => page.getByTestId('import-done').textContent(), { timeout: 120_000 }).toBe(done);
      return progressSeen(page);
    };
    const list = (email: boolean) =>
      [
        'Nom;Code postal;Commune;Courriel',
        ...Array.from(
          { length: 2500 },
          (_, index) => `Tiers-lieu ${index};35600;Redon;${email ? `l${index}@exemple.fr` : ''}`,
        ),
      ].join('\r\n');
    await importList(list(false), 'Importer 2\u202f500 lieux', '2\u202f500 ajoutés, 0 fusionné, 0 refusé.');
    const written = await importList(
      list(true),
      'Importer 2\u202f500 lieux',
      '0 ajouté, 2\u202f500 fusionnés, 0 refusé.',
    );
    expect(written.filter((text) => text.startsWith('Écriture'))).toEqual([
      'Écriture des lieux… 0 sur 2\u202f500',
      'Écriture des lieux… 1\u202f000 sur 2\u202f500',
      'Écriture des lieux… 2\u202f000 sur 2\u202f500',
      'Écriture des lieux… 2\u202f500 sur 2\u202f500',
    ]);
  });
});

/** A national list as a CSV of French Excel: every 1000th line without a name, 20 sharing an e-mail. */
function longList(count: number): string {
  const lines = ['Nom;Code postal;Commune;Courriel'];
  for (let index = 0; index < count; index++) {
    const name = index % 1000 === 999 ? '' : `Tiers-lieu ${index}`;
    const email = index % 1000 === 500 ? `lieu${index - 1}@exemple.fr` : `lieu${index}@exemple.fr`;
    lines.push(`${name};35600;Redon;${email}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
