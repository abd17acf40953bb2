import { useState } from 'preact/hooks';
import type { ReportFilters as Filters } from '../../../domain/report';
import { classes } from '../../components/classes';
import { Disclosure } from '../../components/Disclosure';
import { Field } from '../../components/Field';
import { TerritoryFilter } from '../../components/TerritoryFilter';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';
import type { PeriodChoice, PeriodKind } from './period';
import type { FilterOptions } from './report-filter-options';
import styles from './reports.module.css';

interface ReportFiltersProps {
  choice: PeriodChoice;
  filters: Filters;
  options: FilterOptions;
  invalidRange: boolean;
  onChoice: (choice: PeriodChoice) => void;
  onFilters: (filters: Filters) => void;
  /** The territory, service and author chosen, in words (none: every one). */
  chosen: readonly string[];
}

/** Wide enough that the filters stand open beside each other and the figures still show below. */
const ROOMY = '(min-width: 721px)';

export function ReportFilters({
  choice,
  filters,
  options,
  invalidRange,
  onChoice,
  onFilters,
  chosen,
}: ReportFiltersProps) {
  const t = useMessages(messages);
  // On a phone the period stays at hand and the other filters fold into one line that says what
  // they keep: open, the five fields filled the first screen and the figures began below it.
  const [open, setOpen] = useState(() => typeof matchMedia !== 'function' || matchMedia(ROOMY).matches);
  const set = (change: Partial<PeriodChoice>) => onChoice({ ...choice, ...change });
  const value = (event: Event) => (event.currentTarget as HTMLSelectElement | HTMLInputElement).value;
  return (
    <form class={styles['report-filters']} onSubmit={(event) => event.preventDefault()}>
      <Field
        as="select"
        label={t.periodKind}
        value={choice.kind}
        onChange={(e) => set({ kind: value(e) as PeriodKind })}
      >
        <option value="year">{t.kindYear}</option>
        <option value="quarter">{t.kindQuarter}</option>
        <option value="month">{t.kindMonth}</option>
        <option value="custom">{t.kindCustom}</option>
      </Field>
      {choice.kind === 'custom' ? (
        <>
          <Field label={t.from} type="date" value={choice.from} onInput={(e) => set({ from: value(e) })} />
          <Field
            label={t.to}
            type="date"
            value={choice.to}
            error={invalidRange ? t.invalidRange : undefined}
            onInput={(e) => set({ to: value(e) })}
          />
        </>
      ) : (
        <Field as="select" label={t.year} value={String(choice.year)} onChange={(e) => set({ year: Number(value(e)) })}>
          {options.years.map((year) => (
            <option key={year} value={String(year)}>
              {year}
            </option>
          ))}
        </Field>
      )}
      {choice.kind === 'quarter' ? (
        <Field
          as="select"
          label={t.quarter}
          value={String(choice.quarter)}
          onChange={(e) => set({ quarter: Number(value(e)) })}
        >
          {[1, 2, 3, 4].map((n) => (
            <option key={n} value={String(n)}>
              {t.quarterOption(n)}
            </option>
          ))}
        </Field>
      ) : null}
      {choice.kind === 'month' ? (
        <Field
          as="select"
          label={t.month}
          value={String(choice.month)}
          onChange={(e) => set({ month: Number(value(e)) })}
        >
          {Array.from({ length: 12 }, (_, index) => index + 1).map((n) => (
            <option key={n} value={String(n)}>
              {t.monthOption(n)}
            </option>
          ))}
        </Field>
      ) : null}
      <Disclosure class={styles['report-more']} summary={t.moreFilters(chosen)} open={open} onToggle={setOpen}>
        <div class={classes(styles['report-filters'], styles['report-more__fields'])}>
          <TerritoryFilter
            territories={options.territories}
            value={{ territory: filters.territory ?? null, service: filters.service ?? null }}
            serviceLabel={t.service}
            onChange={(choice) => onFilters({ ...filters, ...choice })}
          />
          <Field
            as="select"
            label={t.author}
            value={filters.author ?? ''}
            onChange={(e) => onFilters({ ...filters, author: value(e) || null })}
          >
            <option value="">{t.all}</option>
            {options.authors.map((author) => (
              <option key={author} value={author}>
                {author}
              </option>
            ))}
          </Field>
        </div>
      </Disclosure>
    </form>
  );
}
