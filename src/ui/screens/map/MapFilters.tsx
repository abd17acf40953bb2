// The map's filters: kind, territory (by code, communes too), service, "pas de visite depuis 6 mois".
import { useMemo } from 'preact/hooks';
import { labelOf } from '../../../domain/label-of';
import { type MapFilter, mapTerritories } from '../../../domain/lieu-map';
import type { Organisation } from '../../../domain/organisation';
import { ORGANISATION_KINDS } from '../../../domain/vocabulary';
import { ORGANISATION_KIND_LABELS } from '../../../domain/vocabulary-labels';
import { Check } from '../../components/Check';
import { Disclosure } from '../../components/Disclosure';
import { Field } from '../../components/Field';
import { TerritoryFilter } from '../../components/TerritoryFilter';
import { useLanguage, useMessages } from '../../i18n/messages';
import styles from './Map.module.css';
import { messages } from './messages';

const SIX_MONTHS = 6;

export function MapFilters({
  lieux,
  filter,
  onChange,
}: {
  lieux: readonly { lieu: Organisation }[];
  filter: MapFilter;
  onChange: (filter: MapFilter) => void;
}) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const territories = useMemo(() => mapTerritories(lieux.map((item) => item.lieu)), [lieux]);
  const set = (changes: Partial<MapFilter>) => {
    const next: MapFilter = { ...filter, ...changes };
    for (const key of Object.keys(next) as (keyof MapFilter)[]) if (next[key] === undefined) delete next[key];
    onChange(next);
  };
  const active = Object.keys(filter).length;
  const value = (text: string) => (text === '' ? undefined : text);
  return (
    <Disclosure class={styles.filterBox} summary={active > 0 ? t.filtersActive(active) : t.filters}>
      <div class={styles.filters}>
        <Field
          as="select"
          label={t.kind}
          value={filter.kind ?? ''}
          onChange={(e) => set({ kind: value(e.currentTarget.value) })}
        >
          <option value="">{t.any}</option>
          {ORGANISATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {labelOf(ORGANISATION_KIND_LABELS, kind, lang)}
            </option>
          ))}
        </Field>
        <TerritoryFilter
          territories={territories}
          value={{ territory: filter.territory ?? null, service: filter.service ?? null }}
          serviceLabel={t.service}
          onChange={(choice) => set({ territory: choice.territory ?? undefined, service: choice.service ?? undefined })}
        />
        <Check
          checked={filter.notVisitedForMonths !== undefined}
          onChange={(e) => set({ notVisitedForMonths: e.currentTarget.checked ? SIX_MONTHS : undefined })}
        >
          {t.notVisited}
        </Check>
      </div>
    </Disclosure>
  );
}
