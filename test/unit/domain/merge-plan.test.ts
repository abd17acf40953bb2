import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/domain/contact';
import { normalizePhone } from '../../../src/domain/duplicate-keys';
import { lieuDuplicates, personDuplicates } from '../../../src/domain/duplicates';
import type { NetworkEvent } from '../../../src/domain/event';
import {
  fieldsToChoose,
  MergeRefusedError,
  mergeTarget,
  planMerge,
  planRedirect,
  type References,
} from '../../../src/domain/merge-plan';
import type { Organisation } from '../../../src/domain/organisation';
import type { Visit } from '../../../src/domain/visit';

const base = (id: string, createdAt = '2026-01-01T00:00:00.000Z') => ({
  id,
  networkId: 'n',
  createdAt,
  updatedAt: createdAt,
  updatedBy: 'Alix',
  deleted: false,
});
const lieu = (id: string, fields: Partial<Organisation> = {}): Organisation =>
  ({ ...base(id), name: 'La Grange', kind: 'tiers_lieu', tags: [], networks: [], ...fields }) as Organisation;
const person = (id: string, fields: Partial<Contact> = {}): Contact =>
  ({ ...base(id), name: 'Hélène Durand', organisationIds: [], tags: [], ...fields }) as Contact;
const visit = (id: string, fields: Partial<Visit>): Visit =>
  ({ ...base(id), visitedAt: '2026-02-01T10:00:00.000Z', contactIds: [], services: [], ...fields }) as Visit;
const noRefs: References = {
  visits: [],
  events: [],
  diagnostics: [],
  contacts: [],
  attachments: [],
  followUps: [],
  loans: [],
};

const KEPT = '01900000-0000-7000-8000-000000000001';
const GONE = '01900000-0000-7000-8000-000000000002';
const OTHER = '01900000-0000-7000-8000-000000000003';

describe('merge planning', () => {
  it('moves every visit, diagnostic, event and person of the merged lieu, and leaves a tombstone pointing to the kept one', () => {
    const refs: References = {
      ...noRefs,
      visits: [
        visit('v1', { organisationId: GONE }),
        visit('v2', { organisationId: OTHER }),
        { ...visit('v3', { organisationId: GONE }), deleted: true },
      ],
      contacts: [person('p1', { organisationIds: [GONE, KEPT] }), person('p2', { organisationIds: [OTHER] })],
      events: [{ ...base('e1'), placeOrganisationId: GONE } as unknown as NetworkEvent],
      diagnostics: [{ ...base('d1'), organisationId: GONE } as never],
    };
    const writes = planMerge(
      { type: 'organisations', record: lieu(KEPT, { commune: 'Redon' }) },
      { type: 'organisations', record: lieu(GONE, { phone: '02 99 00 00 00', commune: 'Redon', tags: ['fablab'] }) },
      {},
      refs,
    );
    expect(writes).toEqual([
      { kind: 'update', type: 'organisations', id: KEPT, changes: { phone: '02 99 00 00 00', tags: ['fablab'] } },
      { kind: 'update', type: 'visits', id: 'v1', changes: { organisationId: KEPT } },
      { kind: 'update', type: 'events', id: 'e1', changes: { placeOrganisationId: KEPT } },
      { kind: 'update', type: 'diagnostics', id: 'd1', changes: { organisationId: KEPT } },
      { kind: 'update', type: 'contacts', id: 'p1', changes: { organisationIds: [KEPT] } },
      { kind: 'update', type: 'organisations', id: GONE, changes: { deleted: true, mergedInto: KEPT } },
    ]);
  });

  it('keeps the value chosen field by field', () => {
    const kept = { type: 'organisations' as const, record: lieu(KEPT, { email: 'a@grange.fr', commune: 'Redon' }) };
    const merged = {
      type: 'organisations' as const,
      record: lieu(GONE, { email: 'contact@grange.fr', commune: 'Redon' }),
    };
    expect(fieldsToChoose(kept, merged)).toEqual(['email']);
    const [first] = planMerge(kept, merged, { email: 'merged' }, noRefs);
    expect(first).toEqual({ kind: 'update', type: 'organisations', id: KEPT, changes: { email: 'contact@grange.fr' } });
    expect(planMerge(kept, merged, { email: 'kept' }, noRefs)).toHaveLength(1);
  });

  it('moves a merged person’s attendance, the kept person’s own check-in winning, and the names on follow-ups and loans', () => {
    const event = {
      ...base('e1'),
      attendees: { [GONE]: { status: 'present' }, [OTHER]: { status: 'present' } },
    } as unknown as NetworkEvent;
    const writes = planRedirect(
      'contacts',
      GONE,
      KEPT,
      {
        ...noRefs,
        visits: [visit('v1', { contactIds: [GONE, KEPT, OTHER] })],
        events: [event],
        followUps: [{ ...base('f1'), owner: 'H. Durand' } as never, { ...base('f2'), owner: 'Alix' } as never],
        loans: [{ ...base('l1'), holderName: 'H. Durand' } as never],
      },
      { from: 'H. Durand', to: 'Hélène Durand' },
    );
    expect(writes).toEqual([
      { kind: 'update', type: 'visits', id: 'v1', changes: { contactIds: [KEPT, OTHER] } },
      {
        kind: 'entries',
        type: 'events',
        id: 'e1',
        field: 'attendees',
        entries: { [GONE]: null, [KEPT]: { status: 'present' } },
      },
      { kind: 'update', type: 'followUps', id: 'f1', changes: { owner: 'Hélène Durand' } },
      { kind: 'update', type: 'loans', id: 'l1', changes: { holderName: 'Hélène Durand' } },
    ]);
  });

  it('puts the follow-ups and loans under the kept person’s old name under the name she takes from the merged one', () => {
    const refs: References = {
      ...noRefs,
      followUps: [{ ...base('f1'), owner: 'Élise' } as never],
      loans: [{ ...base('l1'), holderName: 'Élise' } as never, { ...base('l2'), holderName: 'Élise Martin' } as never],
    };
    const kept = { type: 'contacts' as const, record: person(KEPT, { name: 'Élise' }) };
    const merged = { type: 'contacts' as const, record: person(GONE, { name: 'Élise Martin' }) };
    expect(planMerge(kept, merged, { name: 'merged' }, refs)).toEqual([
      { kind: 'update', type: 'contacts', id: KEPT, changes: { name: 'Élise Martin' } },
      { kind: 'update', type: 'followUps', id: 'f1', changes: { owner: 'Élise Martin' } },
      { kind: 'update', type: 'loans', id: 'l1', changes: { holderName: 'Élise Martin' } },
      { kind: 'update', type: 'contacts', id: GONE, changes: { deleted: true, mergedInto: KEPT } },
    ]);
    // Keeping her own name, the merged person's loan comes to her and hers stay.
    expect(planMerge(kept, merged, { name: 'kept' }, refs)).toEqual([
      { kind: 'update', type: 'loans', id: 'l2', changes: { holderName: 'Élise' } },
      { kind: 'update', type: 'contacts', id: GONE, changes: { deleted: true, mergedInto: KEPT } },
    ]);
  });

  it('refuses a record merged with itself, two types, or a record already merged', () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof MergeRefusedError ? error.reason : error;
      }
      return 'accepted';
    };
    const grange = { type: 'organisations' as const, record: lieu(KEPT) };
    expect(refusal(() => planMerge(grange, grange, {}, noRefs))).toBe('same_record');
    expect(refusal(() => planMerge(grange, { type: 'contacts', record: person(GONE) }, {}, noRefs))).toBe(
      'different_types',
    );
    const gone = { type: 'organisations' as const, record: { ...lieu(GONE), deleted: true, mergedInto: OTHER } };
    expect(refusal(() => planMerge(grange, gone, {}, noRefs))).toBe('already_merged');
  });

  it('redirects through a chain of merges, and two merges into each other converge on one survivor', () => {
    const into: Record<string, string> = { a: 'b', b: 'c' };
    expect(mergeTarget('a', (id) => into[id])).toEqual({ target: 'c', revive: false });
    const crossed: Record<string, string> = { x: 'y', y: 'x' };
    expect(mergeTarget('x', (id) => crossed[id])).toEqual({ target: 'x', revive: true });
    expect(mergeTarget('y', (id) => crossed[id])).toEqual({ target: 'x', revive: true });
  });
});

describe('likely duplicates', () => {
  it('suggests lieux with the same name in the same commune, or the same e-mail or phone, older first', () => {
    const pairs = lieuDuplicates([
      lieu('b', { name: 'La Grange', commune: 'Redon', createdAt: '2026-03-01T00:00:00.000Z' }),
      lieu('a', { name: 'la grange !', commune: 'REDON' }),
      lieu('c', { name: 'La Grange', commune: 'Vitré' }),
      lieu('d', { name: 'Le Fournil', phone: '+33 2 99 00 00 00' }),
      lieu('e', { name: 'Fournil (le)', phone: '02.99.00.00.00' }),
      { ...lieu('f', { name: 'La Grange', commune: 'Redon' }), deleted: true },
    ]);
    expect(pairs).toEqual([
      { ids: ['a', 'b'], reason: 'name_commune' },
      { ids: ['d', 'e'], reason: 'phone' },
    ]);
  });

  it('suggests people with the same name, e-mail or phone', () => {
    const pairs = personDuplicates([
      person('a', { email: 'HELENE@exemple.fr' }),
      person('b', { name: 'Hélène D.', email: 'helene@exemple.fr ' }),
      person('c', { name: 'helene durand' }),
    ]);
    expect(pairs).toEqual([
      { ids: ['a', 'c'], reason: 'name' },
      { ids: ['a', 'b'], reason: 'email' },
    ]);
    expect(normalizePhone('+33 6 12 34 56 78')).toBe(normalizePhone('06 12 34 56 78'));
  });

  it('names two people sharing a name and an e-mail by their name, whoever else shares the e-mail and in any order', () => {
    // The first holder of the e-mail is someone else: pairing by the order keys were first met
    // named the pair by the e-mail, or by the name when read from the other end.
    const people = [
      person('a', { name: 'Accueil La Grange', email: 'contact@lagrange.fr' }),
      person('b', { email: 'contact@lagrange.fr' }),
      person('c', { name: 'helene durand', email: 'CONTACT@lagrange.fr', phone: '06 12 34 56 78' }),
      person('d', { name: 'Standard', phone: '+33 6 12 34 56 78' }),
    ];
    const reasons = (list: Contact[]) =>
      Object.fromEntries(personDuplicates(list).map((pair) => [pair.ids.join('+'), pair.reason]));
    const expected = { 'a+b': 'email', 'a+c': 'email', 'b+c': 'name', 'c+d': 'phone' };
    expect(reasons(people)).toEqual(expected);
    expect(reasons([...people].reverse())).toEqual(expected);
    // Fewer records, read in another order, name the pair alike.
    expect(reasons([people[2]!, people[1]!])).toEqual({ 'b+c': 'name' });
  });
});
