// What every request meets first: a request id and one JSON log line, security headers, CORS
// for the configured origins only, no caching of the API, and body size limits answered in JSON.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { APP_HEADER, PROTOCOL_HEADER, SERVER_HEADER } from '../protocol/wire';
import type { ServerConfig } from './config';
import { fail } from './http-errors';
import { AddressList, limitKey } from './ops/client-address';
import { requestCost } from './rate-limit';
import type { RouteTable } from './route-table';
import type { AppEnv } from './routes/env';

export type Log = (entry: Record<string, unknown>) => void;

/** An id a proxy or a client may propose, if it is short and plain; otherwise a new one. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * One line per request: id, method, path (never the query, headers or body, where codes and
 * tokens travel), status, duration, and the device when one was authenticated.
 */
export function requestLog(log: Log, now: () => number, joinLimit: JoinLimit): MiddlewareHandler<AppEnv> {
  let proxyUnnamed = false;
  return async (c, next) => {
    const proposed = c.req.header('X-Request-Id');
    const requestId = proposed && REQUEST_ID_PATTERN.test(proposed) ? proposed : crypto.randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      time: new Date(now()).toISOString(),
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      address: clientAddress(c),
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(c.var.device ? { deviceId: c.var.device.id, networkId: c.var.device.networkId } : {}),
    });
    if (!proxyUnnamed && behindUnnamedLocalProxy(c)) {
      proxyUnnamed = true;
      log({ level: 'warn', time: new Date(now()).toISOString(), message: unnamedProxyWarning(joinLimit) });
    }
  };
}

/**
 * The app loads only its own scripts and styles (no inline script; the only inline styles are
 * a page's own, named by hash by the route that serves it: `inlineStyles`); it may call another
 * network's server over https (the join form accepts a server address) and the national address
 * base; its only outside images are OpenStreetMap's map tiles (the Carte screen).
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: [(c) => ["'self'", (c as Context<AppEnv>).var.inlineStyles].filter(Boolean).join(' ')],
      imgSrc: ["'self'", 'data:', 'blob:', 'https://tile.openstreetmap.org'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", 'https:'],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
  });
  // Written once the answer is made: only then is it known whether it is a page with inline
  // styles, whose hashes the route judged from the file it served.
  return async (c, next) => {
    await next();
    await headers(c, async () => undefined);
  };
}

/**
 * A file from a user, even opened on its own, runs nothing on the app's origin: its answer's
 * policy is `sandbox` (no script, a unique origin) instead of the app's.
 */
export function sandboxFiles(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.headers.has('Content-Disposition')) c.res.headers.set('Content-Security-Policy', 'sandbox');
  };
}

/**
 * Another site may call the API only if it is listed in VALISE_ALLOWED_ORIGINS. Only a listed
 * origin's preflight for a route the API has is answered here (204, with the route's methods);
 * any other OPTIONS goes on like any method: 404 for a path the API does not have, 405 with
 * `Allow` for a route that takes other methods.
 */
export function apiCors(config: ServerConfig, routes: RouteTable): MiddlewareHandler<AppEnv> {
  const allowed = new Set(config.allowedOrigins);
  const headers = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: (_origin, c) => routes.methodsOf(c.req.path) ?? [],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', APP_HEADER, PROTOCOL_HEADER],
    exposeHeaders: ['X-Request-Id', SERVER_HEADER, PROTOCOL_HEADER],
    maxAge: 600,
  });
  return async (c, next) => {
    const preflight =
      allowed.has(c.req.header('Origin') ?? '') &&
      c.req.header('Access-Control-Request-Method') !== undefined &&
      routes.methodsOf(c.req.path) !== undefined;
    if (c.req.method === 'OPTIONS' && !preflight) return next();
    return headers(c, next);
  };
}

/** A path of the API that no route serves gets 404, whatever the method and before any token is asked. */
export function knownRoutesOnly(routes: RouteTable): MiddlewareHandler<AppEnv> {
  return async (c, next) => (routes.methodsOf(c.req.path) ? next() : fail(c, 404, 'not_found', 'No such API route.'));
}

/**
 * API answers are one device's private data of one moment: no browser, proxy or shared
 * device's cache may keep them (files included: they stay in the app's own storage).
 */
export function noStore(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  };
}

/**
 * Bodies are read as sent: a body declared compressed (gzip, deflate, br) is refused, not taken
 * for JSON it is not, nor for a file damaged on its way (« send it again », for ever). No device
 * compresses what it sends, and nothing is decompressed: a small body cannot become a huge one.
 */
export function plainBodiesOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const codings = c.req.header('Content-Encoding')?.split(',') ?? [];
    if (codings.every((coding) => ['', 'identity'].includes(coding.trim().toLowerCase()))) return next();
    c.header('Accept-Encoding', 'identity');
    return fail(
      c,
      415,
      'unsupported_encoding',
      'The request body must be sent as it is, without Content-Encoding: this server does not decompress it.',
    );
  };
}

/** Refuses a body over `maxBytes` before reading it whole (chunked bodies included). */
export function limitBody(
  maxBytes: number,
  what: string,
  onRefuse?: (c: Context<AppEnv>) => void,
): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      onRefuse?.(c as Context<AppEnv>);
      // The rest of the body is read and thrown away after the answer (src/server/http-server.ts).
      return fail(c, 413, 'too_large', `The ${what} is larger than the ${megabytes(maxBytes)} this server accepts.`);
    },
  });
}

export function megabytes(bytes: number): string {
  const value = bytes / 1024 / 1024;
  return `${value >= 1 ? value.toFixed(1).replace(/\.0$/, '') : String(Number(value.toPrecision(2)))} MB`;
}

/** The units of the caller's fair share this request takes (src/server/rate-limit.ts). */
export function costOf(c: Context<AppEnv>): number {
  return requestCost(
    { contentLength: c.req.header('Content-Length'), transferEncoding: c.req.header('Transfer-Encoding') },
    c.var.config.maxBodyBytes,
  );
}

/** What the caller's requests and wrong codes are counted under (its address, an IPv6 /64). */
export function clientLimitKey(c: Context<AppEnv>): string {
  return limitKey(clientAddress(c));
}

const LOOPBACK = new AddressList(['127.0.0.0/8', '::1'], 'loopback');

/** Wrong invitation codes one address may send per window before it is refused (app.ts's figures). */
interface JoinLimit {
  failures: number;
  windowMs: number;
}

function unnamedProxyWarning(joinLimit: JoinLimit): string {
  return (
    'Requests come through a reverse proxy on this machine (they carry X-Forwarded-For) that VALISE_TRUSTED_PROXIES ' +
    `does not name: every device counts as that one address, so ${joinLimit.failures} wrong invitation codes from ` +
    `anyone stop everyone joining for ${Math.round(joinLimit.windowMs / 60_000)} minutes, and all devices share ` +
    'one address’s rate. Set VALISE_TRUSTED_PROXIES=127.0.0.1 (or ::1).'
  );
}

/**
 * A proxy set up by hand in front of the server (nginx, Caddy) without VALISE_TRUSTED_PROXIES:
 * nothing failed, the whole network was counted as one address. Said once, to the admin's log;
 * only for a proxy on this machine, which no caller from outside can pose as.
 */
function behindUnnamedLocalProxy(c: Context<AppEnv>): boolean {
  if (!c.req.header('X-Forwarded-For')) return false;
  let socket: string | undefined;
  try {
    socket = getConnInfo(c).remote.address;
  } catch {
    return false;
  }
  return socket !== undefined && LOOPBACK.has(socket) && !c.var.config.trustedProxies.has(socket);
}

/** The caller's address: the socket's, or what the trusted reverse proxies say it is. */
export function clientAddress(c: Context<AppEnv>): string {
  let socket: string;
  try {
    socket = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not behind Node's HTTP server (tests call the app directly).
    return 'local';
  }
  return c.var.config.trustedProxies.client(socket, c.req.header('X-Forwarded-For'));
}
