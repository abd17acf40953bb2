import { type DataContext, openDataContext } from '../../src/db/context';

let counter = 0;

/** A fresh device database (fake-indexeddb) with its own name, so tests never share data. */
export function openTestContext(prefix = 'test'): Promise<DataContext> {
  counter += 1;
  return openDataContext({ name: `${prefix}-${counter}-${Math.random().toString(36).slice(2)}` });
}
