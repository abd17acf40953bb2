import type { FieldIssue } from '../domain/validation';
import { describeIssues } from '../domain/validation';

/** A write refused by the domain schema; nothing was stored. `issues` name the fields at fault. */
export class RecordValidationError extends Error {
  constructor(
    readonly recordType: string,
    readonly issues: FieldIssue[],
  ) {
    super(`invalid ${recordType}: ${describeIssues(issues)}`);
    this.name = 'RecordValidationError';
  }
}

export class RecordNotFoundError extends Error {
  constructor(
    readonly recordType: string,
    readonly id: string,
  ) {
    super(`${recordType} ${id} does not exist on this device`);
    this.name = 'RecordNotFoundError';
  }
}

/** Another tab of the device joined or left a network while this one was syncing: nothing was written. */
export class SessionChangedError extends Error {
  constructor() {
    super('the device joined or left a network in another tab during this sync');
    this.name = 'SessionChangedError';
  }
}

/**
 * Whether a write failed because the browser has no room left for this app (the device's disk
 * is full, or the app's share of it is used up): nothing was written, and trying again helps
 * only once room is made. IndexedDB says it on the transaction (QuotaExceededError); Dexie
 * passes it on wrapped, as the `inner` error of its AbortError.
 */
export function isStorageFull(error: unknown): boolean {
  let cause = error;
  for (let depth = 0; depth < 4 && typeof cause === 'object' && cause !== null; depth++) {
    if ((cause as { name?: unknown }).name === 'QuotaExceededError') return true;
    cause = (cause as { inner?: unknown }).inner;
  }
  return false;
}
