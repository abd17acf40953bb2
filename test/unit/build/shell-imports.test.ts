// The shell (the entry's chunk, src/main.tsx and what it imports statically) runs before the first
// screen's chunk arrives. When the header's sync status read the database itself, the data layer
// and Dexie moved into the shell: the first visit's script ran as one longer block and
// Lighthouse's blocking time doubled. The database is the first screen's to load.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
// `import x from '…'`, `import '…'` and `export … from '…'`; not `import type`/`export type`
// (erased) nor `import('…')` (lazy).
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function staticImports(entry: string): { modules: string[]; packages: string[] } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (modules.has(file)) continue;
    modules.add(file);
    for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (!specifier.startsWith('.')) packages.add(specifier);
      const base = resolve(dirname(file), specifier);
      const source = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ending) => base + ending).find(existsSync);
      if (source) queue.push(source);
    }
  }
  return { modules: [...modules].map((file) => relative(ROOT, file)), packages: [...packages] };
}

test('the shell imports no database code: the data layer loads with the first screen', () => {
  const { modules, packages } = staticImports('src/main.tsx');
  expect(modules).toContain('src/ui/sync/SyncIndicator.tsx');
  expect(modules.filter((module) => module.startsWith('src/db/'))).toEqual([]);
  expect(packages).not.toContain('dexie');
});
