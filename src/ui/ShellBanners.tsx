// The shell's calm messages: offline, a new version waiting, an update the server requires.
// An update never reloads by itself; with unsaved input somewhere, reloading first asks.
import { useState } from 'preact/hooks';
import { applyUpdate, checkForUpdate, useUi } from '../state/ui';
import { Banner } from './components/Banner';
import { Button } from './components/Button';
import { common } from './i18n/common';
import { useMessages } from './i18n/messages';

export function ShellBanners() {
  const t = useMessages(common);
  const online = useUi((state) => state.online);
  const updateAvailable = useUi((state) => state.updateAvailable);
  const upgradeRequired = useUi((state) => state.upgradeRequired);
  if (online && !updateAvailable && !upgradeRequired) return null;
  return (
    <div class="shell__banners">
      {online ? null : (
        <Banner tone="info" icon="offline" data-testid="offline-banner">
          {t.offline}
        </Banner>
      )}
      {updateAvailable || upgradeRequired ? <UpdateBanner required={upgradeRequired} /> : null}
    </div>
  );
}

/** `required`: the server refused this version (426); the update is then fetched on request. */
function UpdateBanner({ required }: { required: boolean }) {
  const t = useMessages(common);
  const unsavedInputs = useUi((state) => state.unsavedInputs);
  const updateAvailable = useUi((state) => state.updateAvailable);
  const [confirming, setConfirming] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [fetching, setFetching] = useState(false);
  const title = required ? t.upgradeRequired : t.updateAvailable;
  const tone = required ? 'warning' : 'info';
  const reload = () => {
    setReloading(true);
    applyUpdate();
  };

  if (!updateAvailable) {
    // Nothing downloaded yet (the device was offline, or the check has not run): fetch it.
    const download = () => {
      setFetching(true);
      checkForUpdate();
    };
    return (
      <Banner
        tone={tone}
        data-testid="update-banner"
        title={title}
        actions={
          <Button variant="primary" disabled={fetching} onClick={download}>
            {t.upgradeFetch}
          </Button>
        }
      >
        {fetching ? t.upgradeFetching : t.upgradeRequiredText}
      </Banner>
    );
  }
  if (confirming && unsavedInputs > 0) {
    return (
      <Banner
        tone="warning"
        data-testid="update-banner"
        title={title}
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
      tone={tone}
      data-testid="update-banner"
      title={title}
      actions={
        <Button
          variant="primary"
          disabled={reloading}
          onClick={() => (unsavedInputs > 0 ? setConfirming(true) : reload())}
        >
          {t.reload}
        </Button>
      }
    >
      {required ? t.upgradeRequiredText : null}
    </Banner>
  );
}
