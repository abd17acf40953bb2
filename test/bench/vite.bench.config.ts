// Builds the benchmark's browser harness: the app's own data and sync modules on a bare page.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  logLevel: 'warn',
  build: { target: 'es2022', emptyOutDir: true },
});
