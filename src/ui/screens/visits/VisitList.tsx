// The visit list, newest first: a search box across lieux, people and notes, a few filters,
// pages of 30, the drafts waiting and the overdue follow-ups.

import { useEffect, useState } from 'preact/hooks';
import { countDrafts } from '../../../db/draft-count';
import { countOverdue } from '../../../db/overdue-count';
import { listVisits, prepareVisitSearch, type VisitRow } from '../../../db/visit-queries';
import { labelOf } from '../../../domain/label-of';
import { SERVICE_LABELS } from '../../../domain/services';
import { hrefTo } from '../../../state/router';
import { useSync } from '../../../state/sync';
import { Badge } from '../../components/Badge';
import { Button, ButtonLink } from '../../components/Button';
import { classes } from '../../components/classes';
import { Disclosure } from '../../components/Disclosure';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { RecordBoundary } from '../../components/RecordBoundary';
import { ScreenHeader } from '../../components/ScreenHeader';
import { DRAFT_KIND_NAMES } from '../../forms/draft-param';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useLanguage, useMessages } from '../../i18n/messages';
import { markOnce, VISITS_LISTED } from '../../perf-marks';
import { JOIN_PATH, REPORTS_PATH } from '../../routes';
import { LazyPart } from './LazyPart';
import { listDateTime } from './list-dates';
import { messages } from './messages';
import { FOLLOW_UPS, newVisitHref, visitHref } from './paths';
import type { VisitFilters, VisitFiltersProps } from './VisitFilters';
import styles from './visits-list.module.css';

const PAGE = 30;

const loadFilters = () => import('./VisitFilters');

export function VisitList() {
  const t = useMessages(messages);
  const context = useDataContext();
  // Read from the database as the list opens (the sync engine loads after the first screen); a join since then is in the store.
  const joined = useSync((view) => view.session !== null) || Boolean(context?.session);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<VisitFilters>({});
  const [limit, setLimit] = useState(PAGE);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const key = JSON.stringify([query, filters, limit]);
  // One more than shown tells whether "Voir plus" has anything to show.
  const rows = useLive((context) => listVisits(context, { ...filters, query, limit: limit + 1 }), [key]);
  useEffect(() => {
    if (rows !== undefined && rows.length > 0) markOnce(VISITS_LISTED);
  }, [rows]);
  const overdue = useLive((context) => countOverdue(context), []);
  const drafts = useLive((context) => countDrafts(context, DRAFT_KIND_NAMES), []);
  const filterCount = Object.values(filters).filter((value) => value !== undefined && value !== false).length;
  const searching = query.trim() !== '' || filterCount > 0;

  const setFilter = (change: VisitFilters) => {
    setFilters({ ...filters, ...change });
    setLimit(PAGE);
  };

  return (
    <>
      <ScreenHeader
        title={t.title}
        // Once there are visits, the visits themselves say what the screen is for.
        description={rows?.length === 0 && !searching ? t.purpose : undefined}
        actions={
          <>
            <ButtonLink href={hrefTo(FOLLOW_UPS)}>
              {t.followUps}
              {overdue ? <Badge tone="danger">{t.overdue(overdue)}</Badge> : null}
            </ButtonLink>
            {/* A wide screen's side column has « Rapports »; a phone has it here. */}
            <ButtonLink variant="quiet" href={hrefTo(REPORTS_PATH)} class={styles['phone-only']}>
              {t.reports}
            </ButtonLink>
            {drafts ? <ButtonLink href={hrefTo('brouillons')}>{t.drafts(drafts)}</ButtonLink> : null}
          </>
        }
      />
      {rows?.length === 0 && !searching && context && !joined ? (
        // A first start says where an invitation's code goes, above the fold of a phone, before Réglages is found alone.
        <p class={styles['join-offer']}>
          {t.invited} <a href={hrefTo(JOIN_PATH)}>{t.join}</a>
        </p>
      ) : null}
      <div class={styles['visit-search']}>
        <Field
          label={t.search}
          hint={t.searchHint}
          type="search"
          value={query}
          // The search's text of every visit is prepared while the person starts typing.
          onFocus={() => context && void prepareVisitSearch(context)}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setLimit(PAGE);
          }}
        />
        <Disclosure
          summary={filterCount > 0 ? t.filtersActive(filterCount) : t.filters}
          open={filtersOpen}
          onToggle={setFiltersOpen}
        >
          {/* Loaded and rendered once opened: neither their code nor the lieux they list weigh on the first screen. */}
          {filtersOpen ? (
            <LazyPart<VisitFiltersProps>
              load={loadFilters}
              props={{ filters, onChange: setFilter, onClear: () => setFilters({}) }}
            />
          ) : null}
        </Disclosure>
      </div>
      {rows === undefined ? null : rows.length === 0 ? (
        searching ? (
          <EmptyState title={t.noMatchTitle}>{t.noMatchText}</EmptyState>
        ) : (
          <EmptyState
            title={t.emptyTitle}
            // « Nouvelle visite » is in the bars of every screen: on a wide screen the side
            // column's button says it in words, a phone's top bar only has a « + ».
            action={
              <ButtonLink variant="primary" href={newVisitHref()} class={styles['phone-only']}>
                {t.newVisit}
              </ButtonLink>
            }
          >
            {t.emptyText}
          </EmptyState>
        )
      ) : (
        <>
          {searching ? (
            <p class={styles['visit-count']} role="status">
              {t.resultCount(Math.min(rows.length, limit), rows.length > limit)}
            </p>
          ) : null}
          <ul class={styles['visit-list']} data-testid="visit-list">
            {rows.slice(0, limit).map((row) => (
              <RecordBoundary
                key={row.visit.id}
                as="li"
                type="visits"
                record={row.visit}
                name={row.organisationName ?? row.visit.placeLabel}
              >
                <VisitItem row={row} />
              </RecordBoundary>
            ))}
          </ul>
          {rows.length > limit ? <Button onClick={() => setLimit(limit + PAGE)}>{t.more}</Button> : null}
        </>
      )}
    </>
  );
}

function VisitItem({ row }: { row: VisitRow }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const { visit } = row;
  const services = visit.services ?? [];
  const place = row.organisationName ?? (visit.placeLabel || t.noPlace);
  const firstLine = (visit.notes ?? '').split('\n').find((line) => line.trim() !== '');
  const shown = services.slice(0, 2).map((service) => ({ service, label: labelOf(SERVICE_LABELS, service, lang) }));
  // On a phone's one line the longer name gives way, never a short one beside it.
  const longer = (shown[1]?.label.length ?? 0) > (shown[0]?.label.length ?? 0) ? 1 : 0;
  return (
    <li>
      <a class={styles['visit-item']} href={visitHref(visit.id)} data-testid="visit-item">
        <span class={styles['visit-item__place']}>{place}</span>
        <span class={styles['visit-item__when']}>{listDateTime(visit.visitedAt, lang)}</span>
        {visit.purpose ? <span class={styles['visit-item__purpose']}>{visit.purpose}</span> : null}
        {firstLine ? <span class={styles['visit-item__notes']}>{firstLine}</span> : null}
        {services.length > 0 || row.conflicted ? (
          <span class={styles['visit-item__services']}>
            {/* First on the card's last line: a phone cuts the services, never this. */}
            {row.conflicted ? (
              <span class={styles['to-settle']} data-testid="visit-to-settle">
                {t.toSettle}
                <span class="visually-hidden">{t.toSettleDetail}</span>
              </span>
            ) : null}
            {shown.map(({ service, label }, index) => (
              <span
                key={service}
                class={index === longer ? classes(styles['tag'], styles['tag--gives-way']) : styles['tag']}
              >
                {label}
              </span>
            ))}
            {services.length > 2 ? <span class={styles['tag']}>{t.moreServices(services.length - 2)}</span> : null}
          </span>
        ) : null}
      </a>
    </li>
  );
}
