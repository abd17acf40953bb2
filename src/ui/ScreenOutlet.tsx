// Shows the screen of the current route, loading its code on first visit. A screen that
// fails (its code cannot load offline, a query fails) is replaced by a message in words,
// never a blank page; the rest of the shell keeps working.
import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useErrorBoundary, useState } from 'preact/hooks';
import { useRoute } from '../state/router';
import { Banner } from './components/Banner';
import { Button, ButtonLink } from './components/Button';
import { ScreenHeader } from './components/ScreenHeader';
import { holdFirstScreen } from './first-screen';
import { common } from './i18n/common';
import { useMessages } from './i18n/messages';
import { findScreen, type ScreenEntry, type ScreenProps } from './routes';
import styles from './ScreenOutlet.module.css';

const loaded = new Map<string, ComponentType<ScreenProps>>();

export function ScreenOutlet() {
  const route = useRoute();
  const entry = findScreen(route.screen);
  if (!entry) return <NotFound />;
  return (
    <ScreenBoundary key={entry.path} path={entry.path}>
      <LazyScreen entry={entry} route={route} />
    </ScreenBoundary>
  );
}

function LazyScreen({ entry, route }: ScreenProps & { entry: ScreenEntry }) {
  const [Screen, setScreen] = useState(() => loaded.get(entry.path));
  const [failure, setFailure] = useState<unknown>();
  // Background work waits for the first screen's code (src/ui/first-screen.ts).
  const [shown] = useState(() => (loaded.has(entry.path) ? () => undefined : holdFirstScreen()));
  useEffect(() => {
    if (loaded.has(entry.path)) return;
    let active = true;
    entry
      .load()
      .then(
        (module) => {
          loaded.set(entry.path, module.default);
          if (active) setScreen(() => module.default);
        },
        (error: unknown) => active && setFailure(() => error),
      )
      .finally(shown);
    return () => {
      active = false;
      shown();
    };
  }, [entry]);
  if (failure !== undefined) throw failure;
  return Screen ? <Screen route={route} /> : <Loading />;
}

function Loading() {
  const t = useMessages(common);
  // Shown only when loading lasts: a flash of "Chargement…" on every tap would be noise.
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), 300);
    return () => clearTimeout(timer);
  }, []);
  return (
    <p class={styles.loading} role="status">
      {visible ? t.loadingScreen : ''}
    </p>
  );
}

function ScreenBoundary({ children, path }: { children: ComponentChildren; path: string }) {
  const [error] = useErrorBoundary((caught: unknown) => console.error(caught));
  return <div data-screen={path}>{error ? <ScreenFailed /> : children}</div>;
}

function ScreenFailed() {
  const t = useMessages(common);
  return (
    <>
      <ScreenHeader title={t.screenFailed} />
      <Banner
        tone="error"
        actions={
          <Button variant="primary" onClick={() => location.reload()}>
            {t.screenFailedReload}
          </Button>
        }
      >
        {t.screenFailedHint}
      </Banner>
    </>
  );
}

function NotFound() {
  const t = useMessages(common);
  return (
    <>
      <ScreenHeader title={t.notFoundTitle} description={t.notFoundText} />
      <ButtonLink variant="primary" href="#/visites">
        {t.notFoundAction}
      </ButtonLink>
    </>
  );
}
