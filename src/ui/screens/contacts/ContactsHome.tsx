import { joinIsolated } from '../../../domain/bidi';
// The people and lieux lists, each with its search box (accents and case ignored).

import { useState } from 'preact/hooks';
import { listContacts } from '../../../db/contacts';
import { listOrganisations } from '../../../db/organisations';
import type { Contact } from '../../../domain/contact';
import { labelOf } from '../../../domain/label-of';
import type { Organisation } from '../../../domain/organisation';
import { ORGANISATION_KIND_LABELS } from '../../../domain/vocabulary-labels';
import { Button, ButtonLink } from '../../components/Button';
import { DataLink } from '../../components/DataLink';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { RecordBoundary } from '../../components/RecordBoundary';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useLive } from '../../hooks/use-live';
import { useLanguage, useMessages } from '../../i18n/messages';
import { ContactExchange } from './ContactExchange';
import { ContactsTabs } from './ContactsTabs';
import styles from './contacts.module.css';
import { importMessages } from './import-messages';
import { messages } from './messages';
import { importLieuxHref, lieuHref, newLieuHref, newPersonHref, personHref } from './paths';

const PAGE = 50;

export function ContactsHome({ tab }: { tab: 'people' | 'lieux' }) {
  const t = useMessages(messages);
  const i = useMessages(importMessages);
  return (
    <>
      <ScreenHeader
        title={t.title}
        description={t.purpose}
        actions={
          <>
            <ButtonLink variant="primary" href={tab === 'lieux' ? newLieuHref() : newPersonHref()}>
              {tab === 'lieux' ? t.newLieu : t.newPerson}
            </ButtonLink>
            {tab === 'lieux' ? <ButtonLink href={importLieuxHref()}>{i.openImport}</ButtonLink> : null}
          </>
        }
      />
      <ContactsTabs current={tab} />
      {tab === 'lieux' ? <LieuxList key="lieux" /> : <PeopleList key="people" />}
    </>
  );
}

function PeopleList() {
  const t = useMessages(messages);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const people = useLive((context) => listContacts(context, { query }), [query]);
  return (
    <>
      <ContactExchange />
      <Field
        label={t.searchPeople}
        hint={t.searchPeopleHint}
        type="search"
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setLimit(PAGE);
        }}
      />
      <SearchStatus query={query} count={people?.length} found={t.peopleFound} />
      {people === undefined ? null : people.length === 0 ? (
        query.trim() === '' ? (
          <div class={styles['contacts-empty']}>
            <EmptyState title={t.emptyPeopleTitle}>{t.emptyPeopleText}</EmptyState>
          </div>
        ) : null
      ) : (
        <ul class={styles['record-list']}>
          {people.slice(0, limit).map((person) => (
            <RecordBoundary key={person.id} as="li" type="contacts" record={person} name={person.name}>
              <PersonItem person={person} />
            </RecordBoundary>
          ))}
        </ul>
      )}
      {people && people.length > limit ? (
        <Button onClick={() => setLimit(limit + PAGE)}>{t.more(people.length - limit)}</Button>
      ) : null}
    </>
  );
}

function LieuxList() {
  const t = useMessages(messages);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const lieux = useLive((context) => listOrganisations(context, { query }), [query]);
  return (
    <>
      <Field
        label={t.searchLieux}
        hint={t.searchLieuxHint}
        type="search"
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setLimit(PAGE);
        }}
      />
      <SearchStatus query={query} count={lieux?.length} found={t.lieuxFound} />
      {lieux === undefined ? null : lieux.length === 0 ? (
        query.trim() === '' ? (
          <div class={styles['contacts-empty']}>
            <EmptyState title={t.emptyLieuxTitle}>{t.emptyLieuxText}</EmptyState>
          </div>
        ) : null
      ) : (
        <ul class={styles['record-list']}>
          {lieux.slice(0, limit).map((lieu) => (
            <RecordBoundary key={lieu.id} as="li" type="organisations" record={lieu} name={lieu.name}>
              <LieuItem lieu={lieu} />
            </RecordBoundary>
          ))}
        </ul>
      )}
      {lieux && lieux.length > limit ? (
        <Button onClick={() => setLimit(limit + PAGE)}>{t.more(lieux.length - limit)}</Button>
      ) : null}
    </>
  );
}

/**
 * What a search found, in one live region that is there before the first letter: the visits'
 * and the valise's searches say how many, and here a screen reader heard nothing as the list
 * below changed, not even « Aucun résultat » (newuser29).
 */
function SearchStatus({ query, count, found }: { query: string; count?: number; found: (count: number) => string }) {
  const t = useMessages(messages);
  const text = query.trim() === '' || count === undefined ? '' : count === 0 ? t.noMatch : found(count);
  return (
    <p class={text ? styles['search-count'] : 'visually-hidden'} role="status">
      {text}
    </p>
  );
}

function PersonItem({ person }: { person: Contact }) {
  const t = useMessages(messages);
  return (
    <li class={styles['record-item']} data-testid="record-item">
      <a class={styles['record-item__main']} href={personHref(person.id)}>
        <span class={styles['record-item__name']} data-testid="record-name">
          {person.name}
        </span>
        {person.role ? <span class={styles['record-item__detail']}>{person.role}</span> : null}
      </a>
      <span class={styles['record-item__reach']}>
        {person.phone ? (
          <DataLink
            class={styles['reach-link']}
            kind="tel"
            address={person.phone}
            fallback={null}
            aria-label={t.call(person.name)}
          >
            {t.callShort}
          </DataLink>
        ) : null}
        {person.email ? (
          <DataLink
            class={styles['reach-link']}
            kind="mail"
            address={person.email}
            fallback={null}
            aria-label={t.mail(person.name)}
          >
            {t.mailShort}
          </DataLink>
        ) : null}
      </span>
    </li>
  );
}

function LieuItem({ lieu }: { lieu: Organisation }) {
  const lang = useLanguage();
  return (
    <li class={styles['record-item']} data-testid="record-item">
      <a class={styles['record-item__main']} href={lieuHref(lieu.id)}>
        <span class={styles['record-item__name']} data-testid="record-name">
          {lieu.name}
        </span>
        <span class={styles['record-item__detail']}>
          {joinIsolated([labelOf(ORGANISATION_KIND_LABELS, lieu.kind, lang), lieu.commune], ' · ')}
        </span>
      </a>
    </li>
  );
}
