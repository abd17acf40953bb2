// Lieux and people by what makes two of them likely duplicates (domain/duplicates.ts: a
// normalised name, in its commune for a lieu, an e-mail, a phone): each stored live record
// carries `duplicateKeys` under a multi-entry index, so a lieu's or a person's page finds the
// few records sharing one of its keys instead of reading every lieu or person. The field is
// derived, set by derived-key-writes.ts on every write and hidden from every read (derived-keys.ts).

export const DUPLICATE_KEYS = 'duplicateKeys';
