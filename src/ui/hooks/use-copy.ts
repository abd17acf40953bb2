// Copying a text to the clipboard, and what became of it: a browser may refuse (no permission,
// an insecure address), and the person must then be told to select the text by hand.
import { useState } from 'preact/hooks';

type CopyOutcome = 'copied' | 'refused' | null;

export function useCopy(): [CopyOutcome, (text: string) => Promise<void>, () => void] {
  const [outcome, setOutcome] = useState<CopyOutcome>(null);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('refused');
    }
  };
  return [outcome, copy, () => setOutcome(null)];
}
