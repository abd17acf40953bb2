// Every screen on a 360×740 phone that holds a network's data (its valise, a trip being packed
// and two visit drafts included): nothing wider than the screen, the floating "+" over no
// button or link when the page is at rest (top or end), a file chooser drawn as a button, no
// word of a button cut across two lines, no radio or checkbox squeezed into an oval, and the
// visits themselves above the fold on Visites.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_STARTER_ID, STARTER_TEMPLATES } from '../../src/domain/diagnostic-starters';
import { newId } from '../../src/domain/ids';
import { STARTER_IDS, STARTER_ITEMS, STARTER_PACKING_LISTS } from '../../src/domain/toolbox/starter';
import { issueInvitation } from '../../src/server/invitations';
import { SqliteStore } from '../../src/server/store/sqlite';
import { SCREENS } from '../../src/ui/routes';
import { type Dataset, generateDataset } from '../bench/data/dataset';
import { pushAsAuthors, toMutations } from '../bench/server-side';
import { launchBrowser, newDevice, PHONE } from './helpers/browser';
import { FRAME_BOUND_MS, twoFrames } from './helpers/frames';
import { fileChoosers, squeezedTicks, tooWide, underQuickCapture, wordsCut } from './helpers/layout';
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
  const stamp = { networkId, createdAt: AT, updatedAt: AT, updatedBy: 'Camille Martin', deleted: false };
  data.toolboxItems = STARTER_ITEMS.map((item) => ({ ...stamp, ...item })) as Required<Dataset>['toolboxItems'];
  const stand = STARTER_PACKING_LISTS[2];
  data.packingLists = [
    ...STARTER_PACKING_LISTS,
    {
      ...stand,
      id: TRIP_ID,
      // A trip named for where it goes: a title short enough to be a small target.
      title: 'Lyon',
      isTemplate: false,
      templateId: stand?.id,
      tripDate: '2027-03-12',
      packed: { [STARTER_IDS.banner]: true, [STARTER_IDS.projector]: true },
      notes: 'Prendre la rallonge de 10 m et le câble HDMI du réseau.',
      owner: 'Camille Martin',
    },
  ].map((list) => ({ ...stamp, ...list })) as Required<Dataset>['packingLists'];
  data.loans = [
    { ...stamp, id: newId(), itemId: STARTER_IDS.projector, holderName: 'Camille Martin', count: 1, borrowedAt: AT },
  ] as Required<Dataset>['loans'];
  // The first person checked in at three events, once in each state: her page lists them.
  const person = data.contacts[0];
  const statuses = ['present', 'invited', 'excused'] as const;
  data.events = data.events.map((event, index) => {
    const status = statuses[index];
    return person && status ? { ...event, attendees: { [person.id]: { name: person.name, status } } } : event;
  });
  // An event under way as the test runs: its « En cours » once took a column of the agenda's
  // line, and the title beside it was cut every few letters.
  const last = data.events.length - 1;
  data.events[last] = {
    ...(data.events[last] as Required<Dataset>['events'][number]),
    title: 'Rencontre régionale des concierges',
    startsAt: new Date(Date.now() - HOUR).toISOString(),
    endsAt: new Date(Date.now() + 3 * HOUR).toISOString(),
  };
  return data;
}

/** The links of a person's or a lieu's "Événements". */
const EVENTS_OF = 'section:has(> h2:text-is("Événements")) li a';

const AT = '2026-11-02T09:00:00.000Z';
const HOUR = 3_600_000;
const TRIP_ID = newId();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'valise-e2e-layout-'));
  const store = new SqliteStore(join(dataDir, 'valise.sqlite'));
  await store.migrate();
  const network = await store.createNetwork('Réseau des tiers-lieux du bassin');
  dataset = networkData(network.id);
  await pushAsAuthors(store, network.id, toMutations(dataset));
  const { code } = await issueInvitation(store, network.id, 'concierge', 1);
  await store.close();
  server = await startServer({ dataDir });
  // Carte's tiles never come from the real OpenStreetMap in a test: its host resolves nowhere.
  browser = await launchBrowser(['--host-resolver-rules=MAP tile.openstreetmap.org ~NOTFOUND']);
  context = await newDevice(browser, PHONE, { touch: true });
  page = await context.newPage();
  const view = new NetworkPage(page, server.url);
  await view.openInvitation(code);
  await view.join('Léa Petit', 'Téléphone de Léa');
  await view.section().locator('[data-sync-state="idle"]').waitFor({ timeout: 60_000 });
  // Two new visits left half-written: Visites lists its drafts, Brouillons has two lines.
  for (const [index, notes] of ['Réunion publique à la mairie.', 'Atelier au fablab.'].entries()) {
    await page.goto(`${server.url}/#/visites/nouvelle`);
    await page.getByRole('textbox', { name: 'Notes' }).fill(notes);
    await page.waitForURL(/brouillon=/);
    await page.goto(`${server.url}/#/visites`);
    await page.getByRole('link', { name: `Brouillons (${index + 1})` }).waitFor({ timeout: 30_000 });
  }
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * What a page shows once its data is drawn, the content the checks measure: a text (in the
 * page or a field's value), or an element (a list's first line, a form's save button).
 */
type Ready = { text: string } | { css: string };
type Shown = [hash: string, ...ready: Ready[]];

const SUBMIT: Ready = { css: 'button[type="submit"]' };

/**
 * Every screen of the route table (src/ui/routes.ts) and its sub-pages: lists, records' pages
 * (tables, long words, many buttons) and forms, each with data.
 */
function routes(): Record<string, Shown[]> {
  const visit = dataset.visits.at(-1);
  const visitLieu = dataset.organisations.find((lieu) => lieu.id === visit?.organisationId);
  const visitShown: Ready[] = [
    { text: visit?.notes?.slice(0, 30) ?? '' },
    ...(visitLieu ? [{ text: visitLieu.name }] : []),
  ];
  const diagnostic = dataset.diagnostics[0]?.id ?? '';
  const other = dataset.diagnostics[1]?.id ?? '';
  const event = dataset.events[0];
  const lieu = dataset.organisations[0];
  const person = dataset.contacts[0];
  const template = STARTER_PACKING_LISTS[2];
  const grid = STARTER_TEMPLATES.find((starter) => starter.id === PROJECT_STARTER_ID);
  const item = (id: string): Ready => ({ text: STARTER_ITEMS.find((starter) => starter.id === id)?.title ?? '' });
  const settings: Ready[] = [{ css: '[data-testid="server-version"]' }, { css: '[data-testid="valise-usage"]' }];
  return {
    visites: [
      ['#/visites', { css: '[data-testid="visit-item"]' }],
      ['#/visites/nouvelle', SUBMIT],
      [`#/visites/${visit?.id}`, ...visitShown],
      [`#/visites/${visit?.id}/modifier`, SUBMIT, ...visitShown],
    ],
    'a-faire': [['#/a-faire', { css: 'section li' }]],
    brouillons: [['#/brouillons', { text: 'Réunion publique à la mairie.' }, { text: 'Atelier au fablab.' }]],
    partage: [['#/partage']],
    contacts: [
      ['#/contacts', { css: '[data-testid="record-item"]' }],
      ['#/contacts/lieux', { css: '[data-testid="record-item"]' }],
      [`#/contacts/lieu/${lieu?.id}`, { text: lieu?.name ?? '' }],
      [`#/contacts/lieu/${lieu?.id}/modifier`, SUBMIT, { text: lieu?.name ?? '' }],
      ['#/contacts/lieu/nouveau', SUBMIT],
      [`#/contacts/personne/${person?.id}`, { text: person?.name ?? '' }, { css: EVENTS_OF }],
      [`#/contacts/personne/${person?.id}/modifier`, SUBMIT, { text: person?.name ?? '' }],
      ['#/contacts/lieux/importer', { css: 'input[type="file"]' }],
    ],
    diagnostics: [
      ['#/diagnostics', { css: '[data-testid="diagnostic-list"] li' }],
      ['#/diagnostics/nouveau', SUBMIT],
      [`#/diagnostics/${diagnostic}`, { css: '[data-testid="diagnostic-progress"]' }],
      [`#/diagnostics/${diagnostic}/section/1`, { text: grid?.sections[0]?.questions[0]?.label ?? '' }],
      [`#/diagnostics/${diagnostic}/comparer`, { css: 'section' }],
      [`#/diagnostics/${diagnostic}/comparer?avec=${other}`, { css: 'figure svg' }],
      ['#/diagnostics/grilles', { text: grid?.title ?? '' }],
      [`#/diagnostics/grilles/${PROJECT_STARTER_ID}`, { text: grid?.sections[0]?.questions[0]?.label ?? '' }],
    ],
    evenements: [
      ['#/evenements', { css: '[data-testid="agenda-item"]' }],
      ['#/evenements/nouveau', SUBMIT],
      [`#/evenements/${event?.id}`, { text: event?.title ?? '' }],
      [`#/evenements/${event?.id}/modifier`, SUBMIT, { text: event?.title ?? '' }],
    ],
    valise: [
      ['#/valise', { css: '[data-testid="item-card"]' }],
      [`#/valise/element/${STARTER_IDS.projector}`, item(STARTER_IDS.projector)],
      [`#/valise/element/${STARTER_IDS.diagnostic}`, item(STARTER_IDS.diagnostic)],
      [`#/valise/element/${STARTER_IDS.diagnostic}/modifier`, SUBMIT, item(STARTER_IDS.diagnostic)],
      ['#/valise/nouveau', SUBMIT],
      [`#/valise/liste/${template?.id}`, { css: '[data-testid="packing-line"]' }],
      [`#/valise/liste/${TRIP_ID}`, { css: '[data-testid="packing-progress"]' }],
      [`#/valise/liste/${template?.id}/modifier`, SUBMIT, { text: template?.title ?? '' }],
      ['#/valise/nouvelle-liste', SUBMIT],
    ],
    rapports: [['#/rapports', { css: '#filtres form' }, { css: '#chiffres [data-testid="figure-visits"]' }]],
    carte: [['#/carte', { css: '[role="status"]:not(:empty)' }]],
    reglages: [['#/reglages', ...settings]],
    // The phone has joined already: the invitation opens Réglages as it is.
    rejoindre: [['#/rejoindre?code=ABCD-EFGH', ...settings]],
  };
}

/** Opens a page and waits for its heading and what it shows once its data is drawn. */
async function open(hash: string, ...ready: Ready[]): Promise<void> {
  await page.goto(`${server.url}/${hash}`);
  await page.locator('main h1').waitFor();
  for (const shown of ready) {
    if ('css' in shown) {
      await page.locator(`main ${shown.css}`).first().waitFor();
      continue;
    }
    // An empty text is in every page: the wait would be for nothing.
    expect(shown.text).not.toBe('');
    await page.waitForFunction((text) => {
      const fields = [...document.querySelectorAll<HTMLInputElement>('main input, main textarea')];
      return (
        Boolean(document.querySelector('main')?.textContent?.includes(text)) ||
        fields.some((field) => field.value.includes(text))
      );
    }, shown.text);
  }
  await page.evaluate(twoFrames, FRAME_BOUND_MS);
}

describe('a phone with the network’s data', () => {
  test('the route table is covered', () => {
    expect(Object.keys(routes()).sort()).toEqual(SCREENS.map((screen) => screen.path).sort());
  });

  // One test per screen: a loaded machine takes seconds per page.
  test.each(SCREENS.map((screen) => screen.path))(
    '%s: no page is wider than the phone, the "+" covers no button, link or field at rest, a file chooser is a button, no word of a button cut, no tick squeezed',
    async (path) => {
      const problems: string[] = [];
      for (const [index, [hash, ...ready]] of (routes()[path] ?? []).entries()) {
        for (const width of [360, 412]) {
          await page.setViewportSize({ width, height: PHONE.height });
          await open(hash, ...ready);
          for (const wide of await tooWide(page)) problems.push(`${hash} at ${width}px: ${wide} sticks out`);
          for (const covered of await underQuickCapture(page))
            problems.push(`${hash} at ${width}px: "+" covers ${covered}`);
          for (const chooser of await fileChoosers(page))
            problems.push(`${hash} at ${width}px: the file chooser ${chooser} is not a button`);
          for (const word of await wordsCut(page)) problems.push(`${hash} at ${width}px: the word ${word} is cut`);
          for (const tick of await squeezedTicks(page))
            problems.push(`${hash} at ${width}px: the tick of ${tick} is squeezed`);
          if (width === PHONE.width) await screenshot(page, `layout-${path}-${index}`, { fullPage: true });
        }
      }
      expect(problems).toEqual([]);
    },
  );

  test('mid-form, "Enregistrer la visite" shows above the bottom navigation, "Annuler" beside it, at every phone width', async () => {
    const hidden: string[] = [];
    for (const width of [320, 360, 375, 412, 430]) {
      await page.setViewportSize({ width, height: PHONE.height });
      await open('#/visites/nouvelle', SUBMIT);
      const save = page.getByRole('button', { name: 'Enregistrer la visite' });
      const onTop = await save.evaluate((button) => {
        window.scrollTo(0, document.documentElement.scrollHeight / 2 - window.innerHeight / 2);
        return new Promise<boolean>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const box = button.getBoundingClientRect();
              const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
              // On a second row, the bar covers more of the form than its scroll margin keeps clear.
              const oneRow = Array.from(button.parentElement?.children ?? []).every(
                (other) => other.getBoundingClientRect().top === box.top,
              );
              resolve(oneRow && box.bottom <= window.innerHeight && (hit === button || button.contains(hit)));
            }),
          ),
        );
      });
      if (!onTop) hidden.push(`${width}px`);
      if (width === PHONE.width) await screenshot(page, 'visit-form-mid');
    }
    expect(hidden).toEqual([]);
  });

  test('a thumb’s targets are 44 px: the links from a follow-up, a visit’s lieu and people, a person’s lieux, the events of a person and of a lieu, the lists that use a valise item, the map’s zoom, the names of the lieux it cannot place', async () => {
    await page.setViewportSize(PHONE);
    const visit = dataset.visits.at(-1);
    const person = dataset.contacts[0];
    const host = dataset.events[0]?.placeOrganisationId;
    const pages: [hash: string, ready: Ready, targets: string, minimum: 'height' | 'square'][] = [
      // "Voir la visite" / "Voir l’événement" under each follow-up.
      ['#/a-faire', { css: 'section li' }, 'main section li a', 'height'],
      [`#/visites/${visit?.id}`, { css: 'dl dd a' }, 'main dl dd a', 'height'],
      [`#/contacts/personne/${person?.id}`, { css: 'dl dd a' }, 'main dl dd a', 'height'],
      [`#/contacts/personne/${person?.id}`, { css: EVENTS_OF }, `main ${EVENTS_OF}`, 'height'],
      [`#/contacts/lieu/${host}`, { css: EVENTS_OF }, `main ${EVENTS_OF}`, 'height'],
      // "Utilisé dans": the packing lists that hold a valise item, however short their titles.
      [`#/valise/element/${STARTER_IDS.projector}`, { css: 'section li a' }, 'main section li a', 'square'],
      // Leaflet's + and −, 30 px squares of its own.
      ['#/carte', { css: '.leaflet-control-zoom a' }, 'main .leaflet-control-zoom a', 'square'],
      // "Pas sur la carte": each lieu's name, the way to its page, above its two buttons.
      ['#/carte', { css: '[data-testid="unplaced-lieu"]' }, 'main [data-testid="unplaced-lieu"]', 'height'],
    ];
    const small: string[] = [];
    for (const [hash, ready, targets, minimum] of pages) {
      await open(hash, ready);
      const boxes = await page
        .locator(targets)
        .evaluateAll((links) =>
          links.map((link) => [link.textContent?.trim() ?? '', link.getBoundingClientRect()] as const),
        );
      expect(boxes.length, hash).toBeGreaterThan(0);
      for (const [text, box] of boxes) {
        const short = Math.round(minimum === 'square' ? Math.min(box.width, box.height) : box.height);
        if (short < 44) small.push(`${hash} "${text}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    expect(small).toEqual([]);
  });

  // Firefox's date field is wide: beside it, in a note's card, "Qui s’en charge" showed "Léa Pe".
  test('a follow-up made from an event’s action note gives each of its fields room for a name or a date', async () => {
    await page.setViewportSize(PHONE);
    const event = dataset.events[0];
    await open(`#/evenements/${event?.id}`, { text: event?.title ?? '' });
    await page.getByTestId('note-tags').getByText('Action', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Nouvelle note' }).fill('Envoyer la fiche du camion mutualisé.');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await page.getByRole('button', { name: 'Créer une suite' }).last().click();
    const form = page.locator('main form').filter({ has: page.getByRole('button', { name: 'Créer la suite' }) });
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'event-follow-up-from-note');
    const widths = await form
      .locator('input')
      .evaluateAll((fields) => fields.map((field) => Math.round(field.getBoundingClientRect().width)));
    expect(widths).toHaveLength(2);
    expect(widths.filter((width) => width < 150)).toEqual([]);
  });

  // "Appeler Maëlle Roux · 06 34 96 / 00 00": a number cut across two lines is misread at a glance.
  // Where the line breaks depends on the name and the width: every phone width from 320 to 430 px.
  test('a person’s call button keeps the phone number on one line at every phone width', async () => {
    const person = dataset.contacts.find((contact) => contact.phone);
    await page.setViewportSize(PHONE);
    await open(`#/contacts/personne/${person?.id}`, { text: person?.name ?? '' });
    const call = page.getByRole('main').locator('a[href^="tel:"]');
    const cut: number[] = [];
    for (let width = 320; width <= 430; width += 2) {
      await page.setViewportSize({ width, height: PHONE.height });
      const lines = await call.evaluate((link) => {
        const text = link.firstChild;
        if (!(text instanceof Text)) return -1;
        // The number is what follows the last " · ".
        const range = document.createRange();
        range.setStart(text, text.data.lastIndexOf('· ') + 2);
        range.setEnd(text, text.data.length);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      });
      expect(lines, `${width}px`).toBeGreaterThan(0);
      if (lines > 1) cut.push(width);
    }
    expect(cut).toEqual([]);
  });

  // The Galaxy Fold's cover screen, or a 360 px phone zoomed to 125 %: « Valise » was half off
  // the fixed bar, out of reach, when no place could shrink below its label.
  test('on a 280 px screen the bottom bar keeps its five places on screen, their labels whole', async () => {
    await page.setViewportSize({ width: 280, height: 653 });
    await open('#/visites', { css: '[data-testid="visit-item"]' });
    await screenshot(page, 'bottom-bar-280');
    const places = await page.evaluate(() =>
      [...document.querySelectorAll('.nav__item')]
        .filter((place) => place.getClientRects().length > 0)
        .map((place) => {
          const label = [...place.querySelectorAll('.nav__label')].find((shown) => shown.getClientRects().length > 0);
          return {
            text: label?.textContent,
            outside: place.getBoundingClientRect().right > window.innerWidth,
            cut: !label || label.scrollWidth > label.clientWidth,
          };
        }),
    );
    expect(places).toHaveLength(5);
    expect(places.filter((place) => place.outside || place.cut)).toEqual([]);
  });

  // Firefox and a desktop WebKit draw a classic scrollbar: 12 px less for the bar, its labels
  // still sized by the window's width. "Diagnostics" and "Événements" touched end to end.
  test('the bottom bar’s labels stand apart with a classic scrollbar taking 12 px', async () => {
    await page.setViewportSize(PHONE);
    await open('#/visites', { css: '[data-testid="visit-item"]' });
    const labels = await page.evaluate(() => {
      // The scrollbar's 12 px taken from the bar (a phone's Chromium draws none), by a
      // constructed sheet: the page's CSP refuses a style element.
      const scrollbar = new CSSStyleSheet();
      scrollbar.replaceSync('.nav { right: 12px }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, scrollbar];
      return [...document.querySelectorAll('.nav__label')]
        .filter((label) => label.getClientRects().length > 0)
        .map((label) => {
          const range = document.createRange();
          range.selectNodeContents(label);
          const box = range.getBoundingClientRect();
          return {
            text: label.textContent,
            left: box.left,
            right: box.right,
            width: document.querySelector('.nav')?.getBoundingClientRect().width,
          };
        });
    });
    expect(labels[0]?.width).toBe(PHONE.width - 12);
    const close: string[] = [];
    labels.forEach((label, index) => {
      const before = labels[index - 1];
      if (before && label.left - before.right < 4) close.push(`${before.text} | ${label.text}`);
    });
    expect(labels).toHaveLength(5);
    expect(close).toEqual([]);
  });

  test('Visites shows at least three visits above the fold', async () => {
    await page.setViewportSize(PHONE);
    await open('#/visites', { css: '[data-testid="visit-item"]' });
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

  // The audit's "La Fabrique du …": a card's lieu was cut to keep the date on one line.
  test('a visit card on Visites shows its lieu’s name whole, its date on the line below', async () => {
    await page.setViewportSize(PHONE);
    await open('#/visites', { css: '[data-testid="visit-item"]' });
    await screenshot(page, 'visits-list-names');
    const names = await page.evaluate(() =>
      [...document.querySelectorAll('main [data-testid="visit-item"]')].map((card) => {
        const name = card.firstElementChild as HTMLElement;
        const date = name.nextElementSibling as HTMLElement;
        const cut = name.scrollWidth > name.clientWidth || name.scrollHeight > name.clientHeight;
        const dateBelow = date.getBoundingClientRect().top >= name.getBoundingClientRect().bottom;
        return { name: name.textContent, cut, dateBelow };
      }),
    );
    expect(names.filter((card) => card.cut || !card.dateBelow)).toEqual([]);
  });
});
