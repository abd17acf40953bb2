import { describe, expect, it } from 'vitest';
import { describeRefusal } from '../../../../src/ui/i18n/refusals';
import { territoryMessages } from '../../../../src/ui/territory/messages';

describe('a refused change, said to a concierge', () => {
  it('names the field in the forms’ words and says the problem in French', () => {
    const refusal = {
      reason: 'invalid visits: notes is longer than 50000 characters',
      code: 'invalid_record',
      issues: [{ field: 'notes', type: 'max_length', limit: 50_000, of: 'text' as const, message: 'notes is longer…' }],
    };
    expect(describeRefusal(refusal, 'fr')).toBe(
      '«\u00a0Notes\u00a0»\u00a0: trop long\u00a0: 50\u202f000 caractères au maximum.',
    );
    expect(describeRefusal(refusal, 'en')).toBe('“Notes”: too long: 50,000 characters at most.');
  });

  it('names a lieu’s town and postcode in English as its form labels them', () => {
    for (const field of ['commune', 'postcode'] as const) {
      const refusal = {
        reason: `invalid organisations: ${field} is longer than 200 characters`,
        code: 'invalid_record',
        issues: [{ field, type: 'max_length', limit: 200, of: 'text' as const, message: '…' }],
      };
      expect(describeRefusal(refusal, 'en')).toMatch(new RegExp(`^“${territoryMessages.en[field]}”: `));
      expect(describeRefusal(refusal, 'fr')).toMatch(new RegExp(`^«\u00a0${territoryMessages.fr[field]}\u00a0»`));
    }
  });

  it('says a map entry by its field, and a reserved name in words', () => {
    const refusal = {
      reason: 'invalid diagnostics: answers.__proto__ is not a name a field or an entry may have',
      code: 'invalid_record',
      issues: [{ field: 'answers.__proto__', type: 'reserved_name', message: '…' }],
    };
    expect(describeRefusal(refusal, 'fr')).toBe(
      '«\u00a0Réponses de la grille\u00a0»\u00a0: ce nom de champ est réservé et ne peut pas être enregistré.',
    );
  });

  it('says a code without fields in a sentence of its own', () => {
    expect(
      describeRefusal({ reason: 'forbidden: only an admin can change diagnostic templates', code: 'forbidden' }, 'fr'),
    ).toBe('Votre rôle dans le réseau ne permet pas cette modification.');
  });

  it('keeps an older server’s plain reason, and a code this version does not know, displayable', () => {
    expect(describeRefusal({ reason: 'invalid visits: notes is required' }, 'fr')).toBe(
      'Raison donnée par le serveur\u00a0: invalid visits: notes is required',
    );
    expect(describeRefusal({ reason: 'a later rule', code: 'quota_of_visits' }, 'en')).toBe(
      'Reason given by the server: a later rule',
    );
  });

  it('reads a server’s words that Object.prototype also names as unknown words, never as a function', () => {
    expect(describeRefusal({ reason: 'refused', code: 'constructor' }, 'fr')).toBe(
      'Raison donnée par le serveur\u00a0: refused',
    );
    const issues = [
      { field: 'name', type: 'toString', message: 'm' },
      { field: 'constructor', type: 'required', message: 'm' },
    ];
    expect(describeRefusal({ reason: 'refused', code: 'invalid_record', issues }, 'fr')).toBe(
      '«\u00a0Nom\u00a0»\u00a0: cette valeur n’est pas valide. «\u00a0constructor\u00a0»\u00a0: ce champ est obligatoire.',
    );
  });
});
