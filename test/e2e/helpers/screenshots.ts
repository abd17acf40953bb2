// Screenshots at a phone's and a laptop's size, written where people look at them:
// test-results/screenshots/<name>-<width>x<height>.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DESKTOP, PHONE, type Viewport } from './browser';
import { FRAME_BOUND_MS, twoFrames } from './frames';
import { SCREENSHOTS } from './paths';

export const SCREENSHOT_SIZES: readonly Viewport[] = [PHONE, DESKTOP];

/** What the window shows (fixed bars where the user sees them); `fullPage` for the whole screen. */
export async function screenshot(page: Page, name: string, { fullPage = false } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize() ?? PHONE;
  const path = join(SCREENSHOTS, `${name}-${size.width}x${size.height}${fullPage ? '-full' : ''}.png`);
  // Let layout and fonts settle after a resize before the capture.
  await page.evaluate(twoFrames, FRAME_BOUND_MS);
  await page.screenshot({ path, fullPage });
  return path;
}

/** One PNG per size, `showing` scrolled to the middle of the window if given; the page is left at the last size. */
export async function screenshotAtSizes(
  page: Page,
  name: string,
  sizes = SCREENSHOT_SIZES,
  showing?: Locator,
): Promise<string[]> {
  const paths: string[] = [];
  for (const size of sizes) {
    await page.setViewportSize(size);
    await showing?.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    paths.push(await screenshot(page, name));
  }
  return paths;
}
