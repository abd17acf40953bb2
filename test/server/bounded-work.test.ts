// Each request's work is bounded before it is done: counts and sizes are checked before items
// are validated, a record and its maps have a size, a refusal never carries a record many times
// nor stores a huge input, and "applied" is said only of a change that changed something.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { formatHlc } from '../../src/protocol/hlc';
import {
  type JoinResponse,
  MAX_MAP_ENTRIES,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '../../src/protocol/wire';
import { JOIN_FAILURES_PER_ADDRESS } from '../../src/server/app';
import { MAX_REASON_CHARS, MAX_REFUSAL_ISSUES } from '../../src/server/push/plan';
import { MAX_OBJECT_KEYS } from '../../src/server/routes/sync-api';
import { diagnosticCreation, notesEdit, visitCreation } from '../helpers/mutations';
import { TEST_SERVER_URL, TestServer } from '../helpers/test-server';

const NOW = Date.parse('2026-11-28T10:00:00.000Z');
const NODE = '0123456789abcdef';
const MB = 1024 * 1024;

let server: TestServer;
let networkId: string;
let device: JoinResponse;

async function send(path: string, body: string, token?: string) {
  const response = await server.fetch(`${TEST_SERVER_URL}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

async function push(mutations: unknown[]): Promise<PushResponse> {
  const answer = await send('/api/sync/push', JSON.stringify({ mutations }), device.token);
  expect(answer.status, answer.text.slice(0, 300)).toBe(200);
  return answer.json as unknown as PushResponse;
}

async function joinBody(code: string) {
  return JSON.stringify({ code, deviceName: 'Téléphone', memberName: 'Camille', clockNode: NODE });
}

function diagnostic(answers: number, text = 'oui'): Mutation {
  return diagnosticCreation(NOW, answers, text, NODE);
}

beforeEach(async () => {
  server = await TestServer.start(() => NOW);
  networkId = (await server.createNetwork('Réseau')).id;
  device = (await send('/api/join', await joinBody(await server.invite(networkId)))).json as unknown as JoinResponse;
});

afterEach(async () => {
  await server.stop();
});

describe('work a request may ask for', () => {
  it('refuses 8 MB of empty mutations by their number, before validating any', async () => {
    const items = Array.from({ length: Math.floor((8 * MB - 20) / 3) }, () => '{}').join(',');
    const answer = await send('/api/sync/push', `{"mutations":[${items}]}`, device.token);
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ code: 'too_complex' });
    const few = await send('/api/sync/push', `{"mutations":[${Array(1001).fill('{}').join(',')}]}`, device.token);
    expect(few.status).toBe(400);
    expect(few.json.issues).toEqual([{ field: 'mutations', message: 'mutations at most 1000 mutations per push' }]);
  });

  it('refuses an object of more keys than any device writes, before checking its entries', async () => {
    expect(MAX_OBJECT_KEYS).toBeGreaterThanOrEqual(2 * MAX_MAP_ENTRIES);
    const wide = diagnostic(0);
    wide.fields.answers = Object.fromEntries(
      Array.from({ length: 100_000 }, (_, index) => [`q${index}`, { status: 'answered', value: 'oui' }]),
    );
    const answer = await send('/api/sync/push', JSON.stringify({ mutations: [wide] }), device.token);
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({
      code: 'too_complex',
      error: `The request body holds an object of more than ${MAX_OBJECT_KEYS} keys.`,
    });
    // An object at the limit is read and judged entry by entry (here: refused for its map's size).
    const under = diagnostic(0);
    under.fields.answers = Object.fromEntries(Array.from({ length: MAX_OBJECT_KEYS }, (_, index) => [`q${index}`, {}]));
    const judged = await send('/api/sync/push', JSON.stringify({ mutations: [under] }), device.token);
    expect(judged.status).toBe(200);
    expect((judged.json as unknown as PushResponse).results[0]?.status).toBe('rejected');
  });

  it('reads at most a small, shallow body on the join route, and counts every refusal against the address', async () => {
    const deep = await send('/api/join', `${'['.repeat(4 * MB)}${']'.repeat(4 * MB)}`);
    expect(deep.status).toBe(413);
    const nested = await send('/api/join', `{"code":${'['.repeat(100)}${']'.repeat(100)}}`);
    expect(nested).toMatchObject({
      status: 413,
      json: { code: 'too_complex', error: 'The request body is nested more than 2 levels deep.' },
    });
    for (let attempt = 2; attempt < JOIN_FAILURES_PER_ADDRESS; attempt++) {
      expect((await send('/api/join', '{"code":[[[1]]]}')).status).toBe(413);
    }
    const right = await send('/api/join', await joinBody(await server.invite(networkId)));
    expect(right.status).toBe(429);
  });
});

describe('records and refusals of bounded size', () => {
  it('refuses a map entry past the limit, and a record past 1 MB', async () => {
    const full = diagnostic(MAX_MAP_ENTRIES);
    expect((await push([full])).results[0]?.status).toBe('applied');
    const clock = formatHlc({ millis: NOW + 1, counter: 0, node: NODE });
    const more = {
      id: newId(),
      type: 'diagnostics',
      recordId: full.recordId,
      fields: { [`answers.q${MAX_MAP_ENTRIES}`]: { status: 'answered', value: 'encore' } },
      clocks: { [`answers.q${MAX_MAP_ENTRIES}`]: clock },
    };
    expect((await push([more])).results[0]).toMatchObject({
      status: 'rejected',
      reason: `invalid diagnostics: answers would hold more than ${MAX_MAP_ENTRIES} entries`,
    });
    expect((await push([diagnostic(60, 'x'.repeat(20_000))])).results[0]).toMatchObject({
      status: 'rejected',
      reason: 'invalid diagnostics: the record would be larger than 1 MB',
    });
  });

  it('carries a refused record once per push however many refusals name it, and never a huge reason', async () => {
    const big = diagnostic(1000, 'y'.repeat(400));
    await push([big]);
    const clock = formatHlc({ millis: NOW + 1, counter: 0, node: NODE });
    const wrong = Array.from({ length: 300 }, (_, index) => ({
      id: newId(),
      type: 'diagnostics',
      recordId: big.recordId,
      fields: { [`answers.q${index}`]: 'pas une réponse'.repeat(200) },
      clocks: { [`answers.q${index}`]: clock },
    }));
    const answer = await send('/api/sync/push', JSON.stringify({ mutations: wrong }), device.token);
    const results = (answer.json as unknown as PushResponse).results;
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(results.filter((result) => 'current' in result)).toHaveLength(1);
    expect(results[0]).toMatchObject({ current: { id: big.recordId } });
    // Each refusal: its reason, and at most a few issues of a bounded size.
    const refusalBound = MAX_REASON_CHARS + MAX_REFUSAL_ISSUES * 500 + 100;
    expect(answer.text.length).toBeLessThan(JSON.stringify(big).length + 300 * refusalBound);

    // Unknown fields are carried, not refused (forward tolerance): 200 answers of the wrong
    // shape are 200 issues, each naming its entry.
    const manyWrong = diagnostic(0);
    manyWrong.fields.answers = Object.fromEntries(
      Array.from({ length: 200 }, (_, index) => [`q${index}`, 'x'.repeat(1000)]),
    );
    const first = (await push([manyWrong])).results[0];
    const replay = (await push([manyWrong])).results[0];
    for (const result of [first, replay]) {
      expect(result?.status).toBe('rejected');
      expect(result?.status === 'rejected' && result.reason.length).toBeLessThanOrEqual(MAX_REASON_CHARS);
      expect(result?.status === 'rejected' && (result.issues?.length ?? 0)).toBeLessThanOrEqual(MAX_REFUSAL_ISSUES);
    }
  });
});

describe('what a push says it did', () => {
  it('strips control characters at the edge, keeping tabs and line ends', async () => {
    const visit = visitCreation(NOW, NODE, newId(), `a\u0000b\u0001c\u001bd\te\nf\r\ng\u007f\ud800h`);
    expect((await push([visit])).results[0]?.status).toBe('applied');
    const pulled = (await (
      await server.fetch(`${TEST_SERVER_URL}/api/sync/pull?since=0`, {
        headers: { Authorization: `Bearer ${device.token}` },
      })
    ).json()) as PullResponse;
    expect(pulled.changes[0]?.data.notes).toBe('abcd\te\nf\r\ng\ufffdh');
  });

  it('refuses __proto__ and constructor as map entries in words', async () => {
    const record = diagnostic(1);
    await push([record]);
    const clock = formatHlc({ millis: NOW + 1, counter: 0, node: NODE });
    for (const entry of ['__proto__', 'constructor']) {
      const result = (
        await push([
          {
            id: newId(),
            type: 'diagnostics',
            recordId: record.recordId,
            fields: { [`answers.${entry}`]: { status: 'answered', value: 'x' } },
            clocks: { [`answers.${entry}`]: clock },
          },
        ])
      ).results[0];
      expect(result).toMatchObject({
        status: 'rejected',
        reason: `invalid diagnostics: answers.${entry} is not a name a field or an entry may have`,
        code: 'invalid_record',
        issues: [{ field: `answers.${entry}`, type: 'reserved_name' }],
      });
    }
  });

  it('refuses a field or clock named __proto__, constructor, prototype or toString with its code and field, applying the rest', async () => {
    const clock = formatHlc({ millis: NOW, counter: 0, node: NODE });
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString']) {
      for (const where of ['"fields":{', '"clocks":{']) {
        const hostile = visitCreation(NOW);
        const fine = visitCreation(NOW);
        // Written as text: an object literal's __proto__ would set a prototype, not a key.
        const planted = JSON.stringify({ mutations: [hostile, fine] }).replace(
          where,
          `${where}"${key}":${where === '"clocks":{' ? `"${clock}"` : '{"polluted":true,"role":"admin"}'},`,
        );
        const answer = await send('/api/sync/push', planted, device.token);
        expect(answer.status, answer.text).toBe(200);
        const [refused, applied] = (answer.json as unknown as PushResponse).results;
        expect(refused).toMatchObject({
          id: hostile.id,
          status: 'rejected',
          code: 'invalid_record',
          issues: [{ field: key, type: 'reserved_name' }],
          reason: `invalid visits: ${key} is not a name a field or an entry may have`,
          current: null,
        });
        expect(applied).toMatchObject({ id: fine.id, status: 'applied' });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
    }
    const pulled = (await (
      await server.fetch(`${TEST_SERVER_URL}/api/sync/pull?since=0`, {
        headers: { Authorization: `Bearer ${device.token}` },
      })
    ).json()) as PullResponse;
    expect(pulled.changes).toHaveLength(8);
    expect(pulled.changes.every((change) => !Object.hasOwn(change.data, 'role'))).toBe(true);
  });

  it('refuses a push whose mutation itself holds __proto__, naming it', async () => {
    const planted = JSON.stringify({ mutations: [visitCreation(NOW)] }).replace(
      '{"id"',
      '{"__proto__":{"role":"admin"},"id"',
    );
    const answer = await send('/api/sync/push', planted, device.token);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'invalid_body', issues: [{ field: 'mutations.0.__proto__' }] });
  });

  it('answers a repeated mutation id with the first answer, and refuses another change under it', async () => {
    const visit = visitCreation(NOW);
    const other = { ...notesEdit(NOW + 5, visit.recordId, 'Autre chose'), id: visit.id };
    const results = (await push([visit, visit, other])).results;
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied', 'rejected']);
    expect(results[2]).toMatchObject({ reason: `mutation id ${visit.id} was already used earlier in this push` });
  });

  it('says "unchanged", not "applied", of a change older than what the server holds', async () => {
    const visit = visitCreation(NOW);
    await push([visit, notesEdit(NOW + 10, visit.recordId, 'Récent')]);
    // Not a text field: an older text would be kept as a conflict, which is a change.
    const clock = formatHlc({ millis: NOW + 5, counter: 0, node: 'aaaaaaaaaaaaaaaa' });
    const stale = { ...notesEdit(NOW + 5, visit.recordId, ''), fields: { updatedBy: 'Ancien' } };
    stale.clocks = { updatedBy: clock };
    await push([{ ...notesEdit(NOW + 10, visit.recordId, 'Récent'), fields: { updatedBy: 'Récent' } }]);
    expect((await push([stale])).results[0]).toMatchObject({ id: stale.id, status: 'unchanged' });
    expect((await push([stale])).results[0]).toMatchObject({ id: stale.id, status: 'unchanged' });
  });
});
