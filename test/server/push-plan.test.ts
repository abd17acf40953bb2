// Push planning refusals a device must hear about rather than see silently dropped.
import { describe, expect, it } from 'vitest';
import { HybridClock } from '../../src/protocol/hlc';
import { newSealKey } from '../../src/server/push/conflict-seal';
import { MAX_PUSH_WORK_CHARS, planPush, SERVER_CLOCK_NODE } from '../../src/server/push/plan';
import { diagnosticCreation, notesEdit, PUSHER, visitCreation } from '../helpers/mutations';

const NOW = Date.parse('2026-11-28T10:00:00.000Z');
const context = {
  networkId: '01a2249d-1778-7775-a433-d6a687fef917',
  role: 'concierge' as const,
  clock: new HybridClock(SERVER_CLOCK_NODE, () => NOW),
  now: NOW,
  pusher: PUSHER,
  sealKey: newSealKey(),
  authorOf: () => '',
};

describe('planning a push', () => {
  it('refuses a map entry on a field that is no map, instead of dropping it', () => {
    const mutation = visitCreation(NOW);
    mutation.fields['answers.q1'] = 'oui';
    mutation.clocks['answers.q1'] = mutation.clocks.notes as string;
    const plan = planPush(context, [mutation], new Map(), new Map());
    expect(plan.results[0]?.result).toEqual({
      status: 'rejected',
      reason: 'invalid visits: answers.q1 is not an entry of a field of this record',
      code: 'invalid_record',
      issues: [
        { field: 'answers.q1', type: 'stray_entry', message: 'answers.q1 is not an entry of a field of this record' },
      ],
    });
    expect(plan.writes).toEqual([]);
  });

  it('still applies the same visit without the stray entry', () => {
    const plan = planPush(context, [visitCreation(NOW)], new Map(), new Map());
    expect(plan.results[0]?.result).toEqual({ status: 'applied' });
    expect(plan.writes).toHaveLength(1);
  });

  it('writes a record again, unchanged, when another device’s clock it brings loses a tie under its node', () => {
    // The server holds the text under a node greater than the pusher's, at the same instant as
    // the clock the pusher sends again (a re-send after a restore): it would have won as sent.
    const firstNode = 'e0e0e0e0e0e0e0e0';
    const created = planPush(
      { ...context, pusher: { ...PUSHER, clockNode: firstNode } },
      [visitCreation(NOW, firstNode, undefined, 'Hors ligne')],
      new Map(),
      new Map(),
    );
    const row = created.writes[0];
    if (!row) throw new Error('the visit was not created');
    const resent = { ...notesEdit(NOW, row.id, 'Hors ligne', 'f0f0f0f0f0f0f0f0'), resent: true as const };
    const plan = planPush(context, [resent], new Map([[row.id, row]]), new Map());
    expect(plan.results[0]?.result.status).toBe('unchanged');
    // Pulled again, it gives the device the server's clocks; nothing the restore lost came back.
    expect(plan.writes).toEqual([row]);
    expect(plan.broughtBack).toEqual([]);
  });

  it('stops answering at its work bound, the rest unanswered and unapplied, and always answers one', () => {
    const big = diagnosticCreation(NOW, 2000, 'y'.repeat(400));
    const created = planPush(context, [big], new Map(), new Map());
    const row = created.writes[0];
    if (!row) throw new Error('the diagnostic was not created');
    const existing = new Map([[row.id, row]]);
    const chars = JSON.stringify(row.data).length;
    const edits = Array.from({ length: 100 }, (_, index) => ({
      ...notesEdit(NOW + 1, row.id, ''),
      type: 'diagnostics',
      fields: { [`answers.q${index}`]: { status: 'answered', value: 'non' } },
      clocks: { [`answers.q${index}`]: notesEdit(NOW + 1, row.id, '').clocks.notes as string },
    }));
    const plan = planPush(context, edits, existing, new Map());
    expect(plan.results).toHaveLength(Math.ceil(MAX_PUSH_WORK_CHARS / chars));
    expect(plan.results.every(({ result }) => result.status === 'applied')).toBe(true);
    const answers = plan.writes[0]?.data.answers as Record<string, { value: string }>;
    expect(answers[`q${plan.results.length - 1}`]?.value).toBe('non');
    expect(answers[`q${plan.results.length}`]?.value).toBe('y'.repeat(400));

    const huge = { ...row, data: { ...row.data, padding: 'z'.repeat(MAX_PUSH_WORK_CHARS) } };
    const alone = planPush(context, edits.slice(0, 2), new Map([[row.id, huge]]), new Map());
    expect(alone.results).toHaveLength(1);
  });

  it('writes a mutation that a push repeats a thousand times as JSON once, not once per repeat', () => {
    // A member's 8 MB push of one large mutation and 999 small ones under its id held the
    // server's only thread for half a minute: each repeat wrote the large one again to compare.
    const first = visitCreation(NOW, PUSHER.clockNode, undefined, 'x'.repeat(200_000));
    const repeats = Array.from({ length: 999 }, () => ({ ...notesEdit(NOW, first.recordId, 'y'), id: first.id }));
    const mutations = [first, ...repeats];
    const plan = withJsonWritten(() => planPush(context, mutations, new Map(), new Map()));
    expect(plan.value.results.slice(1).every(({ result }) => 'code' in result && result.code === 'repeated_id')).toBe(
      true,
    );
    expect(plan.chars).toBeLessThan(3 * JSON.stringify(mutations).length);
  });
});

/** What `run` returns, and the characters of JSON it wrote (JSON.stringify's work). */
function withJsonWritten<T>(run: () => T): { value: T; chars: number } {
  const stringify = JSON.stringify;
  let chars = 0;
  JSON.stringify = ((...args: Parameters<typeof stringify>) => {
    const text = stringify(...args);
    chars += text?.length ?? 0;
    return text;
  }) as typeof stringify;
  try {
    return { value: run(), chars };
  } finally {
    JSON.stringify = stringify;
  }
}
