// For admins: how much of the network's file quota (VALISE_NETWORK_STORAGE_BYTES) is used, read
// when Réglages opens and again after each sync, so a full quota is seen before a concierge's
// photo is refused, and a reading that failed offline does not stay once the server answers.
import { useEffect, useState } from 'preact/hooks';
import { formatPercent } from '../../../../domain/numbers';
import type { StorageInfo } from '../../../../protocol/wire';
import { adminClient, useSyncStatus } from '../../../../state/sync';
import { useLanguage, useMessages } from '../../../i18n/messages';
import { formatBytes } from '../../../i18n/numbers';
import { messages } from './messages';

/** From this share on, the admin is told what happens when the space is full. */
const NEARLY_FULL = 0.9;

export function NetworkFiles() {
  const t = useMessages(messages);
  const lang = useLanguage();
  const [storage, setStorage] = useState<StorageInfo | 'unknown' | null>(null);
  const { lastSyncAt } = useSyncStatus();

  useEffect(() => {
    let current = true;
    adminClient()
      .then((client) => client?.storage() ?? null)
      .then(
        (info) => current && setStorage(info),
        () => current && setStorage('unknown'),
      );
    return () => {
      current = false;
    };
  }, [lastSyncAt]);

  // The line holds its place while the server answers: appearing later, it pushed the admin's
  // "Créer une invitation" down under a finger already on its way (a tap landing on the field above).
  if (storage === null) return <p>{t.filesReading}</p>;
  if (storage === 'unknown') return <p data-testid="network-files">{t.filesUnknown}</p>;
  const share = storage.quotaBytes > 0 ? storage.usedBytes / storage.quotaBytes : 1;
  return (
    <div data-testid="network-files">
      <p>
        {t.filesUsage(
          formatBytes(storage.usedBytes, lang, storage.quotaBytes),
          formatBytes(storage.quotaBytes, lang),
          formatPercent(share * 100, lang),
        )}
      </p>
      {share >= NEARLY_FULL ? <p>{t.filesFull}</p> : null}
    </div>
  );
}
