// Long work on a person's file done in slices that give the page back between them, so it
// paints the progress and answers a click meanwhile: a 50,000-line import of lieux held the
// page frozen for seconds, with no paint at all.

/** How long one slice may hold the page: short enough that a tap is answered at once. */
const SLICE_MS = 30;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Calls `step` until it says it is done, giving the page back whenever a slice has run its time
 * (after `onSlice`, to show how far it is). False when `signal` aborted it first.
 */
export async function inSlices(step: () => boolean, onSlice: () => void, signal: AbortSignal): Promise<boolean> {
  for (;;) {
    if (signal.aborted) return false;
    const started = performance.now();
    do {
      if (step()) return !signal.aborted;
    } while (performance.now() - started < SLICE_MS);
    onSlice();
    await nextTask();
  }
}

/**
 * For an asynchronous loop that is no step function (reading a backup): the pause returned is
 * awaited often, and gives the page back only once a slice has run its time, after `onSlice`
 * (a task per call would make a long loop wait seconds on the browser's timers).
 */
export function slicePause<Args extends unknown[]>(onSlice: (...args: Args) => void): (...args: Args) => Promise<void> {
  let started = performance.now();
  return async (...args) => {
    if (performance.now() - started < SLICE_MS) return;
    onSlice(...args);
    await nextTask();
    started = performance.now();
  };
}

/**
 * A picked file's text as `file.text()` gives it (UTF-8, a BOM dropped, bad bytes replaced),
 * decoded a piece at a time as its bytes arrive: `file.text()` decodes all at once, and held
 * the page for a second and more on a 36 MB backup. `onShare` gets the share of bytes read.
 */
export async function readFileText(file: Blob, onShare: (share: number) => Promise<void>): Promise<string> {
  const decoder = new TextDecoder();
  const reader = file.stream().getReader();
  const pieces: string[] = [];
  let read = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    pieces.push(decoder.decode(chunk.value, { stream: true }));
    read += chunk.value.byteLength;
    await onShare(read / file.size);
  }
  pieces.push(decoder.decode());
  return pieces.join('');
}
