// Where and what: the territory (grouped by kind, keys by code so "Rhône" and "69" are one)
// and the network's service, as the map and the reports both filter on them.

import { labelOf } from '../../domain/label-of';
import { SERVICE_KEYS, SERVICE_LABELS, type ServiceKey } from '../../domain/services';
import type { TerritoryOption } from '../../domain/territory';
import { useLanguage, useMessages } from '../i18n/messages';
import { Field } from './Field';
import styles from './TerritoryFilter.module.css';
import { territoryFilterMessages } from './territory-filter-messages';

interface TerritoryChoice {
  territory: string | null;
  service: ServiceKey | null;
}

interface TerritoryFilterProps {
  territories: readonly TerritoryOption[];
  value: TerritoryChoice;
  /** What the service filter keeps, in the screen's words ("Service rendu lors d’une visite"). */
  serviceLabel: string;
  onChange: (value: TerritoryChoice) => void;
}

export function TerritoryFilter({ territories, value, serviceLabel, onChange }: TerritoryFilterProps) {
  const t = useMessages(territoryFilterMessages);
  const lang = useLanguage();
  const groups = [...new Set(territories.map((item) => item.group))];
  return (
    <div class={styles.territoryFilter}>
      <Field
        as="select"
        label={t.territory}
        value={value.territory ?? ''}
        onChange={(e) => onChange({ ...value, territory: e.currentTarget.value || null })}
      >
        <option value="">{t.any}</option>
        {groups.map((group) => (
          <optgroup key={group} label={t.group(group)}>
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
      <Field
        as="select"
        label={serviceLabel}
        value={value.service ?? ''}
        onChange={(e) => onChange({ ...value, service: (e.currentTarget.value || null) as ServiceKey | null })}
      >
        <option value="">{t.any}</option>
        {SERVICE_KEYS.map((key) => (
          <option key={key} value={key}>
            {labelOf(SERVICE_LABELS, key, lang)}
          </option>
        ))}
      </Field>
    </div>
  );
}
