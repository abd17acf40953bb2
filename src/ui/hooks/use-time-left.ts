// The time left until a moment a person was told of (« nouvel essai automatique dans 12 s »),
// brought up to date each second: a wait told once would otherwise stay at its first figure.
import { useEffect, useState } from 'preact/hooks';

/** Milliseconds left until `deadline` (a `Date.now()` time), never below 0; null without one. */
export function useTimeLeft(deadline: number | null): number | null {
  const [, tick] = useState(0);
  useEffect(() => {
    if (deadline === null) return;
    const timer = setInterval(() => {
      tick((count) => count + 1);
      if (Date.now() >= deadline) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return deadline === null ? null : Math.max(0, deadline - Date.now());
}
