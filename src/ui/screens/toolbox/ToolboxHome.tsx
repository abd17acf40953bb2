import { useEffect, useMemo, useState } from 'preact/hooks';
import { readToolbox, type ToolboxView } from '../../../db/toolbox';
import { type FileState, offlineFilesToFetch, readItemFiles } from '../../../db/toolbox-files';
import { isolate, joinIsolated } from '../../../domain/bidi';
import { localDay } from '../../../domain/days';
import type { Loan, PackingList, ToolboxItem } from '../../../domain/toolbox';
import { isOverdue, kitAvailability } from '../../../domain/toolbox/loans';
import { groupTrips, packingState } from '../../../domain/toolbox/packing';
import { parseRichText, plainText } from '../../../domain/toolbox/rich-text';
import { matchesSearch, searchWords } from '../../../domain/toolbox/search';
import { hrefTo } from '../../../state/router';
import { keepFiles, useSync } from '../../../state/sync';
import { useUi } from '../../../state/ui';
import { Badge } from '../../components/Badge';
import { ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { RecordBoundary } from '../../components/RecordBoundary';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useLive } from '../../hooks/use-live';
import { useDates } from '../../i18n/dates';
import { useMessages } from '../../i18n/messages';
import cards from './cards.module.css';
import { messages } from './messages';
import { PackingCard } from './PackingCard';
import { shelves } from './shelves';
import styles from './ToolboxHome.module.css';
import { useCanCurate } from './use-toolbox-role';

export function ToolboxHome({ query: initialQuery }: { query: string }) {
  const t = useMessages(messages);
  const canCurate = useCanCurate();
  const view = useLive((context) => readToolbox(context), []);
  // A joined device drops the starter valise and gets the network's with its first pull: until
  // then the valise is empty because it has not arrived, not because nothing was published.
  const awaitingFirstPull = useSync((sync) => sync.session !== null && sync.status.lastSyncAt === null);
  const files = useLive((context) => readItemFiles(context), []);
  const [query, setQuery] = useState(initialQuery);
  useOfflineFiles();
  const words = useMemo(() => searchWords(query), [query]);

  const loansByItem = useMemo(() => {
    const byItem = new Map<string, Loan[]>();
    for (const loan of view?.loans ?? []) byItem.set(loan.itemId, [...(byItem.get(loan.itemId) ?? []), loan]);
    return byItem;
  }, [view]);

  const header = (
    <ScreenHeader
      title={t.title}
      description={t.purpose}
      actions={
        <ButtonLink href={hrefTo('valise', 'nouveau')} variant="primary">
          {canCurate ? t.addItem : t.suggestItem}
        </ButtonLink>
      }
    />
  );
  if (!view) return header;

  const card = (item: ToolboxItem, showKind = false) => (
    <RecordBoundary key={item.id} as="li" type="toolboxItems" record={item} name={item.title}>
      <ItemCard
        showKind={showKind}
        item={item}
        loans={loansByItem.get(item.id) ?? []}
        fileState={item.availableOffline ? (files?.get(item.id)?.state ?? null) : null}
      />
    </RecordBoundary>
  );
  const published = view.items.filter((item) => item.status === 'published');
  const suggestions = view.items.filter((item) => item.status === 'suggested');

  return (
    <>
      {header}
      <div class={styles.search}>
        <Field
          label={t.searchLabel}
          hint={t.searchHint}
          type="search"
          name="q"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </div>
      {words.length > 0 ? (
        <SearchResults
          items={view.items.filter((item) => matchesSearch(item, words))}
          render={(item) => card(item, true)}
        />
      ) : view.items.length === 0 ? (
        awaitingFirstPull ? (
          <EmptyState title={t.notArrivedTitle}>{t.notArrivedText}</EmptyState>
        ) : (
          <EmptyState title={t.emptyTitle}>{t.emptyText}</EmptyState>
        )
      ) : (
        <>
          <PackingLists view={view} />
          {suggestions.length > 0 ? (
            <Section title={t.suggestionsTitle} id="suggestions">
              <ul class={cards.grid}>{suggestions.map((item) => card(item, true))}</ul>
            </Section>
          ) : null}
          {shelves(published, t.otherShelf).map(([shelf, items]) => (
            <Section title={shelf} key={shelf}>
              <ul class={cards.grid}>{items.map((item) => card(item))}</ul>
            </Section>
          ))}
        </>
      )}
    </>
  );
}

function SearchResults({ items, render }: { items: ToolboxItem[]; render: (item: ToolboxItem) => preact.JSX.Element }) {
  const t = useMessages(messages);
  return (
    <div class="stack">
      <p role="status">{t.searchResults(items.length)}</p>
      {items.length > 0 ? <ul class={cards.grid}>{items.map(render)}</ul> : null}
    </div>
  );
}

function ItemCard({
  item,
  loans,
  fileState,
  showKind,
}: {
  item: ToolboxItem;
  loans: Loan[];
  /** For an "available offline" item with a file: whether this device has it. */
  fileState: FileState | null;
  showKind: boolean;
}) {
  const t = useMessages(messages);
  const snippet = useMemo(() => plainText(parseRichText(item.description ?? '')), [item.description]);
  const kit = item.kind === 'kit' ? kitAvailability(item, loans) : null;
  const today = localDay();
  const holders = kit ? joinIsolated([...new Set(kit.holders.map((loan) => loan.holderName))], ', ') : '';
  return (
    <li class={cards.card} data-testid="item-card">
      <a class={cards.link} href={hrefTo('valise', 'element', item.id)}>
        <span class={cards.title} data-testid="item-card-title">
          {item.title}
        </span>
        {showKind ? <span class={cards.detail}>{t.kind(item.kind)}</span> : null}
        {snippet ? <span class={cards.snippet}>{snippet}</span> : null}
      </a>
      <p class={cards.badges}>
        {item.status === 'suggested' ? <Badge tone="info">{t.suggested}</Badge> : null}
        {fileState === 'downloaded' ? <Badge>{t.offlineBadge}</Badge> : null}
        {fileState === 'pending' ? <Badge tone="warning">{t.pendingBadge}</Badge> : null}
        {fileState === 'too_large' ? <Badge tone="warning">{t.tooLargeBadge}</Badge> : null}
        {fileState === 'waits_for_room' ? <Badge tone="warning">{t.waitsForRoomBadge}</Badge> : null}
        {kit?.holders.some((loan) => isOverdue(loan, today)) ? <Badge tone="warning">{t.overdueBadge}</Badge> : null}
        {kit ? (
          <Badge tone={kit.available > 0 ? 'success' : 'warning'}>{t.available(kit.available, kit.owned)}</Badge>
        ) : null}
        {/* Beside the badge, not in it: a badge is one line, and it cut the name at 360 px. */}
        {holders ? <span class={cards.holders}>{t.heldBy(holders)}</span> : null}
      </p>
    </li>
  );
}

function PackingLists({ view }: { view: ToolboxView }) {
  const t = useMessages(messages);
  const d = useDates();
  const templates = view.lists.filter((list) => list.isTemplate);
  const trips = view.lists.filter((list) => !list.isTemplate);
  const { mine, others } = groupTrips(trips, view.me);
  const card = (list: PackingList, showOwner: boolean) => {
    const state = packingState(list, view.items);
    const detail = [
      showOwner && list.owner ? isolate(list.owner) : null,
      list.tripDate ? t.tripOn(d.date(list.tripDate)) : t.tripUndated,
      t.packedOf(state.packedCount, state.lines.length),
    ];
    return (
      <PackingCard
        key={list.id}
        list={list}
        detail={detail.filter(Boolean).join(' · ')}
        progress={state.lines.length === 0 ? 0 : state.packedCount / state.lines.length}
      />
    );
  };
  // On a device not joined every trip is the user's: one list, as before there were members.
  const team = view.me !== '';
  return (
    <Section title={t.listsTitle} id="listes">
      <p>{t.listsIntro}</p>
      {mine.length > 0 || (team && others.length > 0) ? (
        <>
          <h3 class={styles.subheading}>{team ? t.myTrips : t.trips}</h3>
          {mine.length > 0 ? (
            <ul class={cards.grid}>{mine.map((list) => card(list, false))}</ul>
          ) : (
            <p class={styles.muted}>{t.noTripOfMine}</p>
          )}
        </>
      ) : null}
      {others.length > 0 ? (
        <>
          <h3 class={styles.subheading}>{t.teamTrips}</h3>
          <ul class={cards.grid}>{others.map((list) => card(list, true))}</ul>
        </>
      ) : null}
      <h3 class={styles.subheading}>{t.templates}</h3>
      {trips.length === 0 ? <p class={styles.muted}>{t.noTrips}</p> : null}
      <ul class={cards.grid}>
        {templates.map((list) => (
          <PackingCard key={list.id} list={list} detail={t.itemCount(list.itemIds.length)} progress={null} />
        ))}
      </ul>
      <p class={styles.newList}>
        <ButtonLink href={hrefTo('valise', 'nouvelle-liste')}>{t.newList}</ButtonLink>
      </p>
    </Section>
  );
}

/** Keeps the files of "available offline" items on this device, fetched while online. */
function useOfflineFiles(): void {
  const online = useUi((state) => state.online);
  const missing = useLive((context) => offlineFilesToFetch(context), []);
  const key = missing?.join(',') ?? '';
  useEffect(() => {
    if (!online || !missing || missing.length === 0) return;
    // A file not fetched stays "en attente"; the next visit or connection tries again.
    const stop = new AbortController();
    void keepFiles(missing, stop.signal);
    return () => stop.abort();
  }, [online, key]);
}
