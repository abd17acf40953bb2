// The shell every screen plugs into: navigation (bottom bar on phones, side column on wider
// screens), the app's banners, and the current screen in <main>.
import { useRoute } from '../state/router';
import { Icon } from './components/Icon';
import { common } from './i18n/common';
import { useMessages } from './i18n/messages';
import { QuickCapture } from './QuickCapture';
import { DEFAULT_SCREEN, JOIN_PATH, NAV_ITEMS, SETTINGS_PATH, WIDE_ITEMS } from './routes';
import { ScreenOutlet } from './ScreenOutlet';
import { ShellBanners } from './ShellBanners';
import { SyncIndicator } from './sync/SyncIndicator';

function skipToMain(event: MouseEvent) {
  // The hash belongs to the router: move focus without changing it.
  event.preventDefault();
  const main = document.getElementById('main');
  main?.focus();
  main?.scrollIntoView();
}

export function App() {
  const t = useMessages(common);
  const route = useRoute();
  // An invitation link opens Réglages: the navigation says that is where the person is.
  const current = route.screen === '' ? DEFAULT_SCREEN : route.screen === JOIN_PATH ? SETTINGS_PATH : route.screen;
  const currentIf = (path: string) => (current === path ? ('page' as const) : undefined);

  return (
    <div class="shell">
      {/* biome-ignore lint/a11y/useValidAnchor: a real skip link (it works as one without script); the click handler only keeps the router's hash. */}
      <a class="skip-link" href="#main" onClick={skipToMain}>
        {t.skipToContent}
      </a>
      <header class="topbar">
        <span class="brand">
          <BrandMark />
          <span class="brand__name">{t.appName}</span>
        </span>
        <SyncIndicator place="topbar" />
        <QuickCapture place="topbar" />
        <a class="topbar__settings" href={`#/${SETTINGS_PATH}`} aria-current={currentIf(SETTINGS_PATH)}>
          <Icon name="settings" />
          <span>{t.navSettings}</span>
        </a>
      </header>
      <nav class="nav" aria-label={t.mainNavigation}>
        <span class="brand nav__brand">
          <BrandMark />
          {t.appName}
        </span>
        <div class="nav__sync">
          <SyncIndicator place="column" />
        </div>
        <div class="nav__capture">
          <QuickCapture place="column" />
        </div>
        <ul class="nav__list">
          {NAV_ITEMS.map((item) => (
            <li key={item.path} class="nav__item">
              <a class="nav__link" href={`#/${item.path}`} aria-current={currentIf(item.path)}>
                <Icon name={item.icon} />
                {item.shortLabel ? (
                  <>
                    <span class="nav__label nav__label--long">{t[item.label]}</span>
                    <span class="nav__label nav__label--short">{t[item.shortLabel]}</span>
                  </>
                ) : (
                  <span class="nav__label">{t[item.label]}</span>
                )}
              </a>
            </li>
          ))}
          {WIDE_ITEMS.map((item) => (
            <li key={item.path} class="nav__item nav__item--wide">
              <a class="nav__link" href={`#/${item.path}`} aria-current={currentIf(item.path)}>
                <Icon name={item.icon} />
                <span class="nav__label">{t[item.label]}</span>
              </a>
            </li>
          ))}
          <li class="nav__item nav__item--wide nav__item--settings">
            <a class="nav__link" href={`#/${SETTINGS_PATH}`} aria-current={currentIf(SETTINGS_PATH)}>
              <Icon name="settings" />
              <span class="nav__label">{t.navSettings}</span>
            </a>
          </li>
        </ul>
      </nav>
      <div class="shell__body">
        <ShellBanners />
        <main id="main" class="main" tabIndex={-1}>
          <ScreenOutlet />
        </main>
      </div>
    </div>
  );
}

function BrandMark() {
  return (
    <svg class="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="3" y="9" width="26" height="19" rx="4" fill="currentColor" />
      <path
        d="M11 9V6.5A2.5 2.5 0 0 1 13.5 4h5A2.5 2.5 0 0 1 21 6.5V9"
        fill="none"
        stroke="currentColor"
        stroke-width="2.4"
      />
      <path d="M3 17h26" stroke="var(--color-brand-band)" stroke-width="2.4" />
    </svg>
  );
}
