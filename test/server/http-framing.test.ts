// Requests Node refuses before the app sees them still get a JSON answer that says what is
// wrong: headers too large (431), headers that never finish (408), bytes that are not HTTP or
// an HTTP/1.1 request without Host (400), an unknown Expect (417), a CONNECT (405).

import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../src/server/http-server';

let server: ReturnType<typeof listen>;
let port: number;

beforeAll(async () => {
  server = listen({ fetch: () => new Response('ok') }, { port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/**
 * Sends raw bytes and reads everything the server answers until it closes. A stalled client
 * sends them and keeps its side open, as if more were to come.
 */
function raw(bytes: string, client: 'done' | 'stalled' = 'done'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    if (client === 'stalled') socket.write(bytes);
    else socket.end(bytes);
  });
}

/** The JSON body of a raw HTTP answer. */
const bodyOf = (answer: string): unknown => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));

describe('requests Node refuses', () => {
  it('answers headers over the limit with 431 in JSON, naming the limit', async () => {
    const answer = await raw(`GET / HTTP/1.1\r\nHost: valise.test\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(answer)).toEqual({
      error: "The request's headers are larger than the 16 KB this server reads.",
      code: 'headers_too_large',
    });
  });

  it('answers a request whose headers never finish with 408 in JSON, then closes', async () => {
    // A slow or stalled client (slowloris) holds a connection only until the headers' timeout.
    const timeouts = { headers: server.headersTimeout, request: server.requestTimeout };
    server.headersTimeout = 500;
    server.requestTimeout = 500;
    try {
      const answer = await raw('GET / HTTP/1.1\r\nHost: valise.test\r\n', 'stalled');
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(bodyOf(answer)).toMatchObject({ code: 'request_timeout' });
    } finally {
      server.headersTimeout = timeouts.headers;
      server.requestTimeout = timeouts.request;
    }
  }, 60_000);

  it('closes a connection that sends nothing once the headers’ time is up', async () => {
    const timeout = server.headersTimeout;
    server.headersTimeout = 500;
    try {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      await new Promise((resolve) => socket.once('close', resolve));
    } finally {
      server.headersTimeout = timeout;
    }
  }, 10_000);

  it.each([
    ['an HTTP/1.1 request without Host', 'GET / HTTP/1.1\r\n\r\n', 400, 'bad_request'],
    [
      'an Expect other than 100-continue',
      'GET / HTTP/1.1\r\nHost: valise.test\r\nExpect: x-foo\r\n\r\n',
      417,
      'expectation_failed',
    ],
    [
      'a CONNECT, as to a proxy',
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
      405,
      'method_not_allowed',
    ],
  ])('answers %s in JSON, not with an empty body or a dropped connection', async (_, request, status, code) => {
    const answer = await raw(request);
    expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(bodyOf(answer)).toMatchObject({ code, error: expect.any(String) });
  });

  it('answers bytes that are not HTTP with 400 in JSON', async () => {
    const answer = await raw('HELLO\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(answer)).toMatchObject({ code: 'bad_request' });
  });
});
