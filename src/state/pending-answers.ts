// Diagnostic text typed but not saved yet, kept synchronously in localStorage on every key. An
// answer is saved 700 ms after the last key (and as the page is hidden or left), but that save
// is an IndexedDB transaction, and a reload or a killed app can end the page before it commits:
// WebKit did so. The text kept here is brought back when its field opens again, then saved.
// Local to the device, like a form's draft, and erased with the device's data.

const PREFIX = 'valise.pending-answer:';

/** The pending text of a diagnostic's question or section comment ("q:…" or "comment:…"). */
export const pendingAnswerKey = (diagnosticId: string, field: string) => `${diagnosticId}/${field}`;

/** Whether the text is kept: storage may refuse it (private mode, full). */
export function keepPendingAnswer(key: string, text: string): boolean {
  try {
    localStorage.setItem(PREFIX + key, text);
    return true;
  } catch {
    return false;
  }
}

export function pendingAnswer(key: string): string | undefined {
  try {
    return localStorage.getItem(PREFIX + key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function forgetPendingAnswer(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

/** Erases every pending answer (a shared device wiped as it leaves the network). */
export function forgetAllPendingAnswers(): void {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, at) => localStorage.key(at));
    for (const key of keys) if (key?.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Nothing kept, nothing to forget.
  }
}
