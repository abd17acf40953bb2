// Named moments the benchmark reads back with performance.getEntriesByName (test/bench):
// marked once per page load, at almost no cost.
export const VISITS_LISTED = 'valise:visits-listed';

const marked = new Set<string>();

export function markOnce(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(name);
}
