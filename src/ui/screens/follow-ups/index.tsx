// "À faire": every open follow-up, grouped overdue / today / this week / later / undated.
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
  const groups = open ? groupByDue(open, localDay()) : undefined;
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
