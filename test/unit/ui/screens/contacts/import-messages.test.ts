import { expect, test } from 'vitest';
import { importMessages } from '../../../../../src/ui/screens/contacts/import-messages';

test('the lines left out of a long list are counted in the singular when one is left, in both languages', () => {
  // 201 refused lines: 200 are listed, then this.
  expect(importMessages.fr.moreLines(1)).toBe('… et 1 autre ligne');
  expect(importMessages.en.moreLines?.(1)).toBe('… and 1 more line');
  expect(importMessages.fr.moreLines(1200)).toBe('… et 1\u202f200 autres lignes');
  expect(importMessages.en.moreLines?.(1200)).toBe('… and 1,200 more lines');
});
