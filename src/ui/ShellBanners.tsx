// The shell's calm messages: offline, a new version waiting, an update the server requires, a
// backup being written (Réglages says it under its own button).
// An update never reloads by itself; with unsaved input somewhere, reloading first asks.
import { useState } from 'preact/hooks';
import { useRoute } from '../state/router';
import { applyUpdate, checkForUpdate, useUi } from '../state/ui';
import { Banner } from './components/Banner';
import { Button } from './components/Button';
import { common } from './i18n/common';
import { useMessages } from './i18n/messages';
import { SETTINGS_PATH } from './routes';

/**
 * An address the browser does not trust (http:// other than localhost, as a server tried on a
 * phone over the office's Wi-Fi): no service worker there, so the app cannot open offline, and
 * nothing said so. Browsers without the property say nothing either.
 */
const insecureOrigin = () => window.isSecureContext === false;

export function ShellBanners() {
  const t = useMessages(common);
  const online = useUi((state) => state.online);
  const updateAvailable = useUi((state) => state.updateAvailable);
  const upgradeRequired = useUi((state) => state.upgradeRequired);
  // Started in Réglages, said there under its button: a banner would push that button down.
  const inSettings = useRoute().screen === SETTINGS_PATH;
  const backupNotice = useUi((state) => state.savingBackup);
  const savingBackup = inSettings ? null : backupNotice;
  const insecure = insecureOrigin();
  if (online && !updateAvailable && !upgradeRequired && !insecure && !savingBackup) return null;
  return (
    <div class="shell__banners">
      {insecure ? (
        <Banner tone="warning" data-testid="insecure-banner" title={t.insecureTitle}>
          {t.insecureText(location.host)}
        </Banner>
      ) : null}
      {online ? null : (
        <Banner tone="info" icon="offline" data-testid="offline-banner">
          {t.offline}
        </Banner>
      )}
      {savingBackup ? (
        <Banner tone="info" data-testid="saving-backup-banner" title={savingBackup.title}>
          {savingBackup.text}
        </Banner>
      ) : null}
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
