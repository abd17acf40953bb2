import { useEffect, useState } from 'preact/hooks';
import { type CommuneIndex, parseCommunes } from '../../domain/communes';

let loading: Promise<CommuneIndex> | null = null;

/** The commune table, read once per tab from its own chunk (cached by the worker at install). */
function loadCommunes(): Promise<CommuneIndex> {
  loading ??= import('virtual:communes').then((module) => parseCommunes(module.default));
  // A chunk that failed to load (offline before the worker cached it) is tried again next time.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** Null while the table loads, 'unavailable' when it could not: the fields then stay plain text. */
export function useCommunes(): CommuneIndex | null | 'unavailable' {
  const [index, setIndex] = useState<CommuneIndex | null | 'unavailable'>(null);
  useEffect(() => {
    let active = true;
    loadCommunes().then(
      (loaded) => active && setIndex(loaded),
      () => active && setIndex('unavailable'),
    );
    return () => {
      active = false;
    };
  }, []);
  return index;
}
