// A network's count of records and their bytes (data and clocks as stored, in UTF-8) is kept in
// its row, changed by each push in the push's own transaction: the admin sees it at once, and
// reading it scans nothing. Both stores measure a push's writes with this.
import type { RecordRow } from '../push/plan';
import type { RecordUsage } from './store';

/**
 * What a push's writes change in its network's usage: `stored` holds the bytes of each record
 * as the push read it (a record absent from it is new), `json` and `clocks` the text written.
 */
export function usageChange(
  writes: readonly RecordRow[],
  json: readonly string[],
  clocks: readonly string[],
  stored: ReadonlyMap<string, number>,
): RecordUsage {
  let count = 0;
  let bytes = 0;
  for (let index = 0; index < writes.length; index++) {
    const before = stored.get((writes[index] as RecordRow).id);
    if (before === undefined) count++;
    else bytes -= before;
    bytes += Buffer.byteLength(json[index] as string) + Buffer.byteLength(clocks[index] as string);
  }
  return { count, bytes };
}

/**
 * Whether a push whose writes change its network's record bytes by `change` may apply, the
 * network holding `usedBytes`: it stays within `quotaBytes`, or takes nothing more (a full
 * network still takes deletions and shorter texts). No quota: always.
 */
export function fitsRecordQuota(usedBytes: number, change: number, quotaBytes: number | undefined): boolean {
  return quotaBytes === undefined || change <= 0 || usedBytes + change <= quotaBytes;
}
