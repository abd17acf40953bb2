// The record types' validation schemas are built this way, each at its first use. Built all at
// once when their module was evaluated, they made that evaluation one long task of a first
// visit, just after its first screen, while a new device then validates only the starter
// valise's two types.

/** A function returning `build`'s value, built by its first call and kept for every later one. */
export function builtOnce<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}
