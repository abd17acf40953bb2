// Names through which an object's prototype is reached. Written into an object by assignment
// they would change its prototype, not a field; schemas drop them silently (valibot's object
// and record skip them). A record or change that holds one is refused in words instead.
const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a key, or one of its dotted segments, is such a name. */
export function isReservedName(key: string): boolean {
  return key.split('.').some((name) => RESERVED_NAMES.has(name));
}

/**
 * The dotted path of the first key of `value` (at any depth) that is a reserved name, or whose
 * dotted segments hold one (`answers.__proto__` is a map entry); null when there is none.
 */
export function reservedNameIn(value: unknown, path = ''): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = reservedNameIn(item, `${path}${index}.`);
      if (found) return found;
    }
    return null;
  }
  for (const [key, entry] of Object.entries(value)) {
    if (isReservedName(key)) return `${path}${key}`;
    const found = reservedNameIn(entry, `${path}${key}.`);
    if (found) return found;
  }
  return null;
}

/** Said of such a key, for logs and the API (the device words it in its language). */
export function reservedNameMessage(path: string): string {
  return `${path} is not a name a field or an entry may have`;
}
