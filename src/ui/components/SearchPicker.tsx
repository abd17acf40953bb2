// Pick one or several records by typing part of their name (accents and case ignored), with
// "Créer « … »" when nothing fits. Used for the lieu of a visit, the people met, attendees…
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { matchesWords, normalizeForSearch, queryWords } from '../../domain/search';
import { useFocusAfterRemoval } from '../hooks/use-focus-after-removal';
import { useMessages } from '../i18n/messages';
import { Button } from './Button';
import { classes } from './classes';
import { FieldError, fieldParts, Hint, OptionalMark } from './Field';
import { pickerMessages } from './picker-messages';
import styles from './SearchPicker.module.css';

export interface PickerOption {
  id: string;
  label: string;
  /** A second line that tells two homonyms apart (commune, role). */
  detail?: string | null | undefined;
}

export interface SearchPickerProps {
  /** What is picked ("Lieu", "Personnes rencontrées"); also names the search box. */
  label: string;
  hint?: string;
  /** Shows "(facultatif)" after the label, as Field does. */
  optional?: boolean;
  /** Every candidate; the picker filters them as the person types. */
  options: readonly PickerOption[];
  /** Ids picked, in order. */
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  /** Several picks (people) or one (a lieu: picking replaces it). */
  multiple?: boolean;
  /** Ids offered first while nothing is typed (the last lieu, frequent contacts). */
  suggested?: readonly string[];
  /** Called with the typed text by "Créer « … »"; the caller creates and selects the record. */
  onCreate?: (text: string) => void;
  /** How many matches to show at once. */
  maxShown?: number;
  /** Told what is typed, for a caller that reads its candidates for it (RecordPicker). */
  onQuery?: (query: string) => void;
  /**
   * False while `options` are not yet those read for what is typed (RecordPicker's search is
   * still on its way): "Créer « … »" waits, or a known lieu typed quickly would be created twice.
   */
  answered?: boolean;
  /**
   * The chip of a picked id that is among no option: « … » while it is being read (the default),
   * then what RecordPicker says of a record this device does not hold.
   */
  absentLabel?: string;
  error?: string | undefined;
}

export function SearchPicker({
  label,
  hint,
  optional = false,
  options,
  selected,
  onChange,
  multiple = false,
  suggested = [],
  onCreate,
  maxShown = 6,
  onQuery,
  answered = true,
  absentLabel = '…',
  error,
}: SearchPickerProps) {
  const t = useMessages(pickerMessages);
  const id = useId();
  const [query, setQueryState] = useState('');
  const setQuery = (text: string) => {
    setQueryState(text);
    onQuery?.(text);
  };
  const byId = useMemo(() => new Map(options.map((option) => [option.id, option])), [options]);
  const words = queryWords(query);
  const typed = words.length > 0;
  const matches = useMemo(() => {
    if (!typed) {
      const first = suggested.map((key) => byId.get(key)).filter((option) => option !== undefined);
      return first.length > 0 ? first : options;
    }
    return options.filter((option) => matchesWords(words, [option.label, option.detail]));
  }, [options, byId, suggested, query]);
  const candidates = matches.filter((option) => !selected.includes(option.id));
  const shown = candidates.slice(0, maxShown);
  const exact = typed && options.some((option) => normalizeForSearch(option.label) === normalizeForSearch(query));
  const picked = selected.map((key) => byId.get(key) ?? { id: key, label: absentLabel });
  const searching = multiple || selected.length === 0;
  const creatable = typed && onCreate !== undefined && !exact && answered;

  const pick = (option: PickerOption) => {
    picking();
    onChange(multiple ? [...selected, option.id] : [option.id]);
    setQuery('');
  };
  const create = () => {
    onCreate?.(query.trim());
    setQuery('');
  };
  // "×" or "Changer" goes with its chip, and the focus would fall to the page's start: it goes
  // to the search box instead (back in place of a single pick), to type the next one.
  const searchBox = useRef<HTMLInputElement>(null);
  const removing = useFocusAfterRemoval(selected, () => searchBox.current);
  // The option pressed goes with the pick too (and a single pick's search box): the focus goes to
  // the search box for the next one, or to "Changer" in place of a single pick's box.
  const pickedList = useRef<HTMLUListElement>(null);
  const picking = useFocusAfterRemoval(selected, () =>
    multiple ? searchBox.current : pickedList.current?.querySelector('button'),
  );
  const remove = (key: string) => {
    removing();
    onChange(selected.filter((other) => other !== key));
  };

  return (
    <fieldset class={classes(fieldParts.field, styles.picker, error && fieldParts.invalid)}>
      <legend class={fieldParts.label}>
        {label}
        {optional ? <OptionalMark /> : null}
      </legend>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {picked.length > 0 ? (
        <ul class={styles.picked} ref={pickedList}>
          {picked.map((option) => (
            <li key={option.id} class={styles.chip} data-testid="picker-chip">
              <span>{option.label}</span>
              <button
                type="button"
                class={styles.remove}
                aria-label={multiple ? t.remove(option.label) : t.changeNamed(option.label)}
                onClick={() => remove(option.id)}
              >
                {multiple ? '×' : t.change}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {searching ? (
        <>
          <label class="visually-hidden" for={`${id}-search`}>
            {t.searchLabel(label)}
          </label>
          <input
            ref={searchBox}
            id={`${id}-search`}
            class={fieldParts.control}
            type="search"
            autocomplete="off"
            value={query}
            aria-describedby={
              [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
            }
            aria-invalid={error ? 'true' : undefined}
            onInput={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter picks the only match (or creates) rather than submitting the whole form.
              if (event.key !== 'Enter' || !typed) return;
              event.preventDefault();
              if (shown.length === 1 && shown[0]) pick(shown[0]);
              else if (shown.length === 0 && creatable) create();
            }}
          />
          <p class="visually-hidden" aria-live="polite">
            {typed ? t.results(candidates.length) : ''}
          </p>
          {shown.length > 0 || creatable ? (
            <ul class={styles.options} aria-label={typed ? t.results(candidates.length) : t.suggested}>
              {shown.map((option) => (
                <li key={option.id}>
                  <button type="button" class={styles.option} data-testid="picker-option" onClick={() => pick(option)}>
                    <span class={styles.optionLabel}>{option.label}</span>
                    {option.detail ? <span class={styles.optionDetail}>{option.detail}</span> : null}
                  </button>
                </li>
              ))}
              {creatable ? (
                <li>
                  <Button variant="quiet" class={styles.create} onClick={create}>
                    {t.create(query.trim())}
                  </Button>
                </li>
              ) : null}
            </ul>
          ) : typed ? (
            <Hint>{answered ? t.noMatch : t.searching}</Hint>
          ) : null}
          {candidates.length > shown.length ? <Hint>{t.more(candidates.length - shown.length)}</Hint> : null}
        </>
      ) : null}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </fieldset>
  );
}
