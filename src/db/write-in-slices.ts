// A long import written in slices inside its one transaction, the page given back between them
// (Dexie.waitFor keeps the transaction open meanwhile), so it paints how far the write is
// instead of freezing; a failure in any slice still aborts the whole write.
import Dexie from 'dexie';

/** Lines planned, or records written, in one slice: about a tenth of a second on a phone. */
export const SLICE = 1000;

/** Lets the page run (paint, answer a tap) without letting the transaction commit. */
export const givePageBack = () => Dexie.waitFor(new Promise<void>((resolve) => setTimeout(resolve, 0)));

/** How far a write is: records created or changed so far, of all the write creates or changes. */
export type WriteProgress = (written: number, total: number) => void;

/**
 * Writes `total` records in phases (creations, then changes of stored records…), each in
 * slices, saying how far the whole write is before the first and after every slice.
 */
export function sliceWriter(total: number, onProgress: WriteProgress) {
  let written = 0;
  onProgress(0, total);
  return async <T>(items: readonly T[], write: (slice: T[]) => Promise<unknown>): Promise<void> => {
    for (let start = 0; start < items.length; start += SLICE) {
      const slice = items.slice(start, start + SLICE);
      await write(slice);
      written += slice.length;
      onProgress(written, total);
      await givePageBack();
    }
  };
}
