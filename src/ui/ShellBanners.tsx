// The shell's calm messages: offline, and a new version waiting. An update never reloads by
// itself; with unsaved input somewhere, reloading first asks.
import { useState } from 'preact/hooks';
import { applyUpdate, useUi } from '../state/ui';
import { Banner } from './components/Banner';
import { Button } from './components/Button';
import { Icon } from './components/Icon';
import { common } from './i18n/common';
import { useMessages } from './i18n/messages';

export function ShellBanners() {
  const t = useMessages(common);
  const online = useUi((state) => state.online);
  const updateAvailable = useUi((state) => state.updateAvailable);
  if (online && !updateAvailable) return null;
  return (
    <div class="shell__banners">
      {online ? null : (
        <Banner tone="info" class="banner--offline">
          <Icon name="offline" class="banner__icon" />
          {t.offline}
        </Banner>
      )}
      {updateAvailable ? <UpdateBanner /> : null}
    </div>
  );
}

function UpdateBanner() {
  const t = useMessages(common);
  const unsavedInputs = useUi((state) => state.unsavedInputs);
  const [confirming, setConfirming] = useState(false);
  const [reloading, setReloading] = useState(false);
  const reload = () => {
    setReloading(true);
    applyUpdate();
  };

  if (confirming && unsavedInputs > 0) {
    return (
      <Banner
        tone="warning"
        class="banner--update"
        title={t.updateAvailable}
        actions={
          <>
            <Button variant="primary" onClick={reload} disabled={reloading}>
              {t.reloadAnyway}
            </Button>
            <Button onClick={() => setConfirming(false)}>{t.later}</Button>
          </>
        }
      >
        {t.unsavedBeforeReload}
      </Banner>
    );
  }
  return (
    <Banner
      tone="info"
      class="banner--update"
      title={t.updateAvailable}
      actions={
        <Button
          variant="primary"
          disabled={reloading}
          onClick={() => (unsavedInputs > 0 ? setConfirming(true) : reload())}
        >
          {t.reload}
        </Button>
      }
    />
  );
}
