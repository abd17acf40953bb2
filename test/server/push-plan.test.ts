// Push planning refusals a device must hear about rather than see silently dropped.
import { describe, expect, it } from 'vitest';
import { HybridClock } from '../../src/protocol/hlc';
import { planPush, SERVER_CLOCK_NODE } from '../../src/server/push/plan';
import { visitCreation } from '../helpers/mutations';

const NOW = Date.parse('2026-11-28T10:00:00.000Z');
const context = {
  networkId: '01a2249d-1778-7775-a433-d6a687fef917',
  role: 'concierge' as const,
  clock: new HybridClock(SERVER_CLOCK_NODE, () => NOW),
  now: NOW,
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
});
