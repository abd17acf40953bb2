import { describe, expect, test } from 'vitest';
import { readInvitationCode } from '../../../src/domain/invitation-code';

describe('an invitation code as a person enters it', () => {
  test.each([
    ['JWA2-F9K6-TTZF', 'the printed form'],
    ['jwa2-f9k6-ttzf', 'typed in lowercase'],
    ['JWA2 F9K6 TTZF', 'read aloud, typed with spaces'],
    ['  jwa2f9k6ttzf\n', 'without dashes, pasted with a trailing newline'],
    ['JWA2–F9K6—TTZF', 'with the dashes a messaging app makes typographic'],
    ['https://valise.mon-reseau.fr/#/rejoindre?code=JWA2-F9K6-TTZF', 'the whole invitation link'],
    ['Rejoins-nous : https://valise.mon-reseau.fr/#/rejoindre?code=JWA2-F9K6-TTZF&x=1', 'a link inside a message'],
  ])('%s (%s) is read as JWA2-F9K6-TTZF', (entered) => {
    expect(readInvitationCode(entered)).toBe('JWA2-F9K6-TTZF');
  });

  test('anything else stays as entered, trimmed, for the form to refuse in words', () => {
    expect(readInvitationCode(' JWA2-F9K6 ')).toBe('JWA2-F9K6');
    expect(readInvitationCode('https://valise.mon-reseau.fr/#/rejoindre')).toBe(
      'https://valise.mon-reseau.fr/#/rejoindre',
    );
    expect(readInvitationCode('https://x/#/rejoindre?code=%E0%A4%A')).toBe('https://x/#/rejoindre?code=%E0%A4%A');
  });
});
