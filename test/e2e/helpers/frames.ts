// Two painted frames: layout and fonts settle after a resize, a scroll or a render before a
// screenshot or a measure. Bounded: headless Chromium's compositor was once seen painting no
// frame for minutes after a full-page screenshot, and every test after it waited out its whole
// timeout on this wait. Past the bound the page is taken as it is; the checks that follow say
// what they find.

/** For `page.evaluate(twoFrames, FRAME_BOUND_MS)`: runs in the page, so it names nothing outside itself. */
export function twoFrames(boundMs: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, boundMs);
    requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
  });
}

export const FRAME_BOUND_MS = 5_000;
