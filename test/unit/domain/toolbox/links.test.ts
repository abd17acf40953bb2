import { describe, expect, test } from 'vitest';
import { linkState, safeHref } from '../../../../src/domain/toolbox/links';

describe('links of toolbox items', () => {
  test('opens web and e-mail addresses', () => {
    expect(safeHref('https://hedgedoc.org')).toBe('https://hedgedoc.org/');
    expect(safeHref(' http://exemple.fr/page ')).toBe('http://exemple.fr/page');
    expect(safeHref('mailto:contact@reseau.fr')).toBe('mailto:contact@reseau.fr');
  });

  test('refuses every other kind of address, which shows as a broken link', () => {
    for (const raw of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'www.exemple.fr',
      'https://',
    ]) {
      expect(safeHref(raw), raw).toBeNull();
      expect(linkState(raw), raw).toBe('broken');
    }
    expect(linkState('')).toBe('none');
    expect(linkState(null)).toBe('none');
  });
});
