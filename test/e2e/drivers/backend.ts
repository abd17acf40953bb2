// What each engine's driver provides; everything else (aiming by role or label, waiting for a
// state, IndexedDB, downloads, axe) is built once on top of it in device.ts.
import type { Viewport } from '../helpers/browser';

export type EngineName = 'chromium' | 'firefox' | 'webkit';

export interface Backend {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Evaluates a JavaScript expression in the page (a promise is awaited); the result as JSON. */
  evaluate<T>(expression: string): Promise<T>;
  /** Clicks, as a pointer does, the element an expression returns. */
  click(elementExpression: string): Promise<void>;
  /** Types into the element an expression returns, key by key ("\n" is Enter). */
  type(elementExpression: string, text: string): Promise<void>;
  /** The viewport as a PNG file. */
  screenshot(path: string): Promise<void>;
  setViewport(viewport: Viewport): Promise<void>;
  /** Ends the tab with no unload handler running (a crash, a swipe away) and opens a new one in the same profile. */
  killTab(): Promise<void>;
  close(): Promise<void>;
}

export interface Engine {
  name: EngineName;
  /** "Chromium 142.0…", as the README's table shows it. */
  version: string;
  /** A fresh device: its own profile (IndexedDB, caches, service workers), French, in Paris. */
  newBackend(viewport: Viewport): Promise<Backend>;
  close(): Promise<void>;
}
