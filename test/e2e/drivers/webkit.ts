// WebKit as Debian ships it: WebKitWebDriver starting MiniBrowser (WebKitGTK) on an Xvfb
// display this module starts, spoken to in plain W3C WebDriver (./webdriver.ts). One driver
// process and one session per device: a session is one browser profile, as a phone is.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { freePort } from '../../helpers/free-port';
import { waitFor } from '../../helpers/wait-for';
import type { Viewport } from '../helpers/browser';
import type { Backend, Engine } from './backend';
import { type ElementRef, ENTER_KEY, WebDriverSession, webdriverRequest } from './webdriver';

export const WEBKIT_DRIVER_PATH = process.env.VALISE_WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH =
  process.env.VALISE_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * MiniBrowser's toolbar keeps its window at least ~450 px wide; a GTK style sheet without
 * minimum widths lets the window, and so the page, be a phone's 360 px.
 */
const GTK_CSS = 'headerbar *, toolbar *, headerbar, toolbar, entry, button { min-width: 0; padding: 0; margin: 0; }\n';

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    xvfb.once('error', (error) =>
      reject(new Error(`Xvfb did not start (${error.message}): install Debian's package xvfb.`)),
    );
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before giving a display.`)));
    (xvfb.stdio[3] as Readable).once('data', (data: Buffer) => resolve(`:${data.toString().trim()}`));
  });
  return { display, process: xvfb };
}

async function startDriver(env: NodeJS.ProcessEnv): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`], { env, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const exited = new AbortController();
  driver.once('exit', (code) => exited.abort(new Error(`WebKitWebDriver exited (${code}).`)));
  // It prints nothing once listening: its /status says when it takes a session.
  try {
    await waitFor(
      'WebKitWebDriver did not become ready',
      async () => (await webdriverRequest<{ ready: boolean }>(`${url}/status`, 'GET')).ready,
      { timeout: 20_000, signal: exited.signal },
    );
  } catch (error) {
    await stopChild(driver);
    throw error;
  }
  return { url, process: driver };
}

class WebKitBackend implements Backend {
  /** Height of MiniBrowser's toolbar: the window is that much taller than the page. */
  private chrome = { width: 0, height: 0 };

  constructor(
    private readonly session: WebDriverSession,
    private readonly driver: ChildProcess,
  ) {}

  goto(url: string): Promise<void> {
    return this.session.navigate(url);
  }

  reload(): Promise<void> {
    return this.session.refresh();
  }

  evaluate<T>(expression: string): Promise<T> {
    return this.session.execute<T>(`return (${expression});`);
  }

  private async element(expression: string): Promise<ElementRef> {
    const element = await this.evaluate<ElementRef | null>(expression);
    if (!element) throw new Error(`No element for ${expression.slice(0, 200)}`);
    return element;
  }

  async click(expression: string): Promise<void> {
    await this.session.click(await this.element(expression));
  }

  async type(expression: string, text: string): Promise<void> {
    await this.session.sendKeys(await this.element(expression), text.replaceAll('\n', ENTER_KEY));
  }

  async screenshot(path: string): Promise<void> {
    writeFileSync(path, await this.session.screenshot());
  }

  async setViewport(viewport: Viewport): Promise<void> {
    const [width, height] = await this.resizedTo(viewport);
    if (width === viewport.width && height === viewport.height) return;
    this.chrome = {
      width: this.chrome.width + viewport.width - width,
      height: this.chrome.height + viewport.height - height,
    };
    await this.resizedTo(viewport);
  }

  /**
   * The page's size once the window has taken the size asked for `viewport`. WebKitGTK under
   * Xvfb may answer the command before the window has resized: read at once, the old size made
   * the window's frame look negative on a loaded machine, and the next command was refused.
   */
  private async resizedTo(viewport: Viewport): Promise<[number, number]> {
    const size = () => this.evaluate<[number, number]>('[innerWidth, innerHeight]');
    const [beforeWidth, beforeHeight] = await size();
    const outer = { width: viewport.width + this.chrome.width, height: viewport.height + this.chrome.height };
    const current = await this.session.windowSize();
    if (current.width === outer.width && current.height === outer.height) return [beforeWidth, beforeHeight];
    await this.session.setWindowSize(outer.width, outer.height);
    const resized = await waitFor(`WebKit's window never took ${outer.width}×${outer.height}`, async () => {
      const [width, height] = await size();
      return width !== beforeWidth || height !== beforeHeight ? [width, height] : null;
    });
    return resized as [number, number];
  }

  async killTab(): Promise<void> {
    // A new tab of the same session (profile) first: closing the last one would end it.
    const fresh = await this.session.newWindow();
    await this.session.closeWindow();
    await this.session.switchTo(fresh);
  }

  async close(): Promise<void> {
    await this.session.end();
    await stopChild(this.driver);
  }
}

export async function launchWebKit(): Promise<Engine> {
  for (const [path, what] of [
    [WEBKIT_DRIVER_PATH, 'WebKitWebDriver (apt-get install -y webkit2gtk-driver, or VALISE_WEBKIT_DRIVER)'],
    [MINIBROWSER_PATH, 'MiniBrowser (apt-get install -y webkit2gtk-driver, or VALISE_MINIBROWSER)'],
  ] as const) {
    if (!existsSync(path)) throw new Error(`WebKit is missing: no ${what} at ${path}.`);
  }
  const xvfb = await startXvfb();
  const config = mkdtempSync(join(tmpdir(), 'valise-webkit-'));
  mkdirSync(join(config, 'gtk-3.0'));
  writeFileSync(join(config, 'gtk-3.0', 'gtk.css'), GTK_CSS);
  const drivers: ChildProcess[] = [];
  let version = 'WebKitGTK';
  return {
    name: 'webkit',
    get version() {
      return version;
    },
    async newBackend(viewport) {
      // Each device its own driver and data folders: a separate profile, as another phone.
      const home = mkdtempSync(join(config, 'device-'));
      const driver = await startDriver({
        ...process.env,
        DISPLAY: xvfb.display,
        XDG_CONFIG_HOME: config,
        XDG_DATA_HOME: join(home, 'data'),
        XDG_CACHE_HOME: join(home, 'cache'),
        TZ: 'Europe/Paris',
        LANG: 'fr_FR.UTF-8',
      });
      drivers.push(driver.process);
      const session = await WebDriverSession.create(driver.url, {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
      });
      version = `WebKitGTK ${String(session.capabilities.browserVersion)} (MiniBrowser)`;
      const backend = new WebKitBackend(session, driver.process);
      await backend.setViewport(viewport);
      return backend;
    },
    async close() {
      await Promise.all(drivers.map(stopChild));
      await stopChild(xvfb.process);
      // MiniBrowser's web processes may still be writing their shader cache as they exit.
      rmSync(config, { recursive: true, force: true, maxRetries: 10 });
    },
  };
}
