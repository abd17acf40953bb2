import type { Context, Env, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../protocol/wire';

export function fail(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  error: string,
  issues?: ApiError['issues'],
) {
  const body: ApiError = { error, code, ...(issues ? { issues } : {}) };
  return c.json(body, status);
}

/** 429 with the wait in the Retry-After header and in the JSON, said in words. */
export function tooMany(c: Context, waitMs: number, code: string, who: string) {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  c.header('Retry-After', String(seconds));
  const body: ApiError = {
    error: `Too many requests from ${who}. Try again in ${seconds} second${seconds > 1 ? 's' : ''}.`,
    code,
    retryAfterSeconds: seconds,
  };
  return c.json(body, 429);
}

/**
 * For a route of the API called with a method it does not take: 405 with the methods it does
 * take (a GET route answers HEAD too), rather than the 404 of a route that does not exist.
 */
export function onlyMethods(...methods: string[]) {
  const allow = methods.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method])).join(', ');
  return (c: Context) => {
    c.header('Allow', allow);
    return fail(c, 405, 'method_not_allowed', `This address of the API takes ${allow} only.`);
  };
}

/**
 * Gives every route of a router, once they are all declared, its 405 for the methods it does
 * not take: read from the routes themselves, so a new route needs no list of its own to keep.
 */
export function refuseOtherMethods<E extends Env>(routes: Hono<E>): Hono<E> {
  const taken = new Map<string, Set<string>>();
  for (const { method, path } of routes.routes) {
    // Middleware ('ALL') takes no method of its own.
    if (method !== 'ALL') taken.set(path, (taken.get(path) ?? new Set()).add(method));
  }
  for (const [path, methods] of taken) routes.all(path, onlyMethods(...[...methods].sort()));
  return routes;
}
