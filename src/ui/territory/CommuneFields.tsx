// Postcode and commune of a lieu, with the communes known offline: typing either offers the
// matching communes, choosing one fills its INSEE code, département, région and EPCI. Typed
// text is never replaced without a choice, and a postcode no commune has stays as typed.
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { type Commune, communeFields, communesOfPostcode, searchCommunes } from '../../domain/communes';
import { Field } from '../components/Field';
import { useCommunes } from '../hooks/use-communes';
import { useMessages } from '../i18n/messages';
import styles from './commune-fields.module.css';
import { territoryMessages } from './messages';

type CommuneValues = Record<keyof ReturnType<typeof communeFields>, string>;

/** What a typed commune name drops: the codes belonged to the commune chosen before. */
const CODES_CLEARED: Partial<CommuneValues> = {
  inseeCode: '',
  departementCode: '',
  regionCode: '',
  epciCode: '',
  epci: '',
};

interface CommuneFieldsProps {
  values: CommuneValues;
  errors: { postcode?: string | undefined; commune?: string | undefined };
  onChange: (changes: Partial<CommuneValues>) => void;
}

export function CommuneFields({ values, errors, onChange }: CommuneFieldsProps) {
  const t = useMessages(territoryMessages);
  const index = useCommunes();
  // Which box the person typed in last: its text is what the suggestions answer.
  const [typing, setTyping] = useState<'postcode' | 'commune' | null>(null);
  const loaded = index !== null && index !== 'unavailable' ? index : null;
  const query = typing === 'postcode' ? values.postcode : typing === 'commune' ? values.commune : '';
  const postcode = values.postcode.trim();
  const suggestions = useMemo(
    () => (loaded && query ? searchCommunes(loaded, query, { postcode }) : []),
    [loaded, query, postcode],
  );
  const unknownPostcode = loaded && /^\d{5}$/.test(postcode) && communesOfPostcode(loaded, postcode).length === 0;

  // A combobox (WAI-ARIA's pattern): the focus stays in the box typed in, one Tab stop; the arrows
  // move the active suggestion, Enter picks it, Escape closes the list and keeps the text. The
  // suggestions were buttons once, 26 Tab stops for 26400 between "Commune" and the next field.
  const listId = useId();
  const optionId = (rank: number) => `${listId}-${rank}`;
  const [active, setActive] = useState(-1);
  const current = active < suggestions.length ? active : -1;
  useEffect(() => {
    if (current >= 0) document.getElementById(`${listId}-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, listId]);
  const comboboxOf = (box: 'postcode' | 'commune') => {
    const expanded = typing === box && suggestions.length > 0;
    return {
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': expanded,
      'aria-controls': expanded ? listId : undefined,
      'aria-activedescendant': expanded && current >= 0 ? optionId(current) : undefined,
      onKeyDown: (event: KeyboardEvent) => onBoxKey(box, event),
    } as const;
  };
  const onBoxKey = (box: 'postcode' | 'commune', event: KeyboardEvent) => {
    const open = typing === box && suggestions.length > 0;
    const last = suggestions.length - 1;
    if (event.key === 'ArrowDown' && !open && (box === 'postcode' ? values.postcode : values.commune).trim()) {
      // Closed by Escape: ArrowDown opens the list again, on its first commune.
      setTyping(box);
      setActive(0);
    } else if (!open) return;
    else if (event.key === 'ArrowDown') setActive(Math.min(current + 1, last));
    // Up from the first commune goes back to the text; up from the text, to the last commune.
    else if (event.key === 'ArrowUp') setActive(current === -1 ? last : current - 1);
    else if (event.key === 'Escape') close();
    else if (event.key === 'Enter' && current >= 0) choose(suggestions[current] as Commune);
    else return;
    event.preventDefault();
  };
  const close = () => {
    setTyping(null);
    setActive(-1);
  };
  const typed = (box: 'postcode' | 'commune') => {
    setTyping(box);
    setActive(-1);
  };

  const choose = (commune: Commune) => {
    const fields = communeFields(commune, postcode);
    onChange(Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value ?? ''])));
    close();
  };
  const summary = [
    values.inseeCode && t.insee(values.inseeCode),
    values.departement && values.departementCode
      ? `${values.departement} (${values.departementCode})`
      : values.departementCode,
    values.region,
    values.epci,
  ].filter(Boolean);

  return (
    <div class={styles.group}>
      <Field
        label={t.postcode}
        optional
        inputMode="numeric"
        autocomplete="off"
        {...comboboxOf('postcode')}
        value={values.postcode}
        onInput={(event) => {
          typed('postcode');
          onChange({ postcode: event.currentTarget.value });
        }}
        error={errors.postcode}
      />
      {unknownPostcode ? (
        <p class={styles.notice} role="status">
          {t.noCommune(postcode)}
        </p>
      ) : null}
      <Field
        label={t.commune}
        hint={index === 'unavailable' ? t.unavailable : t.communeHint}
        optional
        autocomplete="off"
        {...comboboxOf('commune')}
        value={values.commune}
        onInput={(event) => {
          typed('commune');
          onChange({ commune: event.currentTarget.value, ...CODES_CLEARED });
        }}
        error={errors.commune}
      />
      {suggestions.length > 0 ? (
        <div class={styles.suggestions} role="listbox" id={listId} aria-label={t.suggestions}>
          {suggestions.map((commune, rank) => (
            // The keys are the combobox's, on the box that keeps the focus: a pointer picks here,
            // and its press must not take the focus from the box (nor close a phone's keyboard).
            // biome-ignore lint/a11y/useKeyWithClickEvents: see above
            <div
              key={commune.insee}
              id={optionId(rank)}
              role="option"
              aria-selected={rank === current}
              tabIndex={-1}
              class={styles.suggestion}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(commune)}
            >
              <span class={styles.name}>{commune.name}</span>
              <span class={styles.detail}>
                {[commune.postcodes.slice(0, 3).join(', '), commune.departement.name || commune.departement.code]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </div>
          ))}
        </div>
      ) : null}
      <p class="visually-hidden" role="status">
        {typing && suggestions.length > 0 ? t.suggestionsCount(suggestions.length) : ''}
      </p>
      {summary.length > 0 ? (
        <p class={styles.codes}>
          <span class="visually-hidden">{t.codes} : </span>
          {summary.join(' · ')}
        </p>
      ) : null}
    </div>
  );
}
