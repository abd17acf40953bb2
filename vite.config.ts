import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import preact from '@preact/preset-vite';
import type { Plugin, Rolldown } from 'vite';
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

const ENTRY = 'src/main.tsx';
const FIRST_SCREEN = 'src/ui/screens/visits/index.tsx';
const SYNC_RUNTIME = 'src/state/sync-runtime.ts';

/**
 * Few requests for the first visit: on a slow link every file costs a round trip, and a
 * browser opens at most six connections to one HTTP/1.1 server. What the entry imports goes in
 * one chunk ("shell-…"), what the first screen (Visites) imports — with the data layer every
 * screen shares — in another ("first-screen-…"), which index.html preloads, and what the sync
 * engine imports (the write path, validation, the starter valise) in a third ("background-…"),
 * loaded once the first screen has shown. The entry, the screen and the engine keep their own
 * small chunks, named in the build manifest; other screens keep their lazy chunks.
 */
function chunkGroups(): Rolldown.CodeSplittingGroup[] {
  const closures = new Map<string, Set<string>>();
  const closure = (source: string, ctx: Rolldown.ChunkingContext) => {
    let modules = closures.get(source);
    if (!modules) {
      modules = staticClosure(join(import.meta.dirname, source), ctx);
      closures.set(source, modules);
    }
    return modules;
  };
  const roots = [ENTRY, FIRST_SCREEN, SYNC_RUNTIME].map((source) => join(import.meta.dirname, source));
  const group = (source: string, name: string, priority: number): Rolldown.CodeSplittingGroup => ({
    debugName: name,
    priority,
    name: (id, ctx) => (!roots.includes(id) && closure(source, ctx).has(id) ? name : null),
  });
  // In this order: each chunk takes what the ones before it have not.
  return [group(ENTRY, 'shell', 3), group(FIRST_SCREEN, 'first-screen', 2), group(SYNC_RUNTIME, 'background', 1)];
}

/** A module and everything it imports statically, by id. */
function staticClosure(root: string, ctx: Rolldown.ChunkingContext): Set<string> {
  const closure = new Set<string>();
  const queue = [root];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (closure.has(id)) continue;
    closure.add(id);
    queue.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  return closure;
}

/** Screens load lazily: their chunks are named after their folder ("screen-visits-…"). */
function chunkName(facadeModuleId: string | null): string {
  if (facadeModuleId === COMMUNES_MODULE) return 'assets/communes-[hash].js';
  const screen = facadeModuleId?.match(/src\/ui\/screens\/([^/]+)\/index\.tsx$/)?.[1];
  return screen ? `assets/screen-${screen}-[hash].js` : 'assets/[name]-[hash].js';
}

/**
 * index.html fetches the first screen's code and style with the shell's, in the same round
 * trip, instead of after the shell has run: Visites is the default screen, and its chunk holds
 * the data layer every other screen needs too.
 *
 * Nothing it fetches holds its first paint: the shell's stylesheet is inlined in a <style> (the
 * server's policy allows it by hash: src/server/static/inline-styles.ts), and the first screen's
 * is preloaded, not linked — the import of the Visites chunk links it and waits for it (Vite's
 * preload helper), so the list never shows unstyled, but the shell's frame paints with the HTML
 * alone instead of one round trip later. Module scripts never block a paint. (Lighthouse's
 * simulation counted every script that had arrived before the first paint it saw as blocking
 * it: 1.8 s of its 4G first paint instead of about 1 s.)
 *
 * The inlined stylesheet is then no file of the build (forgetInlinedStyles).
 */
function preloadFirstScreen(): Plugin[] {
  let base = '/';
  let inlined: string[] = [];
  const preload: Plugin = {
    name: 'valise-preload-first-screen',
    apply: 'build',
    configResolved: (config) => {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).filter((output) => output.type === 'chunk');
        const screen = chunks.find((chunk) => chunk.moduleIds.some((id) => id.endsWith(FIRST_SCREEN)));
        if (!screen) throw new Error(`${FIRST_SCREEN} has no chunk in the build`);
        const closure = (file: string, files = new Set<string>()): Set<string> => {
          const chunk = chunks.find((candidate) => candidate.fileName === file);
          if (!chunk || files.has(file)) return files;
          files.add(file);
          for (const imported of chunk.imports) closure(imported, files);
          return files;
        };
        // The entry's own script tag is there already; what it imports is linked here too, since
        // Vite links nothing with build.modulePreload off (below).
        const entry = chunks.find((chunk) => chunk.isEntry);
        if (!entry) throw new Error('no entry chunk in the build');
        const shell = closure(entry.fileName);
        const screenFiles = [...closure(screen.fileName)].filter((file) => !shell.has(file));
        const files = [...shell].filter((file) => file !== entry.fileName).concat(screenFiles);
        const styles = new Set(
          chunks.flatMap((chunk) =>
            screenFiles.includes(chunk.fileName) ? [...(chunk.viteMetadata?.importedCss ?? [])] : [],
          ),
        );
        // The shell's stylesheets, which Vite links itself, go inline instead.
        inlined = chunks.flatMap((chunk) =>
          shell.has(chunk.fileName) ? [...(chunk.viteMetadata?.importedCss ?? [])] : [],
        );
        if (inlined.length === 0) throw new Error('the shell has no stylesheet to inline');
        let page = html;
        for (const file of inlined) {
          const asset = bundle?.[file];
          if (asset?.type !== 'asset') throw new Error(`${file} is not in the build`);
          const link = new RegExp(`<link rel="stylesheet"[^>]*href="${base}${file}"[^>]*>`);
          if (!link.test(page)) throw new Error(`index.html does not link ${file}`);
          page = page.replace(link, () => `<style>${String(asset.source)}</style>`);
        }
        return {
          html: page,
          tags: [
            ...files.map((file) => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
              injectTo: 'head' as const,
            })),
            ...[...styles].map((file) => ({
              tag: 'link',
              attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `${base}${file}` },
              injectTo: 'head' as const,
            })),
          ],
        };
      },
    },
  };
  /**
   * Vite's preload helper links the stylesheets of every chunk a lazy screen imports, the
   * shell's included, unless a stylesheet link of that name is in the page. Linked again after
   * a screen's own, the shell's rules undid every rule of equal specificity the screen sets over
   * them (Visites showed « Nouvelle visite » on a phone). So the inlined stylesheets leave the
   * chunks' metadata, which Vite's import analysis reads to write each import's list of
   * dependencies, and the build: nothing fetches or precaches them any more. An `enforce: 'post'`
   * plugin's generateBundle runs after the one that writes index.html and before Vite's own
   * post-build plugins (import analysis, manifest).
   */
  const forgetInlinedStyles: Plugin = {
    name: 'valise-forget-inlined-styles',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      if (inlined.length === 0) throw new Error('index.html was not written before the bundle was finished');
      for (const output of Object.values(bundle))
        if (output.type === 'chunk') for (const file of inlined) output.viteMetadata?.importedCss.delete(file);
      for (const file of inlined) delete bundle[file];
      inlined = [];
    },
  };
  return [preload, forgetInlinedStyles];
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

/**
 * How long `expect.poll` waits for a state outside the e2e project: its 1 s default is a timing
 * bet a loaded machine loses (`vi.waitFor` has no setting: the tests use Testing Library's
 * `waitFor`, 15 s in setup-unit.ts, or `expect.poll`).
 */
const POLL_MS = 15_000;

/**
 * Test files run at once in the unit, server and sync projects (the e2e project runs one at a
 * time). Vitest's default, one less than the cores, ran them one after another on a 2-core
 * machine; two at once took the sync project from 99 s to 79–87 s and the server's from 156 s
 * to 85–94 s there (the unit project's main process already kept the second core busy).
 */
const WORKERS = Math.max(2, availableParallelism() - 1);

export default defineConfig({
  plugins: [
    communesData(),
    preact(),
    preloadFirstScreen(),
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
  resolve: {
    // Dexie's ES module build: its default entry wraps the CommonJS build (to guard against two
    // copies in apps that also require() it, which this one never does), and CommonJS needs
    // the bundler's interop helpers in a file of their own, one more request for the first visit.
    alias: [{ find: /^dexie$/, replacement: 'dexie/dist/dexie.mjs' }],
  },
  // A CSS module's class is a 5-character hash of its file and name (Vite's default spells out
  // the name, a hash and a line: `_visit-item__place_1jej9_37`), written in both the stylesheet
  // and the script: about 190 B gzip of the first screen, whose budget is full.
  css: { modules: { generateScopedName: '_[hash:base64:5]' } },
  define: {
    __APP_VERSION__: JSON.stringify(appVersion),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // Read by test/tools/bundle-report.ts to weigh what the first screen loads.
    manifest: true,
    // No preloading of a lazy chunk's imports: Vite's helper for it named every chunk of every
    // screen in the shell, about 1.9 KB gzip of the first visit. index.html links the first
    // screen's chunks itself (preloadFirstScreen), and the service worker caches the other
    // screens' at install, so only a screen opened in the first seconds of a first visit fetches
    // its chunks one after another.
    modulePreload: false,
    // Vite warns of any chunk over 500 kB. One is, by design: "communes-…", the table of every
    // French commune with its postcodes (about 1,070 kB minified, 380 kB gzip), imported only when
    // someone types in a commune field and cached by the worker at install. The limit sits just
    // above it, so a newcomer's first build shows no false alarm yet a chunk that outgrows the
    // table still warns; the first screen has its own, tighter budget (test/tools/bundle-report.ts).
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // The service worker tells the precached shell from lazy screens by these names.
        entryFileNames: 'assets/shell-[hash].js',
        codeSplitting: { groups: chunkGroups() },
        chunkFileNames: (chunk) => chunkName(chunk.facadeModuleId),
      },
    },
  },
  test: {
    maxWorkers: WORKERS,
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
          expect: { poll: { timeout: POLL_MS } },
          // Testing Library waits up to 15 s for a state (setup-unit.ts): a test must outlive it.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          expect: { poll: { timeout: POLL_MS } },
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
          expect: { poll: { timeout: POLL_MS } },
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
