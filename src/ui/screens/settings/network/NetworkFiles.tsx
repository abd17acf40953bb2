// For admins: how much the network stores, read when Réglages opens and again after each sync, so
// a reading that failed offline does not stay once the server answers. Its records against their
// quota (VALISE_NETWORK_RECORD_BYTES): a device pushing without end is noticed before the network
// is full. Its files against theirs (VALISE_NETWORK_STORAGE_BYTES): a full quota is seen before a
// concierge's photo is refused.
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

  // The lines hold their place while the server answers: appearing later, they pushed the admin's
  // "Créer une invitation" down under a finger already on its way (a tap landing on the field above).
  if (storage === null)
    return (
      <div>
        <p>{t.recordsReading}</p>
        <p>{t.filesReading}</p>
      </div>
    );
  if (storage === 'unknown')
    return (
      <div data-testid="network-files">
        <p>{t.recordsUnknown}</p>
        <p>{t.filesUnknown}</p>
      </div>
    );
  const share = shareOf(storage.usedBytes, storage.quotaBytes);
  return (
    <div data-testid="network-files">
      <RecordsUsage storage={storage} />
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

/** The records' line: against their quota when the server says it (an older one counts them only). */
function RecordsUsage({ storage }: { storage: StorageInfo }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const { recordCount: count, recordBytes: used, recordQuotaBytes: quota } = storage;
  if (count === undefined || used === undefined) return null;
  if (quota === undefined) return <p>{t.recordsUsage(count, formatBytes(used, lang))}</p>;
  const share = shareOf(used, quota);
  return (
    <>
      <p>
        {t.recordsUsageOf(
          count,
          formatBytes(used, lang, quota),
          formatBytes(quota, lang),
          formatPercent(share * 100, lang),
        )}
      </p>
      {share >= NEARLY_FULL ? <p>{t.recordsFull}</p> : null}
    </>
  );
}

function shareOf(used: number, quota: number): number {
  return quota > 0 ? used / quota : 1;
}
