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
