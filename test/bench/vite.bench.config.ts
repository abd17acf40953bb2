// Builds the benchmark's browser harness: the app's own data and sync modules on a bare page.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  logLevel: 'warn',
  // The sync transport names the app's version on every request, as the app's build does.
  define: { __APP_VERSION__: JSON.stringify(`${version}+bench`) },
  build: { target: 'es2022', emptyOutDir: true },
});
