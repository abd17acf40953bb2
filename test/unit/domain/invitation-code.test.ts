import { describe, expect, test } from 'vitest';
import { invitationCodeProblem, readInvitationCode } from '../../../src/domain/invitation-code';
import { newInvitationCode } from '../../../src/server/auth';

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

describe('a code no server ever issues', () => {
  test('is told by its letters that look alike, or by its length', () => {
    expect(invitationCodeProblem('JWA2-F9K6-TTZ0')).toEqual({ kind: 'characters', characters: ['0'] });
    expect(invitationCodeProblem('JOL1-F9K6-TTZF')).toEqual({ kind: 'characters', characters: ['O', 'L', '1'] });
    expect(invitationCodeProblem('JWA2-F9K6')).toEqual({ kind: 'length', length: 8 });
    expect(invitationCodeProblem('JWA2-F9K6-TTZF-X')).toEqual({ kind: 'length', length: 13 });
  });

  test('while every code a server issues may be one', () => {
    for (let i = 0; i < 200; i++) {
      const code = newInvitationCode();
      expect(invitationCodeProblem(code), code).toBeNull();
      expect(invitationCodeProblem(readInvitationCode(code.toLowerCase().replaceAll('-', ' '))), code).toBeNull();
    }
  });
});
