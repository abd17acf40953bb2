import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createState, mergePatch, overlayFields, type Patch, type RecordState } from '../../../src/domain/merge';
import { seedClock } from '../../../src/domain/seed-clock';
import { formatHlc } from '../../../src/protocol/hlc';

const clock = (millis: number, node = 'aaaaaaaaaaaaaaaa') => formatHlc({ millis, counter: 0, node });
const patch = (fields: Record<string, unknown>, at: string, base?: Record<string, string>): Patch => ({
  fields,
  clocks: Object.fromEntries(Object.keys(fields).map((key) => [key, at])),
  ...(base ? { base } : {}),
});
const start = (): RecordState =>
  createState(patch({ purpose: 'départ', notes: 'notes de départ', answers: {} }, clock(1)));

describe('per-field last writer wins', () => {
  it('keeps both edits when they touch different fields', () => {
    const a = mergePatch('visits', start(), patch({ purpose: 'A' }, clock(3)));
    const both = mergePatch('visits', a, patch({ placeLabel: 'Mairie' }, clock(2)));
    expect(both.data).toMatchObject({ purpose: 'A', placeLabel: 'Mairie' });
  });

  it('lets the later write win a field, whatever the arrival order', () => {
    const early = patch({ purpose: 'tôt' }, clock(2));
    const late = patch({ purpose: 'tard' }, clock(3));
    const one = mergePatch('visits', mergePatch('visits', start(), early), late);
    const other = mergePatch('visits', mergePatch('visits', start(), late), early);
    expect(one.data.purpose).toBe('tard');
    expect(other.data.purpose).toBe('tard');
  });

  it('keeps the clock of each field of a creation: an edit made between two of them wins only the older', () => {
    const created = createState({
      fields: { purpose: 'ancien', notes: 'récent', 'answers.q1': 'oui' },
      clocks: { purpose: clock(1), notes: clock(5), 'answers.q1': clock(9) },
    });
    expect(created.clocks).toEqual({ '*': clock(5), purpose: clock(1) });
    const merged = mergePatch('visits', created, patch({ purpose: 'entre', notes: 'entre' }, clock(3)));
    expect(merged.data).toMatchObject({ purpose: 'entre', notes: 'récent' });
  });

  it('never changes the id, network or creation time', () => {
    const created = createState(patch({ id: 'x', networkId: 'n', createdAt: '2026-01-01T00:00:00.000Z' }, clock(1)));
    const merged = mergePatch(
      'visits',
      created,
      patch({ networkId: 'other', createdAt: '2027-01-01T00:00:00.000Z' }, clock(5)),
    );
    expect(merged.data).toEqual(created.data);
  });

  it('converges whatever the order of any set of patches (property)', () => {
    const value = fc.string({ maxLength: 3 });
    const write = fc.oneof(
      fc.record({ key: fc.constantFrom('purpose', 'placeLabel'), value }),
      fc.record({ key: fc.constant('answers'), value: fc.dictionary(fc.constantFrom('q1', 'q2', 'q3'), value) }),
      fc.record({ key: fc.constantFrom('answers.q1', 'answers.q2'), value: fc.option(value, { nil: null }) }),
    );
    const stamped = fc.record({
      write,
      millis: fc.integer({ min: 2, max: 50 }),
      node: fc.constantFrom('aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'),
    });
    const patches = fc
      .uniqueArray(stamped, { selector: ({ millis, node }) => `${millis}-${node}`, maxLength: 12 })
      .map((list) => list.map(({ write: w, millis, node }) => patch({ [w.key]: w.value }, clock(millis, node))));
    const fold = (list: Patch[]) => list.reduce((state, next) => mergePatch('diagnostics', state, next), start());
    fc.assert(
      fc.property(
        patches.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([list, shuffled]) => {
          expect(fold(shuffled).data).toEqual(fold(list).data);
        },
      ),
    );
  });
});

describe('map fields', () => {
  it('keeps answers two people gave to different questions offline', () => {
    const one = mergePatch('diagnostics', start(), patch({ 'answers.q1': { status: 'answered', value: 3 } }, clock(2)));
    const two = mergePatch(
      'diagnostics',
      one,
      patch({ 'answers.q2': { status: 'skipped' } }, clock(3, 'bbbbbbbbbbbbbbbb')),
    );
    expect(two.data.answers).toEqual({ q1: { status: 'answered', value: 3 }, q2: { status: 'skipped' } });
  });

  it('keeps an entry written after a whole-map write that arrives later', () => {
    const entry = mergePatch('diagnostics', start(), patch({ 'answers.q1': 'récent' }, clock(9)));
    const whole = mergePatch('diagnostics', entry, patch({ answers: { q1: 'ancien', q2: 'autre' } }, clock(5)));
    expect(whole.data.answers).toEqual({ q1: 'récent', q2: 'autre' });
  });
});

describe('concurrent edits of long texts', () => {
  it('returns the replaced text as a loser when the winner had not seen it', () => {
    const state = mergePatch('visits', start(), patch({ notes: 'texte de A' }, clock(5), { notes: clock(1) }));
    const merged = mergePatch(
      'visits',
      state,
      patch({ notes: 'texte de B' }, clock(6, 'bbbbbbbbbbbbbbbb'), { notes: clock(1) }),
    );
    expect(merged.data.notes).toBe('texte de B');
    expect(merged.losers).toEqual([{ field: 'notes', value: 'texte de A', clock: clock(5) }]);
  });

  it('returns the incoming text as a loser when it arrives with an older clock', () => {
    const state = mergePatch('visits', start(), patch({ notes: 'récent' }, clock(9), { notes: clock(1) }));
    const merged = mergePatch(
      'visits',
      state,
      patch({ notes: 'ancien' }, clock(4, 'bbbbbbbbbbbbbbbb'), { notes: clock(1) }),
    );
    expect(merged.data.notes).toBe('récent');
    expect(merged.losers.map((loser) => loser.value)).toEqual(['ancien']);
  });

  it('keeps no text the app shipped as a conflict: a starter sheet corrected by a later version, edited meanwhile', () => {
    const today = Date.parse('2026-12-05T10:00:00.000Z');
    const shipped = createState(patch({ description: 'texte de départ' }, seedClock(0)));
    const corrected = mergePatch(
      'toolboxItems',
      shipped,
      patch({ description: 'corrigé' }, seedClock(1), { description: seedClock(0) }),
    );
    // An admin on the earlier version edits the text it had: the correction is not someone's lost text.
    const edited = mergePatch(
      'toolboxItems',
      corrected,
      patch({ description: 'notre fiche' }, clock(today), { description: seedClock(0) }),
    );
    expect(edited).toMatchObject({ data: { description: 'notre fiche' }, losers: [] });
    // The correction sent after that edit reached the server: it loses, and is no conflict either.
    const edit = patch({ description: 'notre fiche' }, clock(today), { description: seedClock(0) });
    const late = mergePatch(
      'toolboxItems',
      mergePatch('toolboxItems', shipped, edit),
      patch({ description: 'corrigé' }, seedClock(1), { description: seedClock(0) }),
    );
    expect(late).toMatchObject({ data: { description: 'notre fiche' }, losers: [] });
    // A typed text still is.
    const typed = mergePatch(
      'toolboxItems',
      edited,
      patch({ description: 'la leur' }, clock(today + 1, 'bbbbbbbbbbbbbbbb'), { description: seedClock(1) }),
    );
    expect(typed.losers.map((loser) => loser.value)).toEqual(['notre fiche']);
  });

  it('reports no conflict when the writer edited the current text', () => {
    const state = mergePatch('visits', start(), patch({ notes: 'v2' }, clock(5), { notes: clock(1) }));
    const merged = mergePatch('visits', state, patch({ notes: 'v3' }, clock(6), { notes: clock(5) }));
    expect(merged.losers).toEqual([]);
  });
});

describe('a device showing its unsent changes', () => {
  it('keeps its own pending fields over a pulled record', () => {
    const pulled = createState(patch({ purpose: 'serveur', notes: 'serveur' }, clock(3)));
    const local = createState(patch({ purpose: 'local', notes: 'ancien' }, clock(8)));
    expect(overlayFields('visits', pulled, local, ['purpose']).data).toEqual({ purpose: 'local', notes: 'serveur' });
  });

  it('gives way to a newer pulled value the server will keep, unless its text would be kept as a conflict', () => {
    const pulled = createState(patch({ purpose: 'serveur', services: ['pool'], notes: 'serveur' }, clock(8)));
    const local = createState(patch({ purpose: 'local', services: ['inform'], notes: 'local' }, clock(3)));
    const keys = ['purpose', 'services', 'notes'];
    expect(overlayFields('visits', pulled, local, keys).data).toEqual({
      purpose: 'serveur',
      services: ['pool'],
      notes: 'local',
    });
    // An emptied text loses without a conflict: the newer text shows.
    const emptied = createState(patch({ notes: '' }, clock(3)));
    expect(overlayFields('visits', pulled, emptied, ['notes']).data.notes).toBe('serveur');
  });
});
