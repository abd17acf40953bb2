// French counts 0 as one (« 0 ligne refusée »): Réglages said « Fichiers du réseau : 0 octets »
// on a new network, a contacts import « 0 fusionnées … 0 lignes refusées », an empty packing
// list « 0 éléments ». English keeps "0 bytes" and says "1 byte".
import { expect, test } from 'vitest';
import { formatBytes } from '../../../../src/ui/i18n/numbers';
import { messages as contacts } from '../../../../src/ui/screens/contacts/messages';
import { messages as events } from '../../../../src/ui/screens/events/messages';
import { messages as toolbox } from '../../../../src/ui/screens/toolbox/messages';

test('no count of 0 or 1 takes a plural in French, nor 1 in English', () => {
  expect([formatBytes(0, 'fr'), formatBytes(1, 'fr'), formatBytes(2, 'fr')]).toEqual([
    '0\u00a0octet',
    '1\u00a0octet',
    '2\u00a0octets',
  ]);
  expect([formatBytes(0, 'en'), formatBytes(1, 'en'), formatBytes(1500, 'en')]).toEqual([
    '0\u00a0bytes',
    '1\u00a0byte',
    '1.5\u00a0KB',
  ]);
  expect(contacts.fr.importDone(3, 0, 0)).toBe(
    '3 personnes ajoutées, 0 fusionnée avec une fiche existante (même e-mail ou téléphone), 0 ligne refusée.',
  );
  expect(events.fr.attendanceSummary(0, 0, 2)).toMatch(/^0 présent·e\b/);
  expect(toolbox.fr.itemCount(0)).toBe('Aucun élément');
});
