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
