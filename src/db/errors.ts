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
