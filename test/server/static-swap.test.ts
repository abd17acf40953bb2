// A build swapped in while the server answers a request for the page: the answer is one file's,
// its length, its body and its policy's style hashes alike.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { swapInBuild } from '../../src/server/static/build-swap';
import { SqliteStore } from '../../src/server/store/sqlite';

// Runs once, just after the server first looks the file up by its path (a stat or an open).
const afterLookup = vi.hoisted(() => ({ path: '', run: undefined as (() => void) | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const hooked =
    <A extends unknown[], R>(call: (path: string, ...rest: A) => Promise<R>) =>
    async (path: string, ...rest: A): Promise<R> => {
      const result = await call(path, ...rest);
      const run = afterLookup.run;
      if (String(path) === afterLookup.path && run) {
        afterLookup.run = undefined;
        run();
      }
      return result;
    };
  return { ...fs, default: fs, stat: hooked(fs.stat), open: hooked(fs.open) };
});

const page = (style: string) => `<!doctype html><title>Valise</title><style>${style}</style>`;
const hash = (style: string) => `'sha256-${createHash('sha256').update(style).digest('base64')}'`;

let dir: string;
let store: SqliteStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'valise-static-swap-'));
  store = new SqliteStore(join(dir, 'valise.sqlite'));
  await store.migrate();
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('answers one build’s page whole, with its own style hashes, when a swap lands during the answer', async () => {
  const dist = join(dir, 'dist');
  mkdirSync(dist);
  const oldStyle = '.shell{color:#1d5c57}';
  const newStyle = '.shell{color:#0b3d3a;background:#fff;margin:0}';
  writeFileSync(join(dist, 'index.html'), page(oldStyle));
  const app = createApp({ store, config: readConfig({ VALISE_DATA: dir, VALISE_DIST: dist }), log: () => {} });
  afterLookup.path = join(dist, 'index.html');
  afterLookup.run = () =>
    swapInBuild(dist, (outDir) => {
      mkdirSync(outDir);
      writeFileSync(join(outDir, 'index.html'), page(newStyle));
    });

  const response = await app.fetch(new Request('http://valise.test/'));
  const body = Buffer.from(await response.arrayBuffer());
  expect(afterLookup.run).toBeUndefined();
  // A Content-Length longer than the body leaves a browser waiting for the rest.
  expect(response.headers.get('Content-Length')).toBe(String(body.length));
  const style = body.toString('utf8').includes(newStyle) ? newStyle : oldStyle;
  expect(response.headers.get('Content-Security-Policy')).toContain(`style-src 'self' ${hash(style)};`);
});
