/** Joins class names, skipping the ones a condition left out (CSS Modules give `string | undefined`). */
export function classes(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
