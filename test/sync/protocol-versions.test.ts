// Protocol 2's short pushes (one clock per mutation, exceptions apart) and the way a device
// still syncs with a server of protocol 1 (release 0.2.0), which refuses them.
import { beforeEach, describe, expect, it } from 'vitest';
import { createRecords, updateRecord } from '../../src/db/writes';
import { clockOf } from '../../src/domain/merge';
import { formatHlc } from '../../src/protocol/hlc';
import { PROTOCOL_HEADER, type PushRequest, SERVER_HEADER, type WireMutation } from '../../src/protocol/wire';
import { visitCreation } from '../helpers/mutations';
import { withNetworkServer } from '../helpers/network-server';
import type { TestDevice } from '../helpers/test-device';
import { TEST_SERVER_URL } from '../helpers/test-server';

const visits = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    visitedAt: '2026-11-20T09:00:00.000Z',
    services: ['detect' as const],
    notes: `Visite ${index}`,
  }));

describe('pushes between devices and servers of different protocols', () => {
  const network = withNetworkServer();
  let pushed: WireMutation[][];

  beforeEach(() => {
    pushed = [];
  });

  /** A device whose pushes are recorded; `asServer` stands between it and the server. */
  async function device(
    asServer = (url: string, init?: RequestInit) => network.server.fetch(url, init),
  ): Promise<TestDevice> {
    const opened = await network.open('Camille', {
      link: async (url, init) => {
        if (url.includes('/api/sync/push'))
          pushed.push(((await new Response(init?.body).json()) as PushRequest).mutations);
        return asServer(url, init);
      },
    });
    await network.join(opened);
    return opened;
  }

  it('sends one clock per mutation to a server of protocol 2, which keeps it for every field', async () => {
    const phone = await device();
    const [first] = await createRecords(phone.context, 'visits', visits(3));
    await phone.sync();
    await updateRecord(phone.context, 'visits', first?.id ?? '', { notes: 'Rappeler la mairie' });
    await phone.sync();

    expect(await phone.outboxSize()).toBe(0);
    const [creations, edits] = pushed;
    expect(creations).toHaveLength(3);
    for (const mutation of [...(creations ?? []), ...(edits ?? [])]) {
      expect(mutation.clock).toMatch(/Z-[0-9a-f]{4}-[0-9a-f]{16}$/);
      expect(mutation.clocks).toBeUndefined();
    }
    const stored = (await network.snapshot()).find((change) => change.id === first?.id);
    const clocks = JSON.parse(stored?.clocks ?? '{}') as Record<string, string>;
    expect(JSON.parse(stored?.data ?? '{}')).toMatchObject({ notes: 'Rappeler la mairie' });
    expect(clockOf(clocks, 'notes')).toBe(edits?.[0]?.clock);
    expect(clockOf(clocks, 'visitedAt')).toBe(creations?.[0]?.clock);
  });

  it('applies a clock given apart for one field over the mutation’s own clock', async () => {
    const phone = await device();
    // Dated by the phone's own clock node: the server gives another node the pusher's.
    const node = phone.context.identity.clockNode;
    const creation = visitCreation(Date.parse('2026-11-20T09:00:00.000Z'), node);
    const notesClock = formatHlc({ millis: Date.parse('2026-11-21T09:00:00.000Z'), counter: 0, node });
    const { clocks, ...rest } = creation;
    const short: WireMutation = { ...rest, clock: clocks.id as string, clocks: { notes: notesClock } };
    const response = await network.server.fetch(`${TEST_SERVER_URL}/api/sync/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${phone.context.session?.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ mutations: [short] }),
    });
    expect(response.headers.get(PROTOCOL_HEADER)).toBe('2');
    expect(await response.json()).toMatchObject({ results: [{ status: 'applied' }] });
    const [stored] = await network.snapshot();
    const kept = JSON.parse(stored?.clocks ?? '{}') as Record<string, string>;
    expect(clockOf(kept, 'notes')).toBe(notesClock);
    for (const field of ['visitedAt', 'services', 'updatedAt']) expect(clockOf(kept, field)).toBe(clocks.id);
  });

  it('sends a clock per field to a server of protocol 1, also when it went back to one unannounced', async () => {
    // Release 0.2.0: no protocol named in its answers, and a whole push refused for an unknown key.
    let old = true;
    const oldServer = async (url: string, init?: RequestInit) => {
      if (!old) return network.server.fetch(url, init);
      const body = url.includes('/api/sync/push') ? ((await new Response(init?.body).json()) as PushRequest) : null;
      const answer = body?.mutations.some((mutation) => 'clock' in mutation)
        ? Response.json(
            { error: 'The request body is not valid.', code: 'invalid_body' },
            { status: 400, headers: { [SERVER_HEADER]: '0.2.0' } },
          )
        : await network.server.fetch(url, init);
      const headers = new Headers(answer.headers);
      headers.delete(PROTOCOL_HEADER);
      return new Response(answer.body, { status: answer.status, headers });
    };
    const phone = await device(oldServer);
    await createRecords(phone.context, 'visits', visits(2));
    await phone.sync();
    // A server restored to the older release: the first push of a run finds out, and is sent again.
    old = false;
    await phone.sync();
    old = true;
    await createRecords(phone.context, 'visits', visits(3).slice(2));
    await phone.sync();

    expect(phone.engine.status).toMatchObject({ state: 'idle', pending: 0 });
    expect(pushed.map((mutations) => mutations.map((mutation) => 'clock' in mutation))).toEqual([
      [false, false],
      [true],
      [false],
    ]);
    for (const mutation of [...(pushed[0] ?? []), ...(pushed[2] ?? [])])
      expect(Object.keys(mutation.clocks ?? {}).sort()).toEqual(Object.keys(mutation.fields).sort());
    expect((await network.snapshot()).map((change) => JSON.parse(change.data).notes).sort()).toEqual([
      'Visite 0',
      'Visite 1',
      'Visite 2',
    ]);
  });
});
