// A phone number as a French reader reads it: "0612345678" typed in one go, or "06.12.34.56.78",
// is shown "06 12 34 56 78", and "+33612345678" "+33 6 12 34 56 78". Only the shown text: the
// record keeps what was typed, and a number of another form (abroad, an extension) shows as typed.
// The spaces do not break: a number across two lines is misread.

const SPACE = '\u00a0';

export function phoneForDisplay(phone: string): string {
  const compact = phone.trim().replace(/[\s.-]/g, '');
  const national = /^0\d{9}$/.test(compact) ? compact : /^\+33\d{9}$/.test(compact) ? `0${compact.slice(3)}` : null;
  if (!national) return phone.trim().replace(/ /g, SPACE);
  const pairs = national.match(/\d\d/g)?.join(SPACE) ?? national;
  return compact.startsWith('+33') ? `+33${SPACE}${pairs.slice(1)}` : pairs;
}
