// A person's page: role, lieux, tap to call or mail, consent, notes (with "2 versions"), visits, events.
import { getContact } from '../../../db/contacts';
import { organisationsByIds } from '../../../db/organisations';
import { isolate, joinIsolated } from '../../../domain/bidi';
import { phoneForDisplay } from '../../../domain/phone-display';
import { hrefTo } from '../../../state/router';
import { Banner } from '../../components/Banner';
import { ButtonLink } from '../../components/Button';
import { classes } from '../../components/classes';
import { DataLink } from '../../components/DataLink';
import { Fact, Facts } from '../../components/Facts';
import { Hint } from '../../components/Field';
import { InlineList } from '../../components/InlineList';
import { LongText } from '../../components/LongText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useLive } from '../../hooks/use-live';
import { useDates } from '../../i18n/dates';
import { useMessages } from '../../i18n/messages';
import { ConflictNotice } from '../../sync/ConflictNotice';
import styles from './contacts.module.css';
import { Duplicates } from './Duplicates';
import { EventsOf } from './EventsOf';
import { MergedNote, MergedRedirect } from './MergedRedirect';
import { messages } from './messages';
import { CONTACTS, editPersonHref, lieuHref } from './paths';
import { VisitsOf } from './VisitsOf';

export function PersonDetail({
  personId,
  saved,
  mergedFrom,
}: {
  personId: string;
  saved: boolean;
  mergedFrom?: string | undefined;
}) {
  const t = useMessages(messages);
  const d = useDates();
  const data = useLive(
    async (context) => {
      const person = await getContact(context, personId);
      return person ? { person, lieux: await organisationsByIds(context, person.organisationIds ?? []) } : null;
    },
    [personId],
  );
  if (data === undefined) return null;
  if (data === null) {
    return <MergedRedirect type="contacts" id={personId} back={{ href: hrefTo(CONTACTS), label: t.back }} />;
  }
  const { person, lieux } = data;
  return (
    <>
      <ScreenHeader
        title={person.name}
        description={person.role || undefined}
        actions={
          <>
            <ButtonLink variant="primary" href={editPersonHref(person.id)}>
              {t.edit}
            </ButtonLink>
            <ButtonLink href={hrefTo(CONTACTS)}>{t.back}</ButtonLink>
          </>
        }
      />
      {saved ? (
        <Banner tone="success" class={styles['contacts-notice']}>
          {t.saved}
        </Banner>
      ) : null}
      {mergedFrom ? <MergedNote type="contacts" keptId={person.id} fromId={mergedFrom} /> : null}
      {person.phone || person.email ? (
        <div class={classes('actions', styles['contacts-reach'])}>
          {person.phone ? (
            <DataLink variant="secondary" kind="tel" address={person.phone}>
              {/* One text: the button lays its children out as flex items, a <bdi> would be a column. */}
              {`${t.call(isolate(person.name))} · ${isolate(phoneForDisplay(person.phone))}`}
            </DataLink>
          ) : null}
          {person.email ? <DataLink variant="secondary" kind="mail" address={person.email} /> : null}
        </div>
      ) : null}
      <Facts card>
        <Fact label={t.organisations}>
          {lieux.length === 0 ? (
            t.notGiven
          ) : (
            <InlineList>
              {lieux.map((lieu) => (
                <li key={lieu.id}>
                  <a href={lieuHref(lieu.id)}>{lieu.name}</a>
                </li>
              ))}
            </InlineList>
          )}
        </Fact>
        {(person.tags ?? []).length > 0 ? <Fact label={t.tags}>{joinIsolated(person.tags ?? [], ', ')}</Fact> : null}
        <Fact label={t.consent}>
          {person.consentNote
            ? t.consentValue(person.consentNote, person.consentDate ? d.date(person.consentDate) : '')
            : person.consentDate
              ? t.consentDateOnly(d.date(person.consentDate))
              : t.consentMissing}
        </Fact>
      </Facts>
      <Duplicates type="contacts" id={person.id} />
      <Section title={t.notes}>
        <ConflictNotice recordType="contacts" recordId={person.id} field="notes" shown={person.notes ?? ''} />
        {person.notes ? (
          <LongText class={styles['record-notes']} text={person.notes} about={t.notesAbout(isolate(person.name))} />
        ) : (
          <Hint>{t.noNotes}</Hint>
        )}
      </Section>
      <Section title={t.visits}>
        <VisitsOf contactId={person.id} />
      </Section>
      <Section title={t.events}>
        <EventsOf contactId={person.id} />
      </Section>
    </>
  );
}
