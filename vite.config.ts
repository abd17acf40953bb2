import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { isCompressible } from './src/server/static/encoding.ts';
import { buildCommunesTable } from './test/tools/communes-data.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// A label tells two builds of one version apart (the e2e update test builds a "next" one).
const appVersion = process.env.VALISE_BUILD_LABEL ? `${version}+${process.env.VALISE_BUILD_LABEL}` : version;

const COMMUNES_MODULE = '\0virtual:communes';

/**
 * `import('virtual:communes')`: the commune table, derived at build time from the pinned Etalab
 * package. Its own lazy chunk ("communes-…"), cached at install with the screens' chunks.
 */
function communesData(): Plugin {
  return {
    name: 'valise-communes',
    resolveId: (source) => (source === 'virtual:communes' ? COMMUNES_MODULE : null),
    load: (id) => (id === COMMUNES_MODULE ? `export default ${JSON.stringify(buildCommunesTable())};` : null),
  };
}

/** Screens load lazily: their chunks are named after their folder ("screen-visits-…"). */
function chunkName(facadeModuleId: string | null): string {
  if (facadeModuleId === COMMUNES_MODULE) return 'assets/communes-[hash].js';
  const screen = facadeModuleId?.match(/src\/ui\/screens\/([^/]+)\/index\.tsx$/)?.[1];
  return screen ? `assets/screen-${screen}-[hash].js` : 'assets/[name]-[hash].js';
}

/**
 * Writes `.br` and `.gz` beside every compressible file of the build, for the server to pick
 * by Accept-Encoding (src/server/routes/static.ts): compressed once, at the highest levels,
 * instead of on every request. Runs last, after the service worker is written, so the worker
 * is compressed too and its precache list never names the variants.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'valise-precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = config.build.outDir;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
          // `.vite/` holds the build's own manifest, never served.
          if (!entry.isFile() || !isCompressible(entry.name) || entry.parentPath.includes('.vite')) continue;
          const path = join(entry.parentPath, entry.name);
          const bytes = readFileSync(path);
          const br = brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } });
          const gz = gzipSync(bytes, { level: 9 });
          // A variant that saves nothing (a tiny file) is not worth a second read.
          if (br.length < bytes.length) writeFileSync(`${path}.br`, br);
          if (gz.length < bytes.length) writeFileSync(`${path}.gz`, gz);
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [
    communesData(),
    preact(),
    precompress(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/pwa',
      filename: 'sw.ts',
      // Registration is ours (src/pwa/register.ts, workbox-window in prompt mode): an update
      // never reloads a page that holds unsaved input.
      injectRegister: false,
      registerType: 'prompt',
      manifest: false,
      injectManifest: {
        // Every file is listed; src/pwa/sw.ts precaches the shell (index.html, assets/shell-*,
        // manifest, icons) and puts the lazily loaded screens in a runtime cache at install.
        globPatterns: ['index.html', 'assets/**/*', 'manifest.webmanifest', 'icons/*.png', 'favicon.svg'],
      },
      devOptions: { enabled: false },
    }),
  ],
  define: {
    __APP_VERSION__: JSON.stringify(appVersion),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // Read by test/tools/bundle-report.ts to weigh what the first screen loads.
    manifest: true,
    rolldownOptions: {
      output: {
        // The service worker tells the precached shell from lazy screens by these names.
        entryFileNames: 'assets/shell-[hash].js',
        chunkFileNames: (chunk) => chunkName(chunk.facadeModuleId),
        assetFileNames: (asset) =>
          asset.names.includes('index.css') ? 'assets/shell-[hash][extname]' : 'assets/[name]-[hash][extname]',
      },
    },
  },
  test: {
    server: { deps: { inline: ['zustand'] } },
    // The server and sync suites arrive with their issues: an empty project is not a failure.
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/helpers/setup-unit.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // Starting and stopping a throwaway PostgreSQL cluster takes seconds on a busy machine.
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'sync',
          include: ['test/sync/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/helpers/setup-sync.ts'],
          testTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // expect.poll waits for a state; its 1 s default is a timing bet a loaded machine loses.
          expect: { poll: { timeout: 30_000 } },
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
