// Cells a spreadsheet changed before a person saved them as CSV, given back as typed: a number
// shown in scientific notation ("1,3001E+4" is what Excel keeps of a postcode it took for a
// number), a leading zero dropped ("1400", "612345678"), and a French date (dd/mm/yyyy).

const SCIENTIFIC = /^\d+(?:[.,](\d+))?E\+?(\d+)$/i;

/**
 * "1,3001E+4" → "13001" when the cell kept every digit; any other text as it is. A cell too
 * narrow for the number shows it rounded ("6,12E+8" of 612345678): its zeros would be digits
 * made up, a wrong phone or postcode taken silently, so it stays as the file has it, for the
 * person to see and correct.
 */
function fromScientific(text: string): string {
  const match = SCIENTIFIC.exec(text);
  if (!match) return text;
  const [, decimals = '', exponent = '0'] = match;
  if (Number(exponent) > decimals.length) return text;
  const value = Number(text.replace(',', '.'));
  return Number.isSafeInteger(value) ? String(value) : text;
}

/** A five-character code (postcode, INSEE code) whose leading zero a spreadsheet dropped. */
export function restoredCode(text: string): string | null {
  const compact = fromScientific(text.replace(/\s/g, ''));
  return /^\d{4}$/.test(compact) ? `0${compact}` : compact || null;
}

/** A French phone a spreadsheet took for a number (nine digits: its 0 dropped), written by pairs. */
export function restoredPhone(text: string): string | null {
  const compact = fromScientific(text.trim());
  if (/^[1-9]\d{8}$/.test(compact)) return `0${compact}`.replace(/(\d{2})(?=\d)/g, '$1 ');
  return compact || null;
}

/** "03/02/2026" (a French spreadsheet's date) → "2026-02-03"; a day that does not exist stays as written. */
export function isoDay(text: string): string | null {
  const trimmed = text.trim();
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (!french) return trimmed || null;
  const [, day = '', month = '', year = ''] = french;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const exists = date.getUTCDate() === Number(day) && date.getUTCMonth() === Number(month) - 1;
  return exists ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : trimmed;
}
