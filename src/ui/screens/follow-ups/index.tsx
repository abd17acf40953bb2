// "À faire": every open follow-up, grouped overdue / today / this week / later / undated.
import { useState } from 'preact/hooks';
import type { PlacedFollowUp } from '../../../db/follow-up-queries';
import { openFollowUpsWithPlaces } from '../../../db/follow-ups';
import { localDay } from '../../../domain/days';
import { groupByDue } from '../../../domain/follow-up-groups';
import { formatNumber } from '../../../domain/numbers';
import { hrefTo } from '../../../state/router';
import { ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { FollowUpItem, FollowUpItems } from '../../components/FollowUpList';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useLive } from '../../hooks/use-live';
import { useLanguage, useMessages } from '../../i18n/messages';
import { messages } from './messages';

export default function FollowUpsScreen() {
  const t = useMessages(messages);
  const lang = useLanguage();
  const open = useLive((context) => openFollowUpsWithPlaces(context), []);
  // A follow-up ticked here stays in its place, ticked, until the screen is left: read live, it
  // vanished under the finger, with the focus, and a mis-tap could only be undone from its visit.
  const [ticked, setTicked] = useState<readonly PlacedFollowUp[]>([]);
  const tick = (followUp: PlacedFollowUp, done: boolean) =>
    setTicked((kept) => [
      ...kept.filter((item) => item.id !== followUp.id),
      { ...followUp, done, doneAt: done ? new Date().toISOString() : null },
    ]);
  const groups = open ? groupByDue(withTicked(open, ticked), localDay()) : undefined;
  return (
    <>
      <ScreenHeader
        title={t.title}
        description={t.purpose}
        actions={<ButtonLink href={hrefTo('visites')}>{t.backToVisits}</ButtonLink>}
      />
      {groups === undefined ? null : groups.length === 0 ? (
        <EmptyState title={t.emptyTitle}>{t.emptyText}</EmptyState>
      ) : (
        groups.map(({ group, items }) => (
          <Section key={group} title={`${t[group]} (${formatNumber(items.length, lang)})`} id={`groupe-${group}`}>
            <FollowUpItems>
              {items.map((followUp) => (
                <FollowUpItem
                  key={followUp.id}
                  followUp={followUp}
                  place={followUp.place}
                  onDone={(done) => tick(followUp, done)}
                  extra={
                    followUp.visitId ? (
                      <a href={hrefTo('visites', followUp.visitId)}>{t.ofVisit}</a>
                    ) : followUp.eventId ? (
                      <a href={hrefTo('evenements', followUp.eventId)}>{t.ofEvent}</a>
                    ) : null
                  }
                />
              ))}
            </FollowUpItems>
          </Section>
        ))
      )}
    </>
  );
}

/**
 * The open follow-ups and those ticked on this screen, in the list's order (due day, then id). A
 * tick here overrides the live copy: until the live query drops the item, that copy still reads
 * open, and the box would flick back to unticked (and a second tap tick it again).
 */
function withTicked(open: readonly PlacedFollowUp[], ticked: readonly PlacedFollowUp[]): PlacedFollowUp[] {
  const byId = new Map(ticked.map((item) => [item.id, item]));
  const openIds = new Set(open.map((item) => item.id));
  return [...open.map((item) => byId.get(item.id) ?? item), ...ticked.filter((item) => !openIds.has(item.id))].sort(
    (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id.localeCompare(b.id),
  );
}
