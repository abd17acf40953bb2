// One "Enregistré" line for a page of autosaved answers: what the last save did, and a way
// to retry the one that failed (its value is still on screen).
import { useCallback, useRef, useState } from 'preact/hooks';

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export function useSaveStatus() {
  const [state, setState] = useState<SaveState>('idle');
  const failed = useRef<(() => Promise<unknown>) | null>(null);
  const pending = useRef(0);

  const run = useCallback(async (save: () => Promise<unknown>): Promise<boolean> => {
    pending.current += 1;
    setState('saving');
    try {
      await save();
      failed.current = null;
      return true;
    } catch (error) {
      console.error(error);
      failed.current = save;
      return false;
    } finally {
      pending.current -= 1;
      if (pending.current === 0) setState(failed.current ? 'failed' : 'saved');
    }
  }, []);

  const retry = useCallback(() => {
    const again = failed.current;
    if (again) void run(again);
  }, [run]);

  return { state, run, retry };
}
