// Record ids are UUIDv7: created offline on any device, unique without coordination, and
// sortable by creation time (so an index on id is also an index on "newest first").
import { v7 } from 'uuid';

export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function newId(): string {
  return v7();
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
