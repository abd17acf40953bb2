// Postcode and commune of a lieu, with the communes known offline: typing either offers the
// matching communes, choosing one fills its INSEE code, département, région and EPCI. Typed
// text is never replaced without a choice, and a postcode no commune has stays as typed.
import { useMemo, useRef, useState } from 'preact/hooks';
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

  // The keyboard's way through the suggestions: ArrowDown from the box typed in goes to them, the
  // arrows move among them, and Escape closes them with the focus back in that box. Without it the
  // list stayed open under the box and 26 suggestions stood between "Commune" and the next field.
  const list = useRef<HTMLUListElement>(null);
  const typedIn = () => list.current?.parentElement?.querySelectorAll('input')[typing === 'postcode' ? 0 : 1];
  const onFieldKey = (event: KeyboardEvent) => {
    if (suggestions.length === 0) return;
    if (event.key === 'Escape') setTyping(null);
    else if (event.key === 'ArrowDown') list.current?.querySelector('button')?.focus();
    else return;
    event.preventDefault();
  };
  const onSuggestionKey = (event: KeyboardEvent) => {
    const item = (event.currentTarget as HTMLElement).closest('li');
    const next =
      event.key === 'ArrowDown'
        ? item?.nextElementSibling
        : event.key === 'ArrowUp'
          ? item?.previousElementSibling
          : null;
    if (next) next.querySelector('button')?.focus();
    else if (event.key === 'ArrowUp' || event.key === 'Escape') {
      typedIn()?.focus();
      if (event.key === 'Escape') setTyping(null);
    } else if (event.key !== 'ArrowDown') return;
    event.preventDefault();
  };

  const choose = (commune: Commune) => {
    const fields = communeFields(commune, postcode);
    onChange(Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value ?? ''])));
    setTyping(null);
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
        onKeyDown={onFieldKey}
        value={values.postcode}
        onInput={(event) => {
          setTyping('postcode');
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
        onKeyDown={onFieldKey}
        value={values.commune}
        onInput={(event) => {
          setTyping('commune');
          onChange({ commune: event.currentTarget.value, ...CODES_CLEARED });
        }}
        error={errors.commune}
      />
      {suggestions.length > 0 ? (
        <ul class={styles.suggestions} aria-label={t.suggestions} ref={list}>
          {suggestions.map((commune) => (
            <li key={commune.insee}>
              <button
                type="button"
                class={styles.suggestion}
                onClick={() => choose(commune)}
                onKeyDown={onSuggestionKey}
              >
                <span class={styles.name}>{commune.name}</span>
                <span class={styles.detail}>
                  {[commune.postcodes.slice(0, 3).join(', '), commune.departement.name || commune.departement.code]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {summary.length > 0 ? (
        <p class={styles.codes}>
          <span class="visually-hidden">{t.codes} : </span>
          {summary.join(' · ')}
        </p>
      ) : null}
    </div>
  );
}
