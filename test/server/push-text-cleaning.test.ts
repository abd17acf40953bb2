// The server cleans every text it is pushed of control characters (but tab, line feed and
// carriage return) and unpaired surrogates. It looks for them in the record's JSON and walks
// a change's texts only when that JSON or the change's outcome leaves a doubt: whatever the
// texts, a push must be planned exactly as the same push with its texts cleaned beforehand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, HybridClock } from '../../src/protocol/hlc';
import type { Mutation } from '../../src/protocol/wire';
import { newSealKey } from '../../src/server/push/conflict-seal';
import { type PushPlan, planPush, type RecordRow, SERVER_CLOCK_NODE } from '../../src/server/push/plan';
import { diagnosticCreation, notesEdit, PUSHER, visitCreation } from '../helpers/mutations';

const NOW = Date.parse('2026-11-28T10:00:00.000Z');
const NETWORK = '01a2249d-1778-7775-a433-d6a687fef917';

const contextAt = () => ({
  networkId: NETWORK,
  role: 'admin' as const,
  clock: new HybridClock(SERVER_CLOCK_NODE, () => NOW),
  now: NOW,
  pusher: PUSHER,
  sealKey: newSealKey(),
  authorOf: () => 'Camille',
});

/** The cleaning the server promises, written plainly: on every text, never on keys. */
function cleaned(value: unknown): unknown {
  if (typeof value === 'string')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters the server removes.
    return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').toWellFormed();
  if (Array.isArray(value)) return value.map(cleaned);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, cleaned(entry)]));
  return value;
}

// Characters that cleaning removes or mends, those JSON escapes without their being dirty,
// and plain ones, so that texts are often clean, often dirty, and sometimes only look dirty.
const text = fc
  .array(
    fc
      .constantFrom('a', 'é', ' ', '\u0001', '\u0008', '\u000b', '\u000c', '\u001f', '\u007f', '\t', '\n', '\r')
      .chain((char) => fc.constantFrom(char, '\ud83d', '\ude00', '\ud83d\ude00', '\\', 'u', 'b', '"', '’')),
    { maxLength: 8 },
  )
  .map((chars) => chars.join(''));

const EXISTING_AT = NOW - 60_000;
const clockAt = (millis: number) => formatHlc({ millis, counter: 0, node: '0123456789abcdef' });

/** A stored visit, its notes possibly dirty (written before the server cleaned texts). */
function storedVisit(notes: string): RecordRow {
  const creation = visitCreation(EXISTING_AT, '0123456789abcdef', '0190a4c8-0c5e-7d1a-8b9e-1c2d3e4f5a6b');
  const plan = planPush(contextAt(), [creation], new Map(), new Map());
  const row = plan.writes[0] as RecordRow;
  return { ...row, data: { ...row.data, notes }, json: undefined };
}

const mutation = fc.oneof(
  fc
    .record({ notes: text, updatedBy: text, service: text, extra: text, key: text })
    .map(({ notes, updatedBy, service, extra, key }) => {
      const creation = visitCreation(NOW, '0123456789abcdef', undefined, notes);
      Object.assign(creation.fields, { updatedBy, services: ['inform', service], extra: { [key]: [extra] } });
      creation.clocks.extra = creation.clocks.notes as string;
      return creation;
    }),
  fc
    .record({ notes: text, ahead: fc.integer({ min: -2, max: 2 }), base: fc.boolean(), resent: fc.boolean() })
    .map(({ notes, ahead, base, resent }) => {
      const edit = notesEdit(EXISTING_AT + ahead * 1000, '0190a4c8-0c5e-7d1a-8b9e-1c2d3e4f5a6b', notes);
      if (base) edit.base = { notes: clockAt(EXISTING_AT - 1000) };
      if (resent) edit.resent = true;
      return edit;
    }),
  fc.record({ answer: text, note: text }).map(({ answer, note }) => {
    const creation = diagnosticCreation(NOW, 2, answer);
    creation.fields['answers.q0'] = { status: 'answered', value: note };
    creation.clocks['answers.q0'] = creation.clocks.answers as string;
    return creation;
  }),
);

/** A plan with its conflicts' random ids, and the seals over them, replaced by their order, so two plans compare. */
function comparable(plan: PushPlan): unknown {
  let json = JSON.stringify(plan);
  plan.writes
    .filter((row) => row.type === 'conflicts')
    .forEach((row, index) => {
      json = json.replaceAll(row.id, `conflict-${index}`).replaceAll(row.data.seal as string, `seal-${index}`);
    });
  return JSON.parse(json);
}

describe('cleaning pushed text', () => {
  it('plans any push as the same push with its texts cleaned beforehand', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (storedNotes, mutations, echo) => {
          // Through JSON, as the server receives them.
          const received = JSON.parse(JSON.stringify(mutations)) as Mutation[];
          // A device sending back the very text stored (dirty when written before the cleaning).
          if (echo)
            for (const edit of received) if ('notes' in edit.fields && !edit.fields.id) edit.fields.notes = storedNotes;
          const existing = new Map([[storedVisit(storedNotes).id, storedVisit(storedNotes)]]);
          const plan = planPush(contextAt(), received, existing, new Map());
          const planOfCleaned = planPush(contextAt(), cleaned(received) as Mutation[], existing, new Map());
          expect(comparable(plan)).toEqual(comparable(planOfCleaned));
        },
      ),
      { numRuns: 2000 },
    );
    // Two thousand random pushes, each planned twice: 37 s at load 25-30, past the suite's 30 s.
  }, 120_000);

  it('keeps tabs and line ends, removes other control characters and mends broken surrogates', () => {
    const creation = visitCreation(NOW, '0123456789abcdef', undefined, 'a\tb\nc\r\u0001d\u007f\ud83d e\ud83d\ude00');
    const plan = planPush(contextAt(), [JSON.parse(JSON.stringify(creation))], new Map(), new Map());
    expect(plan.writes[0]?.data.notes).toBe('a\tb\nc\rd\ufffd e\ud83d\ude00');
  });
});
