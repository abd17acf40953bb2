// Serves the built app. Hashed assets are cached forever; the service worker and the shell
// are always revalidated, so an update reaches devices on their next visit.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from './env';

export function serveApp(distDir: string) {
  const routes = new Hono<AppEnv>();
  routes.use('*', async (c, next) => {
    await next();
    const path = c.req.path;
    if (path.startsWith('/assets/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    else c.header('Cache-Control', 'no-cache');
  });
  if (existsSync(distDir)) routes.use('*', serveStatic({ root: distDir }));
  // Any other path is a screen of the single-page app.
  routes.get('*', (c) => {
    const index = join(distDir, 'index.html');
    if (!existsSync(index)) return c.text('The app is not built: run `npm run build` (npm start does it).', 503);
    return c.html(readFileSync(index, 'utf8'));
  });
  return routes;
}
