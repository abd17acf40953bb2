// One device of the engine journeys — a phone or a laptop in Chromium, Firefox or WebKit —
// driven the way a person uses it: aim by role or label, wait for what the screen says. Built
// on the few primitives each engine's driver gives (backend.ts), so a journey is written once.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '../../helpers/wait-for';
import { AXE_SOURCE, type AxeViolation, axeViolations } from '../helpers/axe';
import { DESKTOP, PHONE, type Viewport } from '../helpers/browser';
import { FRAME_BOUND_MS, twoFrames } from '../helpers/frames';
import { SCREENSHOTS } from '../helpers/paths';
import type { Backend, EngineName } from './backend';
import { findElement, type Query } from './in-page';
import { readStores } from './stores';

const FIND = findElement.toString();

/** Long enough for a loaded 2-core machine; every wait is for a state, never a fixed time. */
const WAIT_MS = 30_000;

export interface SavedFile {
  name: string;
  type: string;
  text: string;
}

function describe(query: Query): string {
  return JSON.stringify(query);
}

export class Device {
  private viewport: Viewport;

  constructor(
    readonly engine: EngineName,
    private readonly backend: Backend,
    viewport: Viewport,
  ) {
    this.viewport = viewport;
  }

  /** `(fn)(...args)` in the page; `fn` must be self-contained (it is sent as text). */
  evaluate<T, A extends unknown[] = []>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
    return this.backend.evaluate<T>(`(${fn.toString()})(...${JSON.stringify(args)})`);
  }

  private found(query: Query, wantHidden = false): string {
    return `(${FIND})(${JSON.stringify(query)}, ${wantHidden})`;
  }

  async open(url: string): Promise<void> {
    await this.backend.goto(url);
    await this.waitFor({ role: 'heading', level: 1 });
  }

  async reload(): Promise<void> {
    await this.backend.reload();
    await this.waitFor({ role: 'heading', level: 1 });
  }

  /**
   * Resolves once `check` returns a truthy value; fails with `what` after `timeout`. A throw
   * counts as "not yet": a navigation in progress, the page's context gone for a moment.
   */
  until<T>(what: string, check: () => Promise<T>, timeout = WAIT_MS): Promise<T> {
    return waitFor(`${this.engine}: ${what}`, check, { timeout });
  }

  async waitFor(query: Query, { state = 'visible' as 'visible' | 'gone', timeout = WAIT_MS } = {}): Promise<void> {
    await this.until(
      `${describe(query)} ${state === 'visible' ? 'never showed' : 'never went away'}`,
      async () => {
        const present = await this.backend.evaluate<boolean>(`${this.found(query)} !== null`);
        return state === 'visible' ? present : !present;
      },
      timeout,
    );
  }

  isVisible(query: Query): Promise<boolean> {
    return this.backend.evaluate<boolean>(`${this.found(query)} !== null`);
  }

  /** Waits for the element, then clicks it as a pointer does. */
  async click(query: Query): Promise<void> {
    await this.waitFor(query);
    // Centred first, as a person scrolls before tapping: a sticky bar may cover the edges.
    await this.backend.evaluate(`((${this.found(query)}).scrollIntoView({ block: 'center' }), true)`);
    await this.backend.click(this.found(query));
  }

  /** Empties the field, then types the text key by key ("\n": Enter). */
  async fill(query: Query, text: string): Promise<void> {
    await this.waitFor(query);
    await this.backend.evaluate(
      `(() => { const field = ${this.found(query)}; field.focus();
        if (field.value) { field.value = ''; field.dispatchEvent(new Event('input', { bubbles: true })); }
        return true; })()`,
    );
    await this.backend.type(this.found(query), text);
  }

  /** A date input takes its value as the engine's date picker would set it. */
  async fillDate(query: Query, isoDay: string): Promise<void> {
    await this.waitFor(query);
    await this.backend.evaluate(
      `(() => { const field = ${this.found(query)}; field.value = ${JSON.stringify(isoDay)};
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`,
    );
  }

  /** Chooses an option of a select by its value, as the engine's picker would. */
  async select(query: Query, value: string): Promise<void> {
    await this.waitFor(query);
    await this.backend.evaluate(
      `(() => { const field = ${this.found(query)}; field.value = ${JSON.stringify(value)};
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`,
    );
  }

  value(query: Query): Promise<string | null> {
    return this.backend.evaluate(`(${this.found(query)})?.value ?? null`);
  }

  checked(query: Query): Promise<boolean | null> {
    return this.backend.evaluate(`(${this.found(query)})?.checked ?? null`);
  }

  /** The text the element shows (innerText), or null when it is not there. */
  text(query: Query): Promise<string | null> {
    return this.backend.evaluate(`(${this.found(query)})?.innerText ?? null`);
  }

  /** Waits until the element shows `expected` (contains). */
  async waitForText(query: Query, expected: string): Promise<string> {
    return this.until(`${describe(query)} never showed "${expected}"`, async () => {
      const text = (await this.text(query))?.replace(/\s+/g, ' ');
      return text?.includes(expected.replace(/\s+/g, ' ')) ? text : '';
    });
  }

  heading(): Promise<string | null> {
    return this.text({ role: 'heading', level: 1, within: { role: 'main' } });
  }

  /** Picks a file in a file input as the engine's file chooser would hand it over. */
  async attachFile(query: Query, file: { name: string; type: string; base64: string }): Promise<void> {
    // Enabled: a screen may keep its file input disabled until its data is ready.
    await this.until(`${describe(query)} file input never became usable`, () =>
      this.backend.evaluate<boolean>(`(${this.found(query, true)})?.disabled === false`),
    );
    await this.backend.evaluate(
      `(() => { const input = ${this.found(query, true)};
        const bytes = Uint8Array.from(atob(${JSON.stringify(file.base64)}), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], ${JSON.stringify(file.name)}, { type: ${JSON.stringify(file.type)} }));
        input.files = transfer.files;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        return true; })()`,
    );
  }

  /**
   * Keeps every file the app hands to the browser's downloads (a Blob URL on a link with
   * `download`), so a test reads the file a person would save, in any engine.
   */
  async catchDownloads(): Promise<void> {
    await this.evaluate(() => {
      const state = window as unknown as { __valiseSaved?: { name: string; blob: Blob }[] };
      if (state.__valiseSaved) return;
      state.__valiseSaved = [];
      const blobs = new Map<string, Blob>();
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (object: Blob | MediaSource) => {
        const url = create(object);
        if (object instanceof Blob) blobs.set(url, object);
        return url;
      };
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        const blob = this.download ? blobs.get(this.href) : undefined;
        if (blob) state.__valiseSaved?.push({ name: this.download, blob });
        else click.call(this);
      };
    });
  }

  /** Waits for the n-th file saved since catchDownloads() (1-based) and reads it as text. */
  async savedFile(count = 1): Promise<SavedFile> {
    await this.until(`no file was saved (${count} expected)`, () =>
      this.evaluate(
        (n) => ((window as unknown as { __valiseSaved?: unknown[] }).__valiseSaved?.length ?? 0) >= n,
        count,
      ),
    );
    return this.evaluate(async (n) => {
      const saved = (window as unknown as { __valiseSaved: { name: string; blob: Blob }[] }).__valiseSaved[n - 1];
      if (!saved) throw new Error('no saved file');
      return { name: saved.name, type: saved.blob.type, text: await saved.blob.text() };
    }, count);
  }

  /** Every record of an IndexedDB store of the app's database, read as the page sees it. */
  async readStore<T = unknown>(store: string, database = 'valise'): Promise<T[]> {
    const [records] = await this.evaluate(readStores, { stores: [store], database });
    return records as T[];
  }

  async setViewport(viewport: Viewport): Promise<void> {
    this.viewport = viewport;
    await this.backend.setViewport(viewport);
  }

  /** test-results/screenshots/<engine>-<name>-<w>x<h>.png at the current size. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${this.engine}-${name}-${this.viewport.width}x${this.viewport.height}.png`);
    // Let layout settle after a resize before the capture.
    await this.evaluate(twoFrames, FRAME_BOUND_MS);
    await this.backend.screenshot(path);
    return path;
  }

  /** A phone's and a laptop's screenshot; the device is back at its own size after. */
  async screenshotAtSizes(name: string): Promise<void> {
    const own = this.viewport;
    for (const size of [PHONE, DESKTOP]) {
      await this.setViewport(size);
      await this.screenshot(name);
    }
    await this.setViewport(own);
  }

  /** axe-core's violations on the screen as it is (WCAG A/AA and best practices). */
  async axe(): Promise<AxeViolation[]> {
    if (!(await this.backend.evaluate<boolean>(`'axe' in window`))) {
      // Defined through a Function so the source is one expression in every engine.
      await this.backend.evaluate(`(() => { ${AXE_SOURCE}; return true; })()`);
    }
    return this.evaluate(axeViolations);
  }

  killTab(): Promise<void> {
    return this.backend.killTab();
  }

  close(): Promise<void> {
    return this.backend.close();
  }
}
