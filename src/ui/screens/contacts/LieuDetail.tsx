import { isolate, joinIsolated } from '../../../domain/bidi';
import { phoneForDisplay } from '../../../domain/phone-display';
// A lieu's page: what it is, where, how to reach it, its people, its visits, its notes.

import { contactsOfOrganisation } from '../../../db/contacts';
import { getOrganisation } from '../../../db/organisations';
import { labelOf } from '../../../domain/label-of';
import {
  LEGAL_STRUCTURE_LABELS,
  ORGANISATION_KIND_LABELS,
  TERRITORY_SCALE_LABELS,
  TYPOLOGY_LABELS,
} from '../../../domain/vocabulary-labels';
import { Banner } from '../../components/Banner';
import { ButtonLink } from '../../components/Button';
import { classes } from '../../components/classes';
import { DataLink } from '../../components/DataLink';
import { Fact, Facts } from '../../components/Facts';
import { Hint } from '../../components/Field';
import { LongText } from '../../components/LongText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useLive } from '../../hooks/use-live';
import { useLanguage, useMessages } from '../../i18n/messages';
import { ConflictNotice } from '../../sync/ConflictNotice';
import { newOfLieuHref } from '../diagnostics/paths';
import { newVisitAtHref } from '../visits/form/values';
import styles from './contacts.module.css';
import { Duplicates } from './Duplicates';
import { EventsOf } from './EventsOf';
import { MergedNote, MergedRedirect } from './MergedRedirect';
import { messages } from './messages';
import { editLieuHref, lieuxHref, newPersonAtHref, personHref } from './paths';
import { VisitsOf } from './VisitsOf';

export function LieuDetail({
  lieuId,
  saved,
  mergedFrom,
}: {
  lieuId: string;
  saved: boolean;
  mergedFrom?: string | undefined;
}) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const data = useLive(
    async (context) => {
      const lieu = await getOrganisation(context, lieuId);
      return lieu ? { lieu, people: await contactsOfOrganisation(context, lieu.id) } : null;
    },
    [lieuId],
  );
  if (data === undefined) return null;
  if (data === null) {
    return <MergedRedirect type="organisations" id={lieuId} back={{ href: lieuxHref(), label: t.backLieux }} />;
  }
  const { lieu, people } = data;
  const address = joinIsolated([lieu.address, joinIsolated([lieu.postcode, lieu.commune], ' ')], ', ');
  const territory = joinIsolated(
    [
      lieu.territoryLabel,
      lieu.territoryScale ? labelOf(TERRITORY_SCALE_LABELS, lieu.territoryScale, lang) : null,
      lieu.departement && lieu.departementCode ? `${lieu.departement} (${lieu.departementCode})` : lieu.departement,
      lieu.region,
      lieu.epci,
    ],
    ' · ',
  );
  return (
    <>
      <ScreenHeader
        title={lieu.name}
        description={joinIsolated([labelOf(ORGANISATION_KIND_LABELS, lieu.kind, lang), lieu.commune], ' · ')}
        actions={
          <>
            {/* What a concierge standing at the lieu came to do, first. */}
            <ButtonLink variant="primary" href={newVisitAtHref(lieu.id)}>
              {t.newVisitHere}
            </ButtonLink>
            <ButtonLink href={newOfLieuHref(lieu.id)}>{t.newDiagnosticHere}</ButtonLink>
            <ButtonLink href={editLieuHref(lieu.id)}>{t.edit}</ButtonLink>
            <ButtonLink href={lieuxHref()}>{t.backLieux}</ButtonLink>
          </>
        }
      />
      {saved ? (
        <Banner tone="success" class={styles['contacts-notice']}>
          {t.saved}
        </Banner>
      ) : null}
      {mergedFrom ? <MergedNote type="organisations" keptId={lieu.id} fromId={mergedFrom} /> : null}
      {lieu.phone || lieu.email || lieu.website ? (
        <div class={classes('actions', styles['contacts-reach'])}>
          {lieu.phone ? (
            <DataLink variant="secondary" kind="tel" address={lieu.phone}>
              {phoneForDisplay(lieu.phone)}
            </DataLink>
          ) : null}
          {lieu.email ? <DataLink variant="secondary" kind="mail" address={lieu.email} /> : null}
          {lieu.website ? (
            <DataLink variant="secondary" kind="site" address={lieu.website} fallback={t.websiteAddress(lieu.website)}>
              {t.website}
            </DataLink>
          ) : null}
        </div>
      ) : null}
      <Facts card>
        {lieu.typology ? <Fact label={t.typology}>{labelOf(TYPOLOGY_LABELS, lieu.typology, lang)}</Fact> : null}
        {lieu.legalStructure ? (
          <Fact label={t.legalStructure}>{labelOf(LEGAL_STRUCTURE_LABELS, lieu.legalStructure, lang)}</Fact>
        ) : null}
        <Fact label={t.address}>{address || t.notGiven}</Fact>
        {lieu.inseeCode ? <Fact label={t.inseeCode}>{lieu.inseeCode}</Fact> : null}
        {territory ? <Fact label={t.territoryLabel}>{territory}</Fact> : null}
        {(lieu.tags ?? []).length > 0 ? <Fact label={t.tags}>{joinIsolated(lieu.tags ?? [], ', ')}</Fact> : null}
      </Facts>
      <Duplicates type="organisations" id={lieu.id} />
      <Section title={t.peopleHere}>
        {people.length === 0 ? (
          <Hint>{t.nobodyHere}</Hint>
        ) : (
          <ul class={styles['record-list']}>
            {people.map((person) => (
              <li key={person.id} class={styles['record-item']}>
                <a class={styles['record-item__main']} href={personHref(person.id)}>
                  <span class={styles['record-item__name']}>{person.name}</span>
                  {person.role ? <span class={styles['record-item__detail']}>{person.role}</span> : null}
                </a>
              </li>
            ))}
          </ul>
        )}
        <div class={styles['contacts-add']}>
          <ButtonLink href={newPersonAtHref(lieu.id)}>{t.addPersonHere}</ButtonLink>
        </div>
      </Section>
      <Section title={t.visits}>
        <VisitsOf organisationId={lieu.id} />
      </Section>
      <Section title={t.events}>
        <EventsOf organisationId={lieu.id} />
      </Section>
      <Section title={t.notes}>
        <ConflictNotice recordType="organisations" recordId={lieu.id} field="notes" shown={lieu.notes ?? ''} />
        {lieu.notes ? (
          <LongText class={styles['record-notes']} text={lieu.notes} about={t.notesAbout(isolate(lieu.name))} />
        ) : (
          <Hint>{t.noNotes}</Hint>
        )}
      </Section>
    </>
  );
}
