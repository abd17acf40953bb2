// Node's HTTP server around the app. A request Node can parse but the Fetch API cannot hold
// (a bad Host header, a backslash in the path) never reaches the app; it
// still gets a JSON error like every other refusal, and so do bytes that are not HTTP at all.
import {
  createServer,
  type IncomingMessage,
  maxHeaderSize,
  type OutgoingHttpHeader,
  type OutgoingHttpHeaders,
  type Server,
  ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { getRequestListener, RequestError } from '@hono/node-server';
import { IDLE_CONNECTION_MS, REQUEST_ARRIVAL_LIMIT_MS } from '../protocol/timeouts';
import type { ApiError } from '../protocol/wire';

type FetchApp = { fetch: (request: Request, env: unknown) => Response | Promise<Response> };

function jsonError(status: number, body: ApiError): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' },
  });
}

export function listen(
  app: FetchApp,
  options: {
    port: number;
    hostname: string;
    /** The largest body a route takes (bytes): a body refused unread is thrown away up to twice this. */
    largestBody?: number;
  },
  onListening?: (info: AddressInfo) => void,
): Server {
  const listener = getRequestListener(app.fetch, {
    hostname: options.hostname,
    // Its own clean-up closes a connection half a second after the answer when the body is not
    // all read: a phone still sending the rest then sees a broken pipe, not the answer. The
    // rest of a body is thrown away below instead, within bounds.
    autoCleanupIncoming: false,
    errorHandler: (error) =>
      error instanceof RequestError
        ? jsonError(400, { error: 'The request is not valid HTTP for this server.', code: 'bad_request' })
        : jsonError(500, {
            error: 'The server failed to answer; nothing was changed by this request. Try again.',
            code: 'internal',
          }),
  });
  // Stalled clients (headers or a body that never finish: slowloris) are looked for every 5 s
  // rather than Node's 30, so each holds its socket little past its timeout. The timeout is
  // the one devices size their uploads by (a file on a slow uplink may take minutes).
  const server: Server = createServer(
    {
      connectionsCheckingInterval: 5_000,
      requestTimeout: REQUEST_ARRIVAL_LIMIT_MS,
      keepAliveTimeout: IDLE_CONNECTION_MS,
      ServerResponse: closingAnswers(() => !server.listening),
      // Node's own 400 for an HTTP/1.1 request without Host has no body: it is answered below.
      requireHostHeader: false,
    },
    (incoming, outgoing) => {
      if (incoming.httpVersion === '1.1' && incoming.headers.host === undefined)
        return answer(outgoing, 400, { error: 'An HTTP/1.1 request must name its Host.', code: 'bad_request' });
      outgoing.once('finish', () => discardUnreadBody(incoming, options.largestBody ?? DEFAULT_LARGEST_BODY));
      return listener(incoming, outgoing);
    },
  );
  // Node's headersTimeout runs from a request's first byte: a connection that sends none was
  // kept open for ever (3,000 silent ones still held after 70 s), each a file descriptor. One
  // that has sent nothing when the headers' time is up is closed; there is no request to answer.
  server.on('connection', (socket: Socket) => {
    const silent = setTimeout(() => {
      if (socket.bytesRead === 0) socket.destroy();
    }, server.headersTimeout).unref();
    socket.once('close', () => clearTimeout(silent));
  });
  // Node answers these itself with an empty body (417), or drops the connection (CONNECT).
  server.on('checkExpectation', (_incoming: IncomingMessage, outgoing: ServerResponse) =>
    answer(outgoing, 417, { error: 'This server meets no Expect but 100-continue.', code: 'expectation_failed' }),
  );
  server.on('connect', (_incoming: IncomingMessage, socket: Duplex) =>
    socket.end(
      rawAnswer('405 Method Not Allowed', {
        error: 'This server is no proxy: it takes no CONNECT.',
        code: 'method_not_allowed',
      }),
    ),
  );
  // A request Node's parser gave up on (not HTTP, headers too large, too slow): a JSON answer,
  // then the door closes.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // A connection whose request was answered while its body was still coming (below) has its
    // answer: a second one (Node's requestTimeout still runs) would be read as the next request's.
    if (!socket.writable || error.code === 'ECONNRESET' || answeredEarly.has(socket)) return socket.destroy();
    const [status, body] = refusalOf(error.code);
    socket.end(rawAnswer(status, body));
  });
  server.listen(options.port, options.hostname, () => onListening?.(server.address() as AddressInfo));
  return server;
}

/** A refusal in JSON written by the request handler of Node's server, outside the app. */
function answer(outgoing: ServerResponse, status: number, body: ApiError): void {
  const text = JSON.stringify(body);
  outgoing.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    Connection: 'close',
  });
  outgoing.end(text);
}

/** A whole HTTP answer in JSON, for a socket no response object stands for. */
function rawAnswer(status: string, body: ApiError): string {
  const text = JSON.stringify(body);
  return `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`;
}

/**
 * Answers that end their connection once the server is closing (SIGTERM). close() only ends
 * the connections idle at that moment: one busy then (a push in flight), reused by its client
 * right after its answer (Caddy's pool of connections, a monitor), kept the server up until
 * it was killed mid-request.
 */
function closingAnswers(closing: () => boolean) {
  return class ClosingAnswer extends ServerResponse {
    override writeHead(
      statusCode: number,
      messageOrHeaders?: string | OutgoingHttpHeaders | OutgoingHttpHeader[],
      headers?: OutgoingHttpHeaders | OutgoingHttpHeader[],
    ): this {
      if (closing()) this.setHeader('Connection', 'close');
      return typeof messageOrHeaders === 'string'
        ? super.writeHead(statusCode, messageOrHeaders, headers)
        : super.writeHead(statusCode, messageOrHeaders);
    }
  };
}

/** When the caller does not say: the server's default limits (10 MB files, 8 MB requests). */
const DEFAULT_LARGEST_BODY = 10 * 1024 * 1024;

/** Connections answered before their request's body was all read (discardUnreadBody). */
const answeredEarly = new WeakSet<Duplex>();

/** How long the rest of a body sent without its length may still arrive once its request is answered. */
const UNDECLARED_BODY_GRACE_MS = 500;

/**
 * A request answered before its body was all read: a refusal (413 too large, 401, 429…), or a
 * GET with a body. The client is still sending, and closing on unread bytes resets the
 * connection: Node's fetch, the app's own transport, then sees a broken pipe (EPIPE) and never
 * reads the answer. So the rest is read and thrown away, and the connection lives on.
 * Bounded, so a stranger cannot make the server read without end (on top of Node's
 * requestTimeout, counted from the request's start): a declared length up to twice the largest body
 * the server takes is read to its end, in the time any body may take to arrive; a larger one is
 * not waited for; a body without a length (chunked: the app never sends one) gets half a second.
 * Past a bound, the connection closes.
 */
function discardUnreadBody(incoming: IncomingMessage, largestBody: number): void {
  const { socket } = incoming;
  if (incoming.complete || socket.destroyed) return;
  answeredEarly.add(socket);
  const bound = 2 * largestBody;
  const declared = incoming.headers['content-length'];
  if (declared !== undefined && Number(declared) > bound) return void socket.destroy();
  const timer = setTimeout(
    () => socket.destroy(),
    declared === undefined ? UNDECLARED_BODY_GRACE_MS : REQUEST_ARRIVAL_LIMIT_MS,
  );
  const done = () => {
    clearTimeout(timer);
    answeredEarly.delete(socket);
    socket.off('close', done);
  };
  incoming.once('end', done);
  socket.once('close', done);
  let discarded = 0;
  // The app may have begun reading (a stream that stopped at the limit): its reader is dropped.
  incoming.removeAllListeners('data');
  incoming.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > bound) socket.destroy();
  });
  incoming.resume();
}

/** What a client whose request Node's parser gave up on is told, and with which status. */
function refusalOf(code: string | undefined): [string, ApiError] {
  // Headers past Node's limit (a huge cookie, a token pasted many times) are not malformed:
  // the client is told which part to shorten, with the status made for it.
  if (code === 'HPE_HEADER_OVERFLOW')
    return [
      '431 Request Header Fields Too Large',
      {
        error: `The request's headers are larger than the ${Math.round(maxHeaderSize / 1024)} KB this server reads.`,
        code: 'headers_too_large',
      },
    ];
  // The headers or the body did not arrive in time (Node's headersTimeout / requestTimeout).
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return [
      '408 Request Timeout',
      { error: 'The request took too long to arrive. Send it again.', code: 'request_timeout' },
    ];
  return ['400 Bad Request', { error: 'The request is not valid HTTP.', code: 'bad_request' }];
}
