import { useEffect, useState } from 'preact/hooks';
import {
  readStorageStatus,
  requestPersistentStorage,
  resetPersistenceRequest,
  type StorageStatus,
} from '../../../db/persistence';
import { Banner, BannerMore } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Fact, Facts } from '../../components/Facts';
import { Section } from '../../components/Section';
import { useLanguage, useMessages } from '../../i18n/messages';
import { formatBytes } from '../../i18n/numbers';
import { messages } from './messages';

export function StorageSection() {
  const t = useMessages(messages);
  const lang = useLanguage();
  const [status, setStatus] = useState<StorageStatus>();
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    let active = true;
    readStorageStatus().then((next) => active && setStatus(next));
    return () => {
      active = false;
    };
  }, []);

  const ask = async () => {
    // Asked on purpose by the user: ask again even if this tab already asked once.
    resetPersistenceRequest();
    const granted = await requestPersistentStorage();
    setRefused(!granted);
    setStatus(await readStorageStatus());
  };

  const persistence =
    status === undefined
      ? '…'
      : status.persisted === null
        ? t.storageUnknown
        : status.persisted
          ? t.storageYes
          : t.storageNo;
  const usage =
    status?.usage == null || status.quota == null
      ? t.storageUnknown
      : t.storageUsage(formatBytes(status.usage, lang), formatBytes(status.quota, lang));

  return (
    <Section title={t.storageTitle} id="stockage">
      <Facts>
        <Fact label={t.storagePersistent} data-testid="storage-persistent">
          {persistence}
        </Fact>
        <Fact label={t.storageUsed} data-testid="storage-usage">
          {status === undefined ? '…' : usage}
        </Fact>
      </Facts>
      {status && !status.canAsk && status.persisted !== true ? (
        // No `persist()` (WebKit, Safari): nothing to ask; only a backup and the server keep the data.
        <Banner tone="warning">{t.storageCannotAsk}</Banner>
      ) : status?.persisted === false ? (
        <Banner
          tone="warning"
          actions={
            <Button onClick={ask} variant="secondary">
              {t.storageAsk}
            </Button>
          }
        >
          {t.storageWarning}
          {refused ? <BannerMore as="span">{t.storageRefused}</BannerMore> : null}
        </Banner>
      ) : null}
    </Section>
  );
}
