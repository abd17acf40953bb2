// The map's filters: kind, service, territory (by code), "pas de visite depuis 6 mois".
import { useMemo } from 'preact/hooks';
import { type MapFilter, mapTerritories } from '../../../domain/lieu-map';
import type { Organisation } from '../../../domain/organisation';
import { SERVICE_KEYS, SERVICE_LABELS, type ServiceKey } from '../../../domain/services';
import { labelOf, ORGANISATION_KINDS } from '../../../domain/vocabulary';
import { ORGANISATION_KIND_LABELS } from '../../../domain/vocabulary-labels';
import { Check } from '../../components/Check';
import { Field } from '../../components/Field';
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
  const groups = [...new Set(territories.map((item) => item.group))];
  const set = (changes: Partial<MapFilter>) => {
    const next: MapFilter = { ...filter, ...changes };
    for (const key of Object.keys(next) as (keyof MapFilter)[]) if (next[key] === undefined) delete next[key];
    onChange(next);
  };
  const active = Object.keys(filter).length;
  const value = (text: string) => (text === '' ? undefined : text);
  return (
    <details class={styles.filterBox}>
      <summary>{active > 0 ? t.filtersActive(active) : t.filters}</summary>
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
        <Field
          as="select"
          label={t.service}
          value={filter.service ?? ''}
          onChange={(e) => set({ service: value(e.currentTarget.value) as ServiceKey | undefined })}
        >
          <option value="">{t.any}</option>
          {SERVICE_KEYS.map((key) => (
            <option key={key} value={key}>
              {labelOf(SERVICE_LABELS, key, lang)}
            </option>
          ))}
        </Field>
        <Field
          as="select"
          label={t.territory}
          value={filter.territory ?? ''}
          onChange={(e) => set({ territory: value(e.currentTarget.value) })}
        >
          <option value="">{t.any}</option>
          {groups.map((group) => (
            <optgroup key={group} label={t.territoryGroup(group)}>
              {territories
                .filter((item) => item.group === group)
                .map((item) => (
                  <option key={item.key} value={item.key}>
                    {item.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </Field>
        <Check
          checked={filter.notVisitedForMonths !== undefined}
          onChange={(e) => set({ notVisitedForMonths: e.currentTarget.checked ? SIX_MONTHS : undefined })}
        >
          {t.notVisited}
        </Check>
      </div>
    </details>
  );
}
