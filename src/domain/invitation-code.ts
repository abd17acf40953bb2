// An invitation code as a person enters it: read aloud and typed in lowercase with spaces,
// pasted with the whole invitation link around it, or with its dashes turned into typographic
// ones by a messaging app. The server compares codes without case or separators; the join form
// reads them the same way before checking, instead of refusing a code the server would take.

const LINK_CODE = /[?&]code=([^&#\s]+)/;
const GROUPS = /^([A-Z0-9]{4})([A-Z0-9]{4})([A-Z0-9]{4})$/;

/** The code in its printed form (`JWA2-F9K6-TTZF`) when what was entered holds one; else as entered, trimmed. */
export function readInvitationCode(entered: string): string {
  const fromLink = LINK_CODE.exec(entered)?.[1];
  const text = fromLink === undefined ? entered : decodeOr(fromLink);
  const groups = GROUPS.exec(text.toUpperCase().replace(/[^A-Z0-9]/g, ''));
  return groups ? groups.slice(1).join('-') : entered.trim();
}

function decodeOr(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}
