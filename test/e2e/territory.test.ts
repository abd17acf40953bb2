// The territory on a phone with no network: communes known offline fill a lieu's codes.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { joinIsolated } from '../../src/domain/bidi';
import { describeViolations, runAxe } from './helpers/axe';
import { PHONE } from './helpers/browser';
import { offlinePhones } from './helpers/offline-phone';
import { SCREENSHOT_SIZES, screenshot } from './helpers/screenshots';
import { TerritoryPage } from './pages/territory-page';

const openOfflinePhone = offlinePhones();

async function offlinePhone(): Promise<{ page: Page; territory: TerritoryPage }> {
  const { page, shell } = await openOfflinePhone();
  return { page, territory: new TerritoryPage(page, shell.baseUrl) };
}

describe('communes known offline', () => {
  test('a lieu created from a shared postcode gets its commune, INSEE code, département, région and EPCI', async () => {
    const { page, territory } = await offlinePhone();
    await territory.openNewLieu();
    await territory.field('Nom du lieu').fill('La Grange');
    await territory.field('Code postal').fill('01400');
    // 01400 serves several communes: all are offered, none is chosen for the person.
    await expect.poll(() => territory.communeSuggestions().getByRole('option').count()).toBeGreaterThan(5);
    // One Tab stop: the suggestions are the postcode's options, Tab goes on to the commune.
    await page.keyboard.press('Tab');
    expect(await territory.field('Commune').evaluate((box) => box === document.activeElement)).toBe(true);
    await territory.field('Code postal').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await territory.communeSuggestions().getByRole('option').nth(1).getAttribute('id');
    expect(await territory.field('Code postal').getAttribute('aria-activedescendant')).toBe(second);
    expect(describeViolations(await runAxe(page))).toBe('');
    for (const size of SCREENSHOT_SIZES) {
      await page.setViewportSize(size);
      await territory.communeSuggestions().scrollIntoViewIfNeeded();
      await screenshot(page, 'territory-commune-suggestions');
    }
    // A name typed under the postcode offers that postcode's commune first, not Châtillon (92).
    await territory.field('Commune').fill('chatillon');
    await expect
      .poll(() => territory.communeSuggestions().getByRole('option').first().textContent())
      .toMatch(/^Châtillon-sur-Chalaronne/);
    for (const size of SCREENSHOT_SIZES) {
      await page.setViewportSize(size);
      await territory.communeSuggestions().scrollIntoViewIfNeeded();
      await screenshot(page, 'territory-commune-by-postcode');
    }
    await page.setViewportSize(PHONE);
    await territory.suggestion('Châtillon-sur-Chalaronne').click();
    await expect.poll(() => territory.field('Commune').inputValue()).toBe('Châtillon-sur-Chalaronne');
    await expect.poll(() => territory.main().textContent()).toContain('INSEE 01093');
    expect(await territory.field('Département').inputValue()).toBe('Ain');
    expect(await territory.field('Région').inputValue()).toBe('Auvergne-Rhône-Alpes');
    await territory.save();
    await expect.poll(() => territory.main().textContent()).toContain('Fiche enregistrée');
    const facts = await territory.main().locator('dl').textContent();
    expect(facts).toContain('01093');
    expect(facts).toContain('Ain (01)');
    expect(facts).toContain('CC de la Dombes');
  });

  test('a postcode no commune has is kept as typed, with a sentence that says so', async () => {
    const { territory } = await offlinePhone();
    await territory.openNewLieu();
    await territory.field('Nom du lieu').fill('Tiers-lieu du bout du monde');
    await territory.field('Code postal').fill('99999');
    await expect
      .poll(() =>
        territory
          .main()
          .getByText(/^Aucune commune/)
          .getAttribute('role'),
      )
      .toBe('status');
    await territory.field('Commune').fill('Finistère');
    await territory.save();
    await expect.poll(() => territory.main().textContent()).toContain('Fiche enregistrée');
    expect(await territory.main().locator('dl').textContent()).toContain(joinIsolated(['99999', 'Finistère'], ' '));
  });

  test('Tab through a lieu’s form on a phone: every control it reaches shows clear of the top bar and the bottom navigation', async () => {
    const { page, territory } = await offlinePhone();
    await territory.openNewLieu();
    await territory.field('Nom du lieu').focus();
    const hidden: string[] = [];
    let reached = false;
    // Up to "Enregistrer", the form's last control: a field there sat half under the navigation.
    for (let step = 0; step < 40; step++) {
      const seen = await page.evaluate(() => {
        const focused = document.activeElement as HTMLElement;
        const box = focused.getBoundingClientRect();
        const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
        const bottom = document.querySelector('.nav')?.getBoundingClientRect().top ?? window.innerHeight;
        const name = `${focused.tagName} ${focused.id || focused.textContent?.slice(0, 30)}`;
        return {
          name,
          clear: box.top >= top - 1 && box.bottom <= bottom + 1,
          last: focused.textContent === 'Enregistrer',
        };
      });
      if (!seen.clear) hidden.push(seen.name);
      reached = seen.last;
      if (reached) break;
      await page.keyboard.press('Tab');
    }
    expect(reached).toBe(true);
    await screenshot(page, 'territory-lieu-form-tabbed-to-save');
    expect(hidden).toEqual([]);
  });
});
