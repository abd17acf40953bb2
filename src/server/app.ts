// The HTTP surface of a network's server: the API under /api and the built app.
import { Hono } from 'hono';
import { HybridClock } from '../protocol/hlc';
import type { ServerConfig } from './config';
import { fail } from './http-errors';
import { adminRoutes } from './routes/admin';
import { attachmentRoutes } from './routes/attachments';
import type { AppEnv } from './routes/env';
import { joinRoutes } from './routes/join';
import { serveApp } from './routes/static';
import { syncRoutes } from './routes/sync-api';
import type { Store } from './store/store';

export interface AppDeps {
  store: Store;
  config: ServerConfig;
  /** Server wall clock (tests move it). */
  now?: () => number;
  log?: (entry: Record<string, unknown>) => void;
}

/** The server's own clock node: conflict records it creates carry it. */
export const SERVER_CLOCK_NODE = '0000000000000000';

export function createApp(deps: AppDeps) {
  const now = deps.now ?? Date.now;
  const clock = new HybridClock(SERVER_CLOCK_NODE, now);
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('store', deps.store);
    c.set('config', deps.config);
    c.set('clock', clock);
    c.set('now', now);
    await next();
  });

  app.get('/api/health', async (c) => {
    const reachable = await deps.store.ping().catch(() => false);
    return c.json({ ok: reachable, store: deps.store.kind, reachable, serverTime: now() }, reachable ? 200 : 503);
  });
  app.route('/api', joinRoutes());
  app.route('/api/sync', syncRoutes());
  app.route('/api/attachments', attachmentRoutes());
  app.route('/api/admin', adminRoutes());
  app.all('/api/*', (c) => fail(c, 404, 'not_found', 'No such API route.'));
  app.route('/', serveApp(deps.config.distDir));

  app.onError((error, c) => {
    log({ level: 'error', message: error.message, path: c.req.path, method: c.req.method });
    return fail(c, 500, 'internal', 'The server failed to answer; nothing was changed by this request. Try again.');
  });
  return app;
}
