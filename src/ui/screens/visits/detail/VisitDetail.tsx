// A visit's page: what was logged, its notes (with "2 versions" when a concurrent edit lost),
// its follow-ups ticked in place, its photos; edit and delete.

import { useState } from 'preact/hooks';
import { contactsByIds } from '../../../../db/contacts';
import { followUpsOfVisit } from '../../../../db/follow-ups';
import { getOrganisation } from '../../../../db/organisations';
import { sendStateOf } from '../../../../db/send-state';
import { diagnosticsOfVisit } from '../../../../db/visit-diagnostics';
import { deleteVisit, getVisit } from '../../../../db/visits';
import { labelOf } from '../../../../domain/label-of';
import { formatPosition } from '../../../../domain/positions';
import { SERVICE_LABELS } from '../../../../domain/services';
import { navigate } from '../../../../state/router';
import { useSync, useSyncStatus } from '../../../../state/sync';
import { Banner, BannerMore } from '../../../components/Banner';
import { Button, ButtonLink } from '../../../components/Button';
import { ConfirmBanner } from '../../../components/ConfirmBanner';
import { EmptyState } from '../../../components/EmptyState';
import { Fact, Facts } from '../../../components/Facts';
import { Hint } from '../../../components/Field';
import { FollowUpList } from '../../../components/FollowUpList';
import { InlineList } from '../../../components/InlineList';
import { LongText } from '../../../components/LongText';
import { RecordPageBoundary } from '../../../components/RecordPageBoundary';
import { ScreenHeader } from '../../../components/ScreenHeader';
import { Section } from '../../../components/Section';
import { useDataContext } from '../../../hooks/use-data-context';
import { useFocusAfterClose } from '../../../hooks/use-focus-after-close';
import { useLive } from '../../../hooks/use-live';
import { useDates } from '../../../i18n/dates';
import { useLanguage, useMessages } from '../../../i18n/messages';
import { ConflictNotice } from '../../../sync/ConflictNotice';
import { lieuHref, personHref } from '../../contacts/paths';
import { diagnosticHref, newOfLieuHref } from '../../diagnostics/paths';
import styles from '../form/visit-form.module.css';
import { editVisitHref, SAVED, VISITS } from '../paths';
import listStyles from '../visits-list.module.css';
import { detailMessages } from './messages';
import { VisitPhotos } from './VisitPhotos';

interface VisitDetailProps {
  visitId: string;
  query: Record<string, string>;
}

/** What became of the visit just saved: kept here, waiting for a sync, sent, or refused. */
function SavedBanner({ visitId }: { visitId: string }) {
  const t = useMessages(detailMessages);
  const joined = useSync((view) => view.session !== null);
  // Online, the saved visit goes with the next sync; only offline does it wait for the connection.
  const offline = useSyncStatus().state === 'offline';
  // Shown just after the save: a refusal from before it is of an older change.
  const [savedAt] = useState(() => new Date().toISOString());
  const sendState = useLive((ctx) => sendStateOf(ctx, visitId, savedAt), [visitId, savedAt]);
  const more = !joined
    ? t.savedLocal
    : sendState === 'sent'
      ? t.savedSent
      : sendState === 'refused'
        ? t.savedRefused
        : offline
          ? t.savedOffline
          : t.savedSync;
  return (
    <Banner tone={sendState === 'refused' ? 'warning' : 'success'} title={t.saved} class={styles['visit-notice']}>
      <BannerMore>{more}</BannerMore>
    </Banner>
  );
}

export default function VisitDetailPage(props: VisitDetailProps) {
  return (
    <RecordPageBoundary type="visits" id={props.visitId}>
      <VisitDetail {...props} />
    </RecordPageBoundary>
  );
}

function VisitDetail({ visitId, query }: VisitDetailProps) {
  const t = useMessages(detailMessages);
  const d = useDates();
  const lang = useLanguage();
  const context = useDataContext();
  const [confirmDelete, setConfirmDelete] = useState(false);
  // "Garder" gives the focus back to "Supprimer la visite", which it replaced.
  const deleteBox = useFocusAfterClose<HTMLDivElement>(confirmDelete);
  const data = useLive(
    async (ctx) => {
      const visit = await getVisit(ctx, visitId);
      if (!visit) return null;
      const [organisation, people, followUps, diagnostics] = await Promise.all([
        visit.organisationId ? getOrganisation(ctx, visit.organisationId) : Promise.resolve(undefined),
        contactsByIds(ctx, visit.contactIds ?? []),
        followUpsOfVisit(ctx, visit.id),
        diagnosticsOfVisit(ctx, visit),
      ]);
      return { visit, organisation, people, followUps, diagnostics };
    },
    [visitId],
  );
  if (data === undefined) return null;
  if (data === null) {
    return (
      <>
        <ScreenHeader title={t.notFound} />
        <EmptyState title={t.notFound} action={<ButtonLink href={`#/${VISITS}`}>{t.back}</ButtonLink>}>
          {t.notFoundText}
        </EmptyState>
      </>
    );
  }
  const { visit, organisation, people, followUps, diagnostics } = data;
  const title = organisation?.name || visit.placeLabel || visit.purpose || t.fallbackTitle(d.date(visit.visitedAt));

  const remove = async () => {
    if (!context) return;
    await deleteVisit(context, visit.id);
    navigate(`#/${VISITS}`, { replace: true });
  };

  return (
    <>
      <ScreenHeader
        title={title}
        description={d.dateTime(visit.visitedAt)}
        actions={
          <>
            <ButtonLink variant="primary" href={editVisitHref(visit.id)}>
              {t.edit}
            </ButtonLink>
            {/* The diagnostic filled during this visit is part of it (its visitId). */}
            {visit.organisationId ? (
              <ButtonLink href={newOfLieuHref(visit.organisationId, visit.id)}>{t.newDiagnostic}</ButtonLink>
            ) : null}
            <ButtonLink href={`#/${VISITS}`}>{t.back}</ButtonLink>
          </>
        }
      />
      {query[SAVED] ? <SavedBanner visitId={visit.id} /> : null}
      <Section title={t.notes}>
        <ConflictNotice recordType="visits" recordId={visit.id} field="notes" shown={visit.notes ?? ''} />
        {visit.notes ? (
          <LongText class={styles['visit-notes']} text={visit.notes} about={t.notesAbout} />
        ) : (
          <Hint>{t.noNotes}</Hint>
        )}
      </Section>
      <Section title={t.followUps}>
        <FollowUpList followUps={followUps} visitId={visit.id} />
      </Section>
      <Facts card>
        <Fact label={t.when}>{d.dateTime(visit.visitedAt)}</Fact>
        {visit.organisationId ? (
          <Fact label={t.place}>
            {organisation ? <a href={lieuHref(organisation.id)}>{organisation.name}</a> : t.unknownLieu}
          </Fact>
        ) : null}
        {visit.placeLabel ? <Fact label={t.freePlace}>{visit.placeLabel}</Fact> : null}
        {people.length > 0 ? (
          <Fact label={t.people}>
            <InlineList>
              {people.map((person) => (
                <li key={person.id}>
                  <a href={personHref(person.id)}>{person.name}</a>
                  {person.role ? ` (${person.role})` : null}
                </li>
              ))}
            </InlineList>
          </Fact>
        ) : null}
        {(visit.services ?? []).length > 0 ? (
          <Fact label={t.services}>
            <span class={listStyles['visit-item__services']}>
              {(visit.services ?? []).map((service) => (
                <span key={service} class={listStyles['tag']} data-testid="service-tag">
                  {labelOf(SERVICE_LABELS, service, lang)}
                </span>
              ))}
            </span>
          </Fact>
        ) : null}
        {visit.purpose ? <Fact label={t.purpose}>{visit.purpose}</Fact> : null}
        {diagnostics.length > 0 ? (
          <Fact label={t.diagnostics(diagnostics.length)}>
            <InlineList>
              {diagnostics.map(({ diagnostic, gridTitle }) => (
                <li key={diagnostic.id} data-testid="visit-diagnostic">
                  <a href={diagnosticHref(diagnostic.id)}>
                    {/* One box: a fact's link is a flex row, which would set the title and the day side by side. */}
                    <span>
                      <bdi>{gridTitle ?? t.missingGrid}</bdi> · {d.date(diagnostic.filledOn)}
                    </span>
                  </a>
                  {` (${diagnostic.completedAt ? t.diagnosticCompleted : t.diagnosticInProgress})`}
                </li>
              ))}
            </InlineList>
          </Fact>
        ) : null}
        {visit.latitude != null && visit.longitude != null ? (
          <Fact label={t.position}>{formatPosition(visit.latitude, visit.longitude, lang)}</Fact>
        ) : null}
        <Fact label={t.written}>{t.writtenValue(d.dateTime(visit.createdAt), visit.updatedBy)}</Fact>
      </Facts>
      <Section title={t.photos}>
        <VisitPhotos visitId={visit.id} />
      </Section>
      <div ref={deleteBox}>
        {confirmDelete ? (
          <ConfirmBanner
            title={t.deleteConfirm}
            confirm={t.deleteYes}
            keep={t.deleteNo}
            onConfirm={remove}
            onKeep={() => setConfirmDelete(false)}
          />
        ) : (
          <Button variant="quiet" onClick={() => setConfirmDelete(true)}>
            {t.deleteVisit}
          </Button>
        )}
      </div>
    </>
  );
}
