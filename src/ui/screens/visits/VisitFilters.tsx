// The visit list's filters, loaded once the person opens them: the first screen never pays
// for their fields, their words or the lieux they list.

import { listOrganisations } from '../../../db/organisation-queries';
import type { VisitFilter } from '../../../db/visit-queries';
import { labelOf } from '../../../domain/label-of';
import { SERVICE_KEYS, SERVICE_LABELS, type ServiceKey } from '../../../domain/services';
import { Button } from '../../components/Button';
import { Choice } from '../../components/Choices';
import { Field } from '../../components/Field';
import { useLive } from '../../hooks/use-live';
import { useLanguage, useMessages } from '../../i18n/messages';
import { filterMessages } from './filter-messages';
import styles from './VisitFilters.module.css';

export type VisitFilters = Omit<VisitFilter, 'limit' | 'query'>;

export interface VisitFiltersProps {
  filters: VisitFilters;
  onChange: (change: VisitFilters) => void;
  onClear: () => void;
}

export default function VisitFilterFields({ filters, onChange, onClear }: VisitFiltersProps) {
  const t = useMessages(filterMessages);
  const lang = useLanguage();
  const lieux = useLive((context) => listOrganisations(context), []);
  return (
    <div class={styles.fields}>
      <Field
        as="select"
        label={t.lieu}
        value={filters.organisationId ?? ''}
        onChange={(event) => onChange({ organisationId: event.currentTarget.value || undefined })}
      >
        <option value="">{t.anyLieu}</option>
        {(lieux ?? []).map((lieu) => (
          <option key={lieu.id} value={lieu.id}>
            {lieu.name}
          </option>
        ))}
      </Field>
      <Field
        label={t.territory}
        hint={t.territoryHint}
        value={filters.territory ?? ''}
        onInput={(event) => onChange({ territory: event.currentTarget.value || undefined })}
      />
      <Field
        as="select"
        label={t.service}
        value={filters.service ?? ''}
        onChange={(event) => onChange({ service: (event.currentTarget.value || undefined) as ServiceKey | undefined })}
      >
        <option value="">{t.anyService}</option>
        {SERVICE_KEYS.map((service) => (
          <option key={service} value={service}>
            {labelOf(SERVICE_LABELS, service, lang)}
          </option>
        ))}
      </Field>
      <Field
        label={t.from}
        type="date"
        value={filters.from ?? ''}
        onChange={(event) => onChange({ from: event.currentTarget.value || undefined })}
      />
      <Field
        label={t.to}
        type="date"
        value={filters.to ?? ''}
        onChange={(event) => onChange({ to: event.currentTarget.value || undefined })}
      />
      <Choice>
        <input
          type="checkbox"
          checked={filters.withOpenFollowUps === true}
          onChange={(event) => onChange({ withOpenFollowUps: event.currentTarget.checked || undefined })}
        />
        {t.openFollowUps}
      </Choice>
      <Button variant="quiet" onClick={onClear}>
        {t.clearFilters}
      </Button>
    </div>
  );
}
