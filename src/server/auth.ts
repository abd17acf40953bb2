// Device tokens and invitation codes. Only their SHA-256 hashes are stored: a stolen database
// file gives no usable token.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { INVITATION_CODE_ALPHABET, INVITATION_CODE_LENGTH } from '../domain/invitation-code';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A code a person can read aloud or type: three groups of four, no 0/O or 1/I/L. */
export function newInvitationCode(): string {
  const chars = Array.from(
    { length: INVITATION_CODE_LENGTH },
    () => INVITATION_CODE_ALPHABET[randomInt(INVITATION_CODE_ALPHABET.length)],
  );
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((group) => group.join('')).join('-');
}

function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function hashCode(code: string): string {
  return hashSecret(`invitation:${normaliseCode(code)}`);
}

export function bearerToken(header: string | undefined): string | null {
  // The scheme is case-insensitive (RFC 9110, 11.1): a client of its own may write "bearer".
  const match = header?.match(/^Bearer ([A-Za-z0-9_-]{20,200})$/i);
  return match?.[1] ?? null;
}
