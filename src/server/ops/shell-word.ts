/**
 * A path as one word of a shell command the admin copies from a message: a backup file in
 * "Sauvegardes du réseau/" must not split into two arguments when pasted.
 */
export function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
