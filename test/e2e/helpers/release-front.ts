// A second door to one server: another origin that serves another build of the app (a
// previous release, as a phone that never updated holds it) and passes every /api request to
// the server unchanged. Two builds, one server and one store, as in a network mid-upgrade.
import type { Server } from 'node:http';
import { Hono } from 'hono';
import { proxy } from 'hono/proxy';
import { listen } from '../../../src/server/http-server';
import { serveApp } from '../../../src/server/routes/static';
import { freePort } from '../../helpers/free-port';

export interface Front {
  url: string;
  stop(): Promise<void>;
}

/** `port`: reuse one (the same origin, so the same phone's storage, serving another build). */
export async function startFront(distDir: string, apiUrl: string, port?: number): Promise<Front> {
  const app = new Hono();
  app.all('/api/*', (c) => {
    const { pathname, search } = new URL(c.req.url);
    return proxy(`${apiUrl}${pathname}${search}`, { raw: c.req.raw, headers: c.req.header() });
  });
  app.route('/', serveApp(distDir));
  const listenPort = port ?? (await freePort());
  const server = await new Promise<Server>((resolve) => {
    const listening: Server = listen(app, { port: listenPort, hostname: '127.0.0.1' }, () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${listenPort}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
