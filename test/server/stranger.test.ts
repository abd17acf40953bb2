// What a stranger on the internet (or a device whose token leaked) can make a real server on
// loopback do with one connection: nothing may stay in its memory, keep its connection busy or
// be stored from a refused request, and every refusal is JSON with its code.
import { EventEmitter, once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_FAILURES_PER_ADDRESS } from '../../src/server/app';
import { issueInvitation } from '../../src/server/invitations';
import { call, type HostileWorld, rawCall, startHostileWorld } from '../helpers/hostile-world';

let world: HostileWorld;
/** The server's log lines, each as it is written. */
const logged = new EventEmitter<{ line: [Record<string, unknown>] }>();

beforeAll(async () => {
  world = await startHostileWorld({}, undefined, (line) => logged.emit('line', line));
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

/** A body that never ends: chunks as fast as the server takes them, until `stop` says so. */
function endlessBody(stop: AbortSignal): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  return new ReadableStream({
    pull(controller) {
      if (stop.aborted) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

describe('a token request', () => {
  it('reads at most 4 KB, declared or streamed without end, and keeps the token it was sent with', async () => {
    const { token } = world.a.concierge;
    const declared = await rawCall(world.url, '/api/session/token', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: 'k'.repeat(43), padding: ' '.repeat(8 * 1024) }),
    });
    expect(declared.status).toBe(413);
    expect(declared.json).toMatchObject({ code: 'too_large' });

    const stop = new AbortController();
    const streamed = await fetch(`${world.url}/api/session/token`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: endlessBody(stop.signal),
      duplex: 'half',
    } as RequestInit);
    stop.abort();
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ code: 'too_large' });

    expect((await call(world.url, '/api/session', { token })).status).toBe(200);
    expect((await call(world.url, '/api/session', { token: 'k'.repeat(43) })).status).toBe(401);
  });
});

/**
 * Sends `head`, then a chunked body that never ends, a chunk every few milliseconds; resolves
 * with what the server answered once it closes the connection.
 */
function answerToEndlessBody(head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(world.url);
    const socket = connect(Number(port), hostname);
    const chunk = `4000\r\n${' '.repeat(0x4000)}\r\n`;
    let answer = '';
    const trickle = setInterval(() => socket.write(chunk), 5);
    socket.on('data', (data: Buffer) => {
      answer += data.toString('utf8');
    });
    // Writes racing the close may fail (EPIPE, ECONNRESET): the answer is what counts.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(trickle);
      if (answer) resolve(answer);
      else reject(new Error(`${head.split('\r\n')[0]}: closed without an answer`));
    });
    socket.write(`${head}\r\nHost: valise.test\r\nTransfer-Encoding: chunked\r\n\r\n`);
  });
}

describe('a body sent with a GET or HEAD', () => {
  it.each([
    ['GET /api/health HTTP/1.1', 'HTTP/1.1 200'],
    ['HEAD /api/health HTTP/1.1', 'HTTP/1.1 200'],
    ['GET / HTTP/1.1', 'HTTP/1.1 200'],
    ['GET /api/sync/pull HTTP/1.1', 'HTTP/1.1 401'],
  ])(
    'without end, with %s, is not read for ever: the answer comes, then the connection closes',
    async (head, status) => {
      const answer = await answerToEndlessBody(head);
      expect(answer.startsWith(status), answer.slice(0, 200)).toBe(true);
    },
  );
});

/** One connection on which a test writes a request piece by piece and reads each answer. */
class RawConnection {
  private readonly socket: Socket;
  private received = '';
  private closed = false;
  private readonly changed = new EventEmitter();

  constructor(url: string) {
    const { hostname, port } = new URL(url);
    this.socket = connect(Number(port), hostname);
    this.socket.on('data', (data: Buffer) => {
      this.received += data.toString('latin1');
      this.changed.emit('change');
    });
    this.socket.on('error', () => {});
    this.socket.on('close', () => {
      this.closed = true;
      this.changed.emit('change');
    });
  }

  /** Resolves once the bytes are handed to the system, rejects when the connection was cut. */
  write(bytes: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  /** Everything received, once it holds `count` answers' status lines, or the connection closed. */
  async answers(count: number): Promise<string> {
    while ((this.received.match(/HTTP\/1\.1 \d{3} /g) ?? []).length < count && !this.closed)
      await once(this.changed, 'change');
    return this.received;
  }

  isClosed(): Promise<boolean> {
    return this.closed ? Promise.resolve(true) : once(this.changed, 'change').then(() => this.closed);
  }

  end(): void {
    this.socket.destroy();
  }
}

describe('a body refused before it was all sent', () => {
  it('is read to its end and thrown away: the client that goes on sending it reads the 413, then the connection serves its next request', async () => {
    // A device whose push or file is over the limit sends it whole before it reads the answer
    // (Node's fetch does): a connection cut under it was a broken pipe (EPIPE), not the 413.
    const connection = new RawConnection(world.url);
    const size = 9 * 1024 * 1024;
    const piece = Buffer.alloc(256 * 1024, 0x20);
    try {
      await connection.write(
        `POST /api/sync/push HTTP/1.1\r\nHost: valise.test\r\nAuthorization: Bearer ${world.a.concierge.token}\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`,
      );
      await connection.write(piece);
      expect(await connection.answers(1)).toMatch(/^HTTP\/1\.1 413 [\s\S]*"code":"too_large"/);
      for (let sent = piece.length; sent < size; sent += piece.length)
        await connection.write(piece.subarray(0, Math.min(piece.length, size - sent)));
      await connection.write('GET /api/health HTTP/1.1\r\nHost: valise.test\r\n\r\n');
      const [, second] = (await connection.answers(2)).split(/(?=HTTP\/1\.1 \d{3} )/);
      expect(second).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      connection.end();
    }
  });

  it('is not waited for when it says it is larger than twice the largest body the server takes', async () => {
    const connection = new RawConnection(world.url);
    try {
      await connection.write(
        `PUT /api/attachments/${'a'.repeat(64)} HTTP/1.1\r\nHost: valise.test\r\nContent-Length: ${1024 ** 4}\r\n\r\n`,
      );
      expect(await connection.answers(1)).toMatch(/^HTTP\/1\.1 413 /);
      expect(await connection.isClosed()).toBe(true);
    } finally {
      connection.end();
    }
  });
});

describe('a request whose client leaves before its body has all arrived', () => {
  /** Every log line of the request named `requestId`, up to its own (the one with a status). */
  function linesOf(requestId: string): Promise<Record<string, unknown>[]> {
    const lines: Record<string, unknown>[] = [];
    return new Promise((resolve) => {
      const read = (line: Record<string, unknown>) => {
        if (line.requestId !== requestId) return;
        lines.push(line);
        if (line.status === undefined) return;
        logged.off('line', read);
        resolve(lines);
      };
      logged.on('line', read);
    });
  }

  it.each([
    [
      'a file a device was uploading',
      () =>
        `PUT /api/attachments/${'b'.repeat(64)} HTTP/1.1\r\nHost: valise.test\r\nAuthorization: Bearer ${world.a.concierge.token}\r\nContent-Type: image/jpeg\r\nContent-Length: 100000\r\n`,
    ],
    [
      'a push sent in chunks, without a token',
      () => 'POST /api/sync/push HTTP/1.1\r\nHost: valise.test\r\nTransfer-Encoding: chunked\r\n',
    ],
  ])('is no failure of the server in its log or its metrics (no 500): %s', async (_, head) => {
    // A phone on a weak link loses its connection in the middle of an upload every day: an
    // admin reading the log, or a monitor counting 5xx, must not take that for a bug.
    const requestId = `gone-${crypto.randomUUID()}`;
    const lines = linesOf(requestId);
    const connection = new RawConnection(world.url);
    await connection.write(`${head()}X-Request-Id: ${requestId}\r\n\r\n`);
    await connection.write(head().includes('chunked') ? '400\r\n{"mutations":[' : '\xff\xd8\xff'.repeat(1000));
    connection.end();
    const all = await lines;
    expect(all.filter((line) => line.level === 'error')).toEqual([]);
    expect(all.at(-1)?.status).toBe(400);
  });
});

describe('invitation codes guessed from many IPv6 addresses of one line', () => {
  let behindProxy: HostileWorld;
  beforeAll(async () => {
    // The test's loopback connections act as the proxy: each request names its client.
    behindProxy = await startHostileWorld({ VALISE_TRUSTED_PROXIES: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => {
    await behindProxy?.stop();
  });

  it('counts them under the line’s /64, and still lets another line join', async () => {
    const join = async (code: string, client: string) =>
      call(behindProxy.url, '/api/join', {
        method: 'POST',
        headers: { 'X-Forwarded-For': client, 'Content-Type': 'application/json' },
        body: JSON.stringify({ code, deviceName: 'Tel', memberName: 'Sam', clockNode: 'abcdefabcdefabcd' }),
      });
    for (let attempt = 1; attempt <= JOIN_FAILURES_PER_ADDRESS; attempt++)
      expect((await join('AAAA-BBBB-CCCC', `2001:db8:5:6::${attempt.toString(16)}`)).status).toBe(403);
    const { code } = await issueInvitation(behindProxy.store, behindProxy.a.networkId, 'concierge', 24);
    const guesser = await join(code, '2001:db8:5:6:a:b:c:d');
    expect(guesser.status).toBe(429);
    expect(guesser.json).toMatchObject({ code: 'too_many_attempts' });
    expect((await join(code, '2001:db8:5:7::1')).status).toBe(200);
  });
});
