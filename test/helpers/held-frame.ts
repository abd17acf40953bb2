// Preact runs effects after the browser's next frame. Holding that frame lets a test act on a
// component whose first frame has not come yet — what a fast hand or an autofill does as a
// screen opens — then let the effects run when the test says so.
import { options } from 'preact';
import { afterEach, beforeEach } from 'vitest';

export function holdFrames(): { runEffects: () => void } {
  let held: (() => void) | undefined;
  const browserFrame = options.requestAnimationFrame;
  beforeEach(() => {
    options.requestAnimationFrame = (next) => {
      held = next;
    };
  });
  afterEach(() => {
    options.requestAnimationFrame = browserFrame;
    held = undefined;
  });
  return {
    runEffects: () => {
      const next = held;
      held = undefined;
      next?.();
    },
  };
}
