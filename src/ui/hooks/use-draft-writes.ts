import { useState } from 'preact/hooks';

/**
 * The draft writes of a small form outside the form kit (a follow-up, a note, a packing list).
 * Input whose draft is written comes back after a reload, so leaving the page need not ask;
 * `unkept` is true while a write still runs or the last one failed: that input is only on screen.
 */
export function useDraftWrites(): { keep: (write: Promise<unknown>) => void; unkept: boolean } {
  const [running, setRunning] = useState(0);
  const [failed, setFailed] = useState(false);
  const keep = (write: Promise<unknown>) => {
    setRunning((count) => count + 1);
    // Dexie runs one store's writes in the order they began: the last to settle is the newest.
    void write
      .then(
        () => setFailed(false),
        (error: unknown) => {
          console.error('draft not written', error);
          setFailed(true);
        },
      )
      .finally(() => setRunning((count) => count - 1));
  };
  return { keep, unkept: running > 0 || failed };
}
