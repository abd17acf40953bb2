// A part of a screen whose code loads on demand (the visit form, a detail page), so the list
// the screen opens on stays small. A failed load goes to the screen's error boundary.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function LazyPart<P extends object>({
  load,
  props,
}: {
  load: () => Promise<{ default: ComponentType<P> }>;
  props: P;
}) {
  const [Part, setPart] = useState<ComponentType<P>>();
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    let active = true;
    load().then(
      (module) => active && setPart(() => module.default),
      (error: unknown) => active && setFailure(() => error),
    );
    return () => {
      active = false;
    };
  }, [load]);
  if (failure !== undefined) throw failure;
  return Part ? <Part {...props} /> : null;
}
