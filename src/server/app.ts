// The HTTP surface of a network's server: the API under /api and the built app.
import { Hono } from 'hono';
import { HybridClock } from '../protocol/hlc';
import type { ServerConfig } from './config';
import {
  apiCors,
  clientAddress,
  clientLimitKey,
  costOf,
  knownRoutesOnly,
  type Log,
  limitBody,
  noStore,
  plainBodiesOnly,
  requestLog,
  sandboxFiles,
  securityHeaders,
} from './edge';
import { fail, onlyMethods, tooMany } from './http-errors';
import { AheadClaims } from './ops/ahead-claims';
import { HealthCheck, isDiskFull, refusesWrites, roomForLargestWrite } from './ops/health';
import { Metrics } from './ops/metrics';
import { SERVER_CLOCK_NODE } from './push/plan';
import { FailureLimiter, RateLimiter } from './rate-limit';
import { RouteTable } from './route-table';
import { adminRoutes } from './routes/admin';
import { attachmentRoutes } from './routes/attachments';
import type { AppEnv } from './routes/env';
import { joinRoutes } from './routes/join';
import { serveApp } from './routes/static';
import { syncRoutes } from './routes/sync-api';
import { postgresUnreachable } from './store/postgres-refusal';
import type { Store } from './store/store';
import { protocolGate, serverInfo } from './versions';

interface AppDeps {
  store: Store;
  config: ServerConfig;
  /** Server wall clock (tests move it). */
  now?: () => number;
  log?: Log;
  /** The oldest protocol served (MIN_PROTOCOL_VERSION; tests raise it to see a client refused). */
  minProtocol?: number;
  /** The clock of fair shares, in milliseconds (real time; a test stops it to count units alone). */
  monotonic?: () => number;
}

/** Wrong invitation codes one address may send per window before getting 429. */
export const JOIN_FAILURES_PER_ADDRESS = 10;
export const JOIN_FAILURE_WINDOW_MS = 15 * 60_000;

export function createApp(deps: AppDeps) {
  const now = deps.now ?? Date.now;
  const clock = new HybridClock(SERVER_CLOCK_NODE, now);
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  const joinFailures = new FailureLimiter(JOIN_FAILURES_PER_ADDRESS, JOIN_FAILURE_WINDOW_MS);
  const lastTouched = new Map<string, number>();
  const aheadClaims = new AheadClaims();
  const { config } = deps;
  const deviceLimiter = config.deviceRate > 0 ? new RateLimiter(config.deviceRate, config.deviceRate * 30) : null;
  const addressLimiter = config.addressRate > 0 ? new RateLimiter(config.addressRate, config.addressRate * 30) : null;
  // Tests move `now`; a fair share is measured in real time.
  const monotonic = deps.monotonic ?? (() => performance.now());
  const app = new Hono<AppEnv>();
  const info = serverInfo(deps.minProtocol);
  const gate = protocolGate(info.minProtocol);

  const metrics = new Metrics();
  app.use('*', requestLog(log, now, { failures: JOIN_FAILURES_PER_ADDRESS, windowMs: JOIN_FAILURE_WINDOW_MS }));
  app.use('*', metrics.middleware());
  // Before the security headers, so it runs after them: a user's file gets a sandbox, not the app's policy.
  app.use('/api/attachments/*', sandboxFiles());
  app.use('*', securityHeaders());
  app.use('*', async (c, next) => {
    c.set('store', deps.store);
    c.set('config', config);
    c.set('clock', clock);
    c.set('now', now);
    c.set('log', log);
    c.set('metrics', metrics);
    c.set('joinFailures', joinFailures);
    c.set('lastTouched', lastTouched);
    c.set('aheadClaims', aheadClaims);
    c.set('deviceLimiter', deviceLimiter);
    c.set('monotonic', monotonic);
    c.set('serverInfo', info);
    await next();
  });
  const apiRoutes = new RouteTable(() => app.routes, '/api/');
  app.use('/api/*', apiCors(config, apiRoutes));
  app.use('/api/*', noStore());
  if (addressLimiter) {
    app.use('/api/*', async (c, next) => {
      const wait = addressLimiter.take(clientLimitKey(c), costOf(c), monotonic());
      if (wait > 0) return tooMany(c, wait, 'rate_limited', 'this address');
      await next();
    });
  }
  // Health answers monitoring tools, which speak no protocol.
  app.use('/api/*', async (c, next) => (c.req.path === '/api/health' ? next() : gate(c, next)));
  app.use('/api/*', knownRoutesOnly(apiRoutes));
  app.use('/api/*', plainBodiesOnly());
  app.use('/api/attachments/*', limitBody(config.maxAttachmentBytes, 'file'));
  app.on(
    ['POST', 'PUT', 'PATCH', 'DELETE'],
    ['/api/join', '/api/sync/*', '/api/admin/*'],
    limitBody(config.maxBodyBytes, 'request'),
  );

  const health = new HealthCheck(deps.store, roomForLargestWrite(config), now);
  app.get('/api/health', async (c) => {
    const state = await health.current();
    // 503 with a code and a sentence, like every refusal: a monitor alerts on the status alone.
    return c.json({ ...state, store: deps.store.kind, ...info, serverTime: now() }, state.ok ? 200 : 503);
  });
  app.all('/api/health', onlyMethods('GET'));
  app.route('/api', joinRoutes());
  app.route('/api/sync', syncRoutes());
  app.route('/api/attachments', attachmentRoutes());
  app.route('/api/admin', adminRoutes());
  // For Prometheus on the machine itself; anyone else is told there is nothing here.
  app.get('/metrics', async (c) => {
    if (!config.metricsAllow.has(clientAddress(c))) return c.text('Not found', 404);
    c.header('Cache-Control', 'no-store');
    return c.body(await metrics.render(deps.store, now()), 200, { 'Content-Type': 'text/plain; version=0.0.4' });
  });
  app.route('/', serveApp(config.distDir));
  // The app's files are only read: a write to one is refused in JSON like every other refusal.
  app.all('*', (c) => {
    c.header('Allow', 'GET, HEAD');
    return fail(c, 405, 'method_not_allowed', 'The pages of the app are only read (GET or HEAD).');
  });

  app.onError((error, c) => {
    // A client that left in the middle of its body (a phone losing its link during an upload)
    // broke nothing here: its request is the one at fault, and no one reads the answer.
    if (leftBeforeItsBody(error, c.req.raw))
      return fail(c, 400, 'bad_request', 'The connection closed before the request arrived whole. Send it again.');
    // The message goes to the log only: a client never sees a stack trace or an SQL error.
    log({ level: 'error', requestId: c.var.requestId, message: error.message, path: c.req.path, method: c.req.method });
    // The write was rolled back whole: said as the cause it is, for the admin reading a
    // device's report and for monitors, which tell a full disk or a read-only store from a bug.
    if (isDiskFull(error))
      return fail(
        c,
        503,
        'disk_full',
        'The disk holding the server’s data is full: nothing was changed by this request. It can be sent again once the server’s admin has freed space.',
      );
    if (refusesWrites(error))
      return fail(
        c,
        503,
        'store_not_writable',
        'The server’s database does not take writes now: nothing was changed by this request. It can be sent again once the server’s admin has fixed it.',
      );
    // Not "nothing was changed": a connection lost during a commit may have committed it.
    if (postgresUnreachable(error))
      return fail(
        c,
        503,
        'store_unreachable',
        'The server cannot reach its database now: send this request again in a moment.',
      );
    return fail(c, 500, 'internal', 'The server failed to answer; nothing was changed by this request. Try again.');
  });
  return app;
}

/** Whether reading the request's body failed because its client closed the connection. */
function leftBeforeItsBody(error: Error, request: Request): boolean {
  return (error as NodeJS.ErrnoException).code === 'ECONNRESET' && request.signal.aborted;
}
