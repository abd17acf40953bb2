// Lieux "pas sur la carte" (no coordinates, no located visit; a commune alone places none):
// placed from the national address base when online (the request goes through
// src/sync/ban.ts), or at the device's position by someone standing there. Either way the
// lieu's coordinates are an ordinary edit, synced like any other; nothing else is touched.
import { useState } from 'preact/hooks';
import { updateOrganisation } from '../../../db/organisations';
import { isolate } from '../../../domain/bidi';
import type { LatLon } from '../../../domain/geo';
import type { MapLieu } from '../../../domain/lieu-map';
import type { Organisation } from '../../../domain/organisation';
import { locateWithBan } from '../../../sync/ban';
import { Button } from '../../components/Button';
import { Section } from '../../components/Section';
import { useDataContext } from '../../hooks/use-data-context';
import type { PositionRequest } from '../../hooks/use-position';
import { useMessages } from '../../i18n/messages';
import { lieuHref } from '../contacts/paths';
import styles from './Map.module.css';
import { messages } from './messages';

const PAGE = 20;

export function Unplaced({
  items,
  here,
  onStatus,
}: {
  items: readonly MapLieu[];
  here: PositionRequest;
  onStatus: (text: string) => void;
}) {
  const t = useMessages(messages);
  const context = useDataContext();
  const [busy, setBusy] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  if (items.length === 0) return null;

  const place = async (lieu: Organisation, at: LatLon, said: string) => {
    if (!context) return;
    try {
      await updateOrganisation(context, lieu.id, { latitude: at.latitude, longitude: at.longitude });
      onStatus(said);
    } catch {
      onStatus(t.saveFailed);
    }
  };
  const byAddress = async (lieu: Organisation) => {
    setBusy(lieu.id);
    const outcome = await locateWithBan(lieu);
    setBusy(null);
    if (outcome.kind === 'found')
      await place(lieu, outcome.place, t.banFound(isolate(lieu.name), isolate(outcome.place.label)));
    else if (outcome.kind === 'not-found') onStatus(t.banNotFound(isolate(lieu.name)));
    else if (outcome.kind === 'no-address') onStatus(t.banNoAddress(isolate(lieu.name)));
    else onStatus(t.banUnreachable);
  };
  const atMyPosition = (lieu: Organisation) =>
    here.locate((position) => void place(lieu, position, t.placedHere(isolate(lieu.name))));

  return (
    <Section title={t.unplaced(items.length)}>
      <p class={styles.muted}>{t.unplacedHint}</p>
      <ul class={styles.list}>
        {items.slice(0, limit).map(({ lieu }) => (
          <li key={lieu.id} class={styles.unplacedRow}>
            <span>
              <a class={styles.unplacedName} href={lieuHref(lieu.id)} data-testid="unplaced-lieu">
                {lieu.name}
              </a>
              {lieu.commune || lieu.address ? (
                <span class={styles.rowDetail}> · {[lieu.address, lieu.commune].filter(Boolean).join(', ')}</span>
              ) : null}
            </span>
            <span class="actions">
              <Button onClick={() => void byAddress(lieu)} aria-disabled={busy === lieu.id}>
                {busy === lieu.id ? t.searching : t.byAddress}
              </Button>
              <Button variant="quiet" onClick={() => atMyPosition(lieu)} aria-disabled={here.status === 'locating'}>
                {t.atMyPosition}
              </Button>
            </span>
          </li>
        ))}
      </ul>
      {items.length > limit ? (
        <Button onClick={() => setLimit(limit + PAGE)}>{t.more(items.length - limit)}</Button>
      ) : null}
    </Section>
  );
}
