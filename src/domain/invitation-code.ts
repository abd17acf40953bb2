// An invitation code as a person enters it: read aloud and typed in lowercase with spaces,
// pasted with the whole invitation link around it, or with its dashes turned into typographic
// ones by a messaging app. The server compares codes without case or separators; the join form
// reads them the same way before checking, instead of refusing a code the server would take.

/** The characters of a code: none that reads like another (no 0 or O, no 1, I or L). */
export const INVITATION_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITATION_CODE_LENGTH = 12;

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

/** Why what was entered can be no invitation code: letters no code has, or not 12 of them. */
type InvitationCodeProblem = { kind: 'characters'; characters: string[] } | { kind: 'length'; length: number };

/**
 * What makes a code (as `readInvitationCode` gives it) one no server ever issued, or null when
 * it may be one. The form says so in words before sending it: the server would only answer that
 * the code is unknown, and count it as a wrong guess.
 */
export function invitationCodeProblem(code: string): InvitationCodeProblem | null {
  const characters = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const foreign = [...new Set(characters)].filter((character) => !INVITATION_CODE_ALPHABET.includes(character));
  if (foreign.length > 0) return { kind: 'characters', characters: foreign };
  if (characters.length !== INVITATION_CODE_LENGTH) return { kind: 'length', length: characters.length };
  return null;
}
