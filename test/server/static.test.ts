// The built app as the server sends it: precompressed variants chosen by Accept-Encoding,
// hashed assets kept for a year, the shell and the service worker revalidated, the API never cached.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { swapInBuild } from '../../src/server/static/build-swap';
import { acceptedEncodings } from '../../src/server/static/encoding';
import { SqliteStore } from '../../src/server/store/sqlite';

// Runs once, just after the server first looks the file up by its path (a stat or an open): a
// build's swap landing in the middle of an answer.
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

const SCRIPT = `console.log(${JSON.stringify('Valise '.repeat(400))});`;
const STYLE = '.shell{color:#1d5c57}';
const INDEX = `<!doctype html><title>Valise</title><script type="module" src="/assets/shell-abc123.js"></script><style>${STYLE}</style>${' '.repeat(200)}`;

let dir: string;
let store: SqliteStore;
let app: ReturnType<typeof createApp>;

function writeWithVariants(path: string, text: string) {
  writeFileSync(path, text);
  writeFileSync(`${path}.br`, brotliCompressSync(Buffer.from(text)));
  writeFileSync(`${path}.gz`, gzipSync(Buffer.from(text)));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'valise-static-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  mkdirSync(join(dist, 'icons'));
  writeWithVariants(join(dist, 'index.html'), INDEX);
  writeWithVariants(join(dist, 'assets', 'shell-abc123.js'), SCRIPT);
  writeWithVariants(join(dist, 'sw.js'), SCRIPT);
  writeFileSync(join(dist, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  store = new SqliteStore(join(dir, 'valise.sqlite'));
  await store.migrate();
  app = createApp({ store, config: readConfig({ VALISE_DATA: dir, VALISE_DIST: dist }), log: () => undefined });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}) {
  return app.fetch(new Request(`http://valise.test${path}`, { headers }));
}

describe('compression', () => {
  it('sends the brotli file to a browser that accepts it, and says it varies', async () => {
    const response = await get('/assets/shell-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(response.headers.get('Content-Encoding')).toBe('br');
    expect(response.headers.get('Vary')).toBe('Accept-Encoding');
    expect(response.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT);
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const response = await get('/assets/shell-abc123.js', { 'Accept-Encoding': 'gzip' });
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(SCRIPT);
  });

  it('sends the plain file to a client that accepts no encoding, still saying it varies', async () => {
    const response = await get('/assets/shell-abc123.js');
    expect(response.headers.get('Content-Encoding')).toBeNull();
    expect(response.headers.get('Vary')).toBe('Accept-Encoding');
    expect(await response.text()).toBe(SCRIPT);
  });

  it('never sends an encoding the client refused with q=0', async () => {
    const response = await get('/assets/shell-abc123.js', { 'Accept-Encoding': 'br;q=0, gzip;q=0.5' });
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
  });

  it('compresses the page of any screen of the app too', async () => {
    const response = await get('/visites/123', { 'Accept-Encoding': 'br' });
    expect(response.headers.get('Content-Encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(INDEX);
  });

  it('leaves images as they are', async () => {
    const response = await get('/icons/icon-192.png', { 'Accept-Encoding': 'br, gzip' });
    expect(response.headers.get('Content-Encoding')).toBeNull();
    expect(response.headers.get('Content-Type')).toBe('image/png');
  });

  it('weighs q-values, wildcards and malformed parts as RFC 9110 says', () => {
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('gzip;q=1.0, br;q=0.8')).toEqual(['gzip', 'br']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*;q=0.1, br;q=0')).toEqual(['gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings('br;q=abc, x-gzip')).toEqual(['gzip']);
  });
});

describe('cache headers', () => {
  it('keeps a hashed asset for a year without revalidating', async () => {
    const response = await get('/assets/shell-abc123.js');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates index.html, the service worker and any screen path', async () => {
    for (const path of ['/', '/index.html', '/sw.js', '/rapports']) {
      expect((await get(path)).headers.get('Cache-Control'), path).toBe('no-cache');
    }
  });

  it('never lets an API answer be cached, compressed file or not', async () => {
    const response = await get('/api/health', { 'Accept-Encoding': 'br' });
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });

  it('answers 304 to a revalidation of an unchanged file, per encoding', async () => {
    const first = await get('/sw.js', { 'Accept-Encoding': 'br' });
    const etag = first.headers.get('ETag') as string;
    expect((await get('/sw.js', { 'Accept-Encoding': 'br', 'If-None-Match': etag })).status).toBe(304);
    // The plain file is another representation: the brotli tag does not match it.
    expect((await get('/sw.js', { 'If-None-Match': etag })).status).toBe(200);
  });

  it('answers 404 for a missing hashed asset instead of the app page', async () => {
    const response = await get('/assets/shell-gone.js');
    expect(response.status).toBe(404);
  });

  it('serves nothing outside the build', async () => {
    const response = await get('/..%2fvalise.sqlite');
    expect(await response.text()).toBe(INDEX);
  });
});

describe('the inline stylesheet', () => {
  // index.html carries the shell's stylesheet inline, so its first paint waits for no other file.
  it("allows index.html's own <style> by its hash, and no other inline style", async () => {
    const csp = (await get('/')).headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain(`style-src 'self' 'sha256-${createHash('sha256').update(STYLE).digest('base64')}';`);
    expect(csp).not.toContain('unsafe-inline');
    // Hashed from the bytes sent, decompressed: the brotli page's policy is the same.
    const brotli = (await get('/', { 'Accept-Encoding': 'br' })).headers.get('Content-Security-Policy');
    expect(brotli).toBe(csp);
  });

  it("names the hashes on the page's answers only, its 304 included (a browser refreshes its cached page's policy from it)", async () => {
    const hash = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;
    const etag = (await get('/')).headers.get('ETag') as string;
    const revalidated = await get('/', { 'If-None-Match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('Content-Security-Policy')).toContain(`style-src 'self' ${hash};`);
    // An API answer holds no page: its policy is judged without reading index.html.
    expect((await get('/api/health')).headers.get('Content-Security-Policy')).toContain("style-src 'self';");
  });

  it('allows the stylesheet of a build made while the server runs, not the one it started with', async () => {
    const rebuilt = '.shell{color:#0b3d3a;background:#fff}';
    const index = join(dir, 'dist', 'index.html');
    writeFileSync(index, INDEX.replace(STYLE, rebuilt));
    try {
      const csp = (await get('/')).headers.get('Content-Security-Policy') ?? '';
      expect(csp).toContain(`style-src 'self' 'sha256-${createHash('sha256').update(rebuilt).digest('base64')}';`);
    } finally {
      writeFileSync(index, INDEX);
    }
  });
});

describe('an upgrade’s build under the running server', () => {
  it('keeps serving the old app until the new one is whole, then the old one’s scripts beside it', async () => {
    // vite empties its output first: built in place, a first visit meanwhile got 404 for its scripts.
    const dist = join(dir, 'upgrade', 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), 'old page');
    writeFileSync(join(dist, 'assets', 'screen-old.js'), 'old screen');
    writeFileSync(join(dist, 'dropped.css'), 'old style');
    const served = createApp({ store, config: readConfig({ VALISE_DATA: dir, VALISE_DIST: dist }), log: () => {} });
    const text = async (path: string) => {
      const response = await served.fetch(new Request(`http://valise.test${path}`));
      return `${response.status} ${await response.text()}`;
    };
    swapInBuild(dist, (outDir) => {
      mkdirSync(join(outDir, 'assets'), { recursive: true });
      writeFileSync(join(outDir, 'index.html'), 'new page');
      writeFileSync(join(outDir, 'sw.js'), 'new worker');
      writeFileSync(join(outDir, 'assets', 'screen-new.js'), 'new screen');
      expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('old page');
    });
    expect(await text('/')).toBe('200 new page');
    expect(await text('/assets/screen-new.js')).toBe('200 new screen');
    // A page loaded before the swap loads its screens still.
    expect(await text('/assets/screen-old.js')).toBe('200 old screen');
    // A file the new build dropped on purpose is not served from the old one.
    expect(await text('/dropped.css')).toBe('200 new page');
    // Between the swap's two renames the served folder is missing: the old app answers.
    renameSync(dist, `${dist}.moved`);
    expect(await text('/visites')).toBe('200 old page');
  });

  it('swaps in no build that lacks its page or its service worker, and leaves none of it on disk', () => {
    const dist = join(dir, 'incomplete', 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), 'old page');
    expect(() =>
      swapInBuild(dist, (outDir) => {
        mkdirSync(outDir);
        writeFileSync(join(outDir, 'index.html'), 'new page');
      }),
    ).toThrow('the build has no sw.js');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('old page');
    expect(existsSync(`${dist}.building`)).toBe(false);
  });

  it('refuses a second build while one runs, and takes over the lock of a build that died', () => {
    const dist = join(dir, 'locked', 'dist');
    mkdirSync(dirname(dist), { recursive: true });
    const build = (outDir: string) => {
      mkdirSync(outDir);
      writeFileSync(join(outDir, 'index.html'), 'page');
      writeFileSync(join(outDir, 'sw.js'), 'worker');
    };
    // Two builds wrote into one dist.building, the second emptying the first's.
    writeFileSync(`${dist}.lock`, String(process.pid));
    expect(() => swapInBuild(dist, build)).toThrow(`another build is running (pid ${process.pid})`);
    // npm run build says so, whatever the server's other settings (it needs VALISE_DIST only).
    const npmBuild = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/build.ts'], {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, VALISE_DIST: dist, PORT: 'eighty' },
      encoding: 'utf8',
    });
    expect(`${npmBuild.stderr}`).toContain(`The app was not built: another build is running (pid ${process.pid})`);
    expect(npmBuild.status).toBe(1);
    expect(existsSync(dist)).toBe(false);
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(`${dist}.lock`, String(dead));
    swapInBuild(dist, build);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('page');
    expect(existsSync(`${dist}.lock`)).toBe(false);
  });

  it('answers one build’s page whole, with its own style hashes, when a swap lands during the answer', async () => {
    const dist = join(dir, 'mid-answer', 'dist');
    mkdirSync(dist, { recursive: true });
    const page = (style: string) => `<!doctype html><title>Valise</title><style>${style}</style>`;
    const hash = (style: string) => `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
    const oldStyle = '.shell{color:#1d5c57}';
    const newStyle = '.shell{color:#0b3d3a;background:#fff;margin:0}';
    writeFileSync(join(dist, 'index.html'), page(oldStyle));
    const served = createApp({ store, config: readConfig({ VALISE_DATA: dir, VALISE_DIST: dist }), log: () => {} });
    afterLookup.path = join(dist, 'index.html');
    afterLookup.run = () =>
      swapInBuild(dist, (outDir) => {
        mkdirSync(outDir);
        writeFileSync(join(outDir, 'index.html'), page(newStyle));
        writeFileSync(join(outDir, 'sw.js'), 'new worker');
      });

    const response = await served.fetch(new Request('http://valise.test/'));
    const body = Buffer.from(await response.arrayBuffer());
    expect(afterLookup.run).toBeUndefined();
    // A Content-Length longer than the body leaves a browser waiting for the rest.
    expect(response.headers.get('Content-Length')).toBe(String(body.length));
    const style = body.toString('utf8').includes(newStyle) ? newStyle : oldStyle;
    expect(response.headers.get('Content-Security-Policy')).toContain(`style-src 'self' ${hash(style)};`);
  });
});

describe('other methods', () => {
  it('answers a write to a page of the app with 405 in JSON, saying which methods it takes', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await app.fetch(new Request('http://valise.test/index.html', { method, body: 'x' }));
      expect(response.status, method).toBe(405);
      expect(response.headers.get('Allow')).toBe('GET, HEAD');
      expect(await response.json()).toMatchObject({ code: 'method_not_allowed' });
    }
  });
});
