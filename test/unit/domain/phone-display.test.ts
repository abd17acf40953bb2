// A contact's number typed in one go ("0612345678") read as a run of ten digits on the contact's
// and the lieu's page (WebKit and Firefox, 360 px): shown in pairs, as a French reader reads it.
import { expect, test } from 'vitest';
import { phoneForDisplay } from '../../../src/domain/phone-display';

const nb = (text: string) => text.replace(/ /g, '\u00a0');

test('a French number typed in one go, with dots or dashes, is shown in pairs that do not break', () => {
  expect(phoneForDisplay('0612345678')).toBe(nb('06 12 34 56 78'));
  expect(phoneForDisplay('04.75.25.00.00')).toBe(nb('04 75 25 00 00'));
  expect(phoneForDisplay(' 06-12-34-56-78 ')).toBe(nb('06 12 34 56 78'));
});

test('a French number with +33 keeps its prefix and shows its nine digits in the same groups', () => {
  expect(phoneForDisplay('+33612345678')).toBe(nb('+33 6 12 34 56 78'));
  expect(phoneForDisplay('+33 6 12 34 56 78')).toBe(nb('+33 6 12 34 56 78'));
});

test('a number of another form shows as typed, its spaces not breaking', () => {
  expect(phoneForDisplay('+32 470 12 34 56')).toBe(nb('+32 470 12 34 56'));
  expect(phoneForDisplay('04 75 25 00 00 poste 12')).toBe(nb('04 75 25 00 00 poste 12'));
});
