// Which clients this server serves, and what it says of itself (src/protocol/README.md,
// "Compatibility"). The app sends its protocol version on every request; a client older than
// the oldest protocol this server reads gets 426 and updates, rather than writing data wrong.
import { readFileSync } from 'node:fs';
import type { MiddlewareHandler } from 'hono';
import {
  MIN_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SERVER_HEADER,
  type ServerInfo,
  type UpgradeRequired,
} from '../protocol/wire';
import { fail } from './http-errors';
import type { AppEnv } from './routes/env';

export const SERVER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The first release (0.1.0) sent no protocol header: a request without one speaks protocol 1. */
const UNNAMED_PROTOCOL = 1;
/**
 * A protocol version as every app writes it (`String(PROTOCOL_VERSION)`): Number() would also
 * read '1e3' as 1000, '0x2' as 2 and '2.0', '+2' or '02' as 2.
 */
const PROTOCOL_PATTERN = /^[1-9][0-9]{0,8}$/;

export function serverInfo(minProtocol = MIN_PROTOCOL_VERSION): ServerInfo {
  return { serverVersion: SERVER_VERSION, protocol: PROTOCOL_VERSION, minProtocol };
}

export function protocolGate(minProtocol = MIN_PROTOCOL_VERSION): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header(SERVER_HEADER, SERVER_VERSION);
    // Which protocol this server speaks: a device sends its shortest form only to one that reads it.
    c.header(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
    const sent = c.req.header(PROTOCOL_HEADER);
    if (sent !== undefined && !PROTOCOL_PATTERN.test(sent))
      return fail(
        c,
        400,
        'invalid_header',
        `${PROTOCOL_HEADER} must be a protocol version: an integer ≥ 1 in decimal digits, such as ${PROTOCOL_VERSION}.`,
      );
    const protocol = sent === undefined ? UNNAMED_PROTOCOL : Number(sent);
    if (protocol < minProtocol) {
      const body: UpgradeRequired = {
        error: `This server no longer serves protocol ${protocol}: update the app (protocol ${minProtocol} or later).`,
        code: 'upgrade_required',
        ...serverInfo(minProtocol),
      };
      return c.json(body, 426);
    }
    c.set('firstRelease', sent === undefined);
    await next();
  };
}
