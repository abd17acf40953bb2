import type { Context } from 'hono';
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
