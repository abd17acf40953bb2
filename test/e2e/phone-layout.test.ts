// Every screen on a 360×740 phone that holds a network's data: nothing wider than the screen,
// the floating "+" over no button or link when the page is at rest (top or end), and the
// visits themselves above the fold on Visites.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_STARTER_ID, STARTER_TEMPLATES } from '../../src/domain/diagnostic-starters';
import { HybridClock } from '../../src/protocol/hlc';
import { issueInvitation } from '../../src/server/invitations';
import { SqliteStore } from '../../src/server/store/sqlite';
import { type Dataset, generateDataset } from '../bench/data/dataset';
import { toMutations } from '../bench/server-side';
import { launchBrowser, newDevice, PHONE } from './helpers/browser';
import { tooWide, underQuickCapture } from './helpers/layout';
import { screenshot, screenshotAtSizes } from './helpers/screenshots';
import { type RunningServer, startServer } from './helpers/server';
import { NetworkPage } from './pages/network-page';

let browser: Browser;
let context: BrowserContext;
let server: RunningServer;
let page: Page;
let dataDir: string;
let dataset: Required<Dataset>;

/** The network's data, with diagnostics filled on the built-in project grid (scores, radar). */
function networkData(networkId: string): Required<Dataset> {
  const data = generateDataset(17, 120, networkId) as Required<Dataset>;
  const grid = STARTER_TEMPLATES.find((template) => template.id === PROJECT_STARTER_ID);
  const questions = (grid?.sections ?? []).flatMap((section) => section.questions);
  data.diagnostics = data.diagnostics.map((diagnostic, index) => ({
    ...diagnostic,
    templateId: PROJECT_STARTER_ID,
    templateVersion: grid?.version ?? 1,
    organisationId: data.organisations[0]?.id ?? diagnostic.organisationId,
    answers: Object.fromEntries(
      questions
        .filter((question) => question.kind === 'scale')
        .map((question, rank) => [question.id, { status: 'answered', value: (rank + index) % 5 }]),
    ),
  })) as Required<Dataset>['diagnostics'];
  return data;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'valise-e2e-layout-'));
  const store = new SqliteStore(join(dataDir, 'valise.sqlite'));
  await store.migrate();
  const network = await store.createNetwork('Réseau des tiers-lieux du bassin');
  dataset = networkData(network.id);
  await store.push({
    context: { networkId: network.id, role: 'admin', clock: new HybridClock('0000000000000000'), now: Date.now() },
    mutations: toMutations(dataset),
  });
  const { code } = await issueInvitation(store, network.id, 'concierge', 1);
  await store.close();
  server = await startServer({ dataDir });
  // Carte's tiles never come from the real OpenStreetMap in a test: its host resolves nowhere.
  browser = await launchBrowser(['--host-resolver-rules=MAP tile.openstreetmap.org ~NOTFOUND']);
  context = await newDevice(browser, PHONE);
  page = await context.newPage();
  const view = new NetworkPage(page, server.url);
  await view.openInvitation(code);
  await view.join('Léa Petit', 'Téléphone de Léa');
  await view.section().locator('[data-sync-state="idle"]').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every screen and the sub-pages that hold tables, long words or many buttons. */
function routes(): string[] {
  const visit = dataset.visits.at(-1)?.id ?? '';
  const diagnostic = dataset.diagnostics[0]?.id ?? '';
  const other = dataset.diagnostics[1]?.id ?? '';
  const event = dataset.events[0]?.id ?? '';
  return [
    '#/visites',
    '#/visites/nouvelle',
    `#/visites/${visit}`,
    '#/a-faire',
    '#/contacts',
    '#/contacts/lieux',
    `#/contacts/lieu/${dataset.organisations[0]?.id}`,
    `#/contacts/personne/${dataset.contacts[0]?.id}`,
    '#/diagnostics',
    `#/diagnostics/${diagnostic}`,
    `#/diagnostics/${diagnostic}/section/1`,
    `#/diagnostics/${diagnostic}/comparer`,
    `#/diagnostics/${diagnostic}/comparer?avec=${other}`,
    '#/diagnostics/grilles',
    '#/evenements',
    `#/evenements/${event}`,
    '#/valise',
    '#/rapports',
    '#/carte',
    '#/reglages',
  ];
}

async function open(hash: string): Promise<void> {
  await page.goto(`${server.url}/${hash}`);
  await page.locator('main h1').waitFor();
  // Lazy parts (tables, lists) come with the screen's first queries: let them land.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describe('a phone with the network’s data', () => {
  test('no screen is wider than the phone, and the "+" covers no button, link or field at rest', async () => {
    const problems: string[] = [];
    for (const hash of routes()) {
      for (const width of [360, 412]) {
        await page.setViewportSize({ width, height: PHONE.height });
        await open(hash);
        for (const wide of await tooWide(page)) problems.push(`${hash} at ${width}px: ${wide} sticks out`);
        for (const covered of await underQuickCapture(page))
          problems.push(`${hash} at ${width}px: "+" covers ${covered}`);
        if (width === PHONE.width) await screenshot(page, `layout-${hash.replace(/[^a-z]+/g, '-').slice(0, 40)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('Visites shows at least three visits above the fold', async () => {
    await page.setViewportSize(PHONE);
    await open('#/visites');
    await screenshotAtSizes(page, 'visits-list-data');
    await page.setViewportSize(PHONE);
    const fold = await page.evaluate(() => {
      const nav = document.querySelector('.nav')?.getBoundingClientRect().top ?? window.innerHeight;
      return [...document.querySelectorAll('main [data-testid="visit-list"] > li')].filter(
        (item) => item.getBoundingClientRect().bottom <= nav,
      ).length;
    });
    expect(fold).toBeGreaterThanOrEqual(3);
  });
});
