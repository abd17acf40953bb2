import { describe, expect, it } from 'vitest';
import { refusal } from '../../../src/domain/permissions';

const items: Record<string, Record<string, unknown>> = {
  published: { id: 'published', status: 'published' },
  suggested: { id: 'suggested', status: 'suggested' },
};
const recordOf = (type: string, id: string) => (type === 'toolboxItems' ? (items[id] ?? null) : null);
const fileOf = (ownerId: string, ownerType = 'toolboxItems') => ({ ownerType, ownerId, sha256: 'a'.repeat(64) });

describe('who may change a file of the valise', () => {
  it('refuses a concierge a published item’s file: replaced, added, moved onto it or away from it', () => {
    const attempts = [
      { existing: fileOf('published'), fields: { sha256: 'b'.repeat(64) } },
      { existing: null, fields: fileOf('published') },
      { existing: fileOf('suggested'), fields: { ownerId: 'published' } },
      { existing: fileOf('visit-1', 'visits'), fields: { ownerType: 'toolboxItems', ownerId: 'published' } },
      { existing: fileOf('published'), fields: { ownerType: 'visits', ownerId: 'visit-1' } },
    ];
    for (const attempt of attempts) {
      expect(refusal({ role: 'concierge', type: 'attachments', recordOf, ...attempt })).toBe(
        'only an admin can change the file of a published toolbox item',
      );
      expect(refusal({ role: 'admin', type: 'attachments', recordOf, ...attempt })).toBeNull();
    }
  });

  it('lets a concierge change the file of a suggestion, of a visit, or of an item not held', () => {
    for (const existing of [fileOf('suggested'), fileOf('visit-1', 'visits'), fileOf('unknown')]) {
      expect(
        refusal({ role: 'concierge', type: 'attachments', recordOf, existing, fields: { fileName: 'b.pdf' } }),
      ).toBeNull();
    }
  });
});

/** Members' ids: a note's author is judged by it, never by a name anyone invited could type. */
const ALIX = 'member-alix';
const BASTIEN = 'member-bastien';

describe('who may change an event note', () => {
  const note = {
    id: 'n1',
    eventId: 'e1',
    text: 'Décision : on se revoit',
    tag: 'decision',
    authorName: 'Alix',
    authorId: ALIX,
  };

  it('refuses a concierge a colleague’s note: its words, its tag, its deletion', () => {
    for (const fields of [
      { text: 'Réécrit' },
      { tag: 'idea' },
      { deleted: true },
      { authorName: 'Bastien' },
      { authorId: BASTIEN },
    ]) {
      expect(refusal({ role: 'concierge', type: 'eventNotes', existing: note, fields, memberId: BASTIEN })).toBe(
        'only its author can change or delete an event note',
      );
    }
  });

  it('lets the author change it, an admin moderate it, anyone link it to a follow-up', () => {
    const edit = { text: 'Réécrit', updatedBy: 'Alix' };
    expect(refusal({ role: 'concierge', type: 'eventNotes', existing: note, fields: edit, memberId: ALIX })).toBeNull();
    expect(
      refusal({ role: 'admin', type: 'eventNotes', existing: note, fields: { deleted: true }, memberId: BASTIEN }),
    ).toBeNull();
    const followUp = { followUpId: 'f1', updatedBy: 'Bastien' };
    expect(
      refusal({ role: 'concierge', type: 'eventNotes', existing: note, fields: followUp, memberId: BASTIEN }),
    ).toBeNull();
  });

  it('takes a note sent again as it is stored, and any note as its creation', () => {
    expect(
      refusal({ role: 'concierge', type: 'eventNotes', existing: note, fields: { ...note }, memberId: BASTIEN }),
    ).toBeNull();
    expect(
      refusal({ role: 'concierge', type: 'eventNotes', existing: null, fields: note, memberId: BASTIEN }),
    ).toBeNull();
  });
});

describe('who may settle a conflict on an event note', () => {
  const note = { id: 'n1', text: 'Tour de table', authorName: 'Alix', authorId: ALIX };
  const conflict = { id: 'c1', recordType: 'eventNotes', recordId: 'n1', field: 'text', value: 'Tour' };
  const notes = (type: string, id: string) => (type === 'eventNotes' && id === 'n1' ? note : null);
  const settle = (role: 'admin' | 'concierge', memberId: string) =>
    refusal({ role, type: 'conflicts', existing: conflict, fields: { deleted: true }, recordOf: notes, memberId });

  it('is its author or an admin, not a colleague', () => {
    expect(settle('concierge', BASTIEN)).toBe('only its author can settle an event note’s conflict');
    expect(settle('concierge', ALIX)).toBeNull();
    expect(settle('admin', BASTIEN)).toBeNull();
  });

  it('is its author’s or an admin’s too when given back settled to a server that lost it', () => {
    const givenBack = (role: 'admin' | 'concierge', memberId: string, deleted: boolean) =>
      refusal({
        role,
        type: 'conflicts',
        existing: null,
        fields: { ...conflict, deleted },
        recordOf: notes,
        memberId,
        resent: true,
        sealed: true,
      });
    expect(givenBack('concierge', BASTIEN, true)).toBe('only its author can settle an event note’s conflict');
    expect(givenBack('concierge', BASTIEN, false)).toBeNull();
    expect(givenBack('concierge', ALIX, true)).toBeNull();
    expect(givenBack('admin', BASTIEN, true)).toBeNull();
  });
});

describe('who may write a conflict', () => {
  const conflict = { id: 'c1', recordType: 'visits', recordId: 'v1', field: 'notes', value: 'Tour', deleted: false };

  it('creating one is no device’s but one the server sealed, given back; one given back may only settle it', () => {
    for (const role of ['admin', 'concierge'] as const) {
      for (const [resent, sealed] of [
        [false, false],
        [true, false],
        [false, true],
      ])
        expect(refusal({ role, type: 'conflicts', existing: null, fields: conflict, resent, sealed })).toBe(
          'conflicts are created by the server only',
        );
      expect(refusal({ role, type: 'conflicts', existing: null, fields: conflict, resent: true, sealed: true })).toBe(
        null,
      );
    }
    const given = (fields: Record<string, unknown>) =>
      refusal({ role: 'concierge', type: 'conflicts', existing: conflict, fields, resent: true });
    expect(given({ ...conflict })).toBeNull();
    expect(given({ ...conflict, deleted: true, updatedBy: 'Alix' })).toBeNull();
    expect(given({ ...conflict, value: 'Réécrit' })).toBe('a conflict can only be resolved');
  });
});
