// Create or edit a person: name, role, lieux (created inline if needed), phone, email, tags,
// notes and the GDPR consent. Errors are shown beside their field; nothing typed is lost.
import { useMemo, useState } from 'preact/hooks';
import { createContact, getContact, updateContact } from '../../../db/contacts';
import { RecordValidationError } from '../../../db/errors';
import { listOrganisations } from '../../../db/organisations';
import type { Contact } from '../../../domain/contact';
import { hrefTo, navigate } from '../../../state/router';
import { Banner } from '../../components/Banner';
import { Button, ButtonLink } from '../../components/Button';
import { Field } from '../../components/Field';
import { InlineOrganisationForm } from '../../components/InlineOrganisationForm';
import { ScreenHeader } from '../../components/ScreenHeader';
import { SearchPicker } from '../../components/SearchPicker';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useRecordOnce } from '../../hooks/use-record-once';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';
import { useLanguage, useMessages } from '../../i18n/messages';
import { issuesByField } from '../../i18n/validation';
import { parseTags, textOrNull } from './form-text';
import { messages } from './messages';
import { CONTACTS, personHref } from './paths';

interface PersonValues {
  name: string;
  role: string;
  organisationIds: string[];
  phone: string;
  email: string;
  tags: string;
  notes: string;
  consentNote: string;
  consentDate: string;
}

function valuesOf(person: Contact | null): PersonValues {
  return {
    name: person?.name ?? '',
    role: person?.role ?? '',
    organisationIds: [...(person?.organisationIds ?? [])],
    phone: person?.phone ?? '',
    email: person?.email ?? '',
    tags: (person?.tags ?? []).join(', '),
    notes: person?.notes ?? '',
    consentNote: person?.consentNote ?? '',
    consentDate: person?.consentDate ?? '',
  };
}

export function PersonForm({ personId }: { personId: string | null }) {
  const t = useMessages(messages);
  const person = useRecordOnce(personId, getContact);
  const title = personId ? t.editPersonTitle : t.newPerson;
  if (person === undefined) return <ScreenHeader title={title} />;
  return <PersonEditor title={title} person={person} />;
}

function PersonEditor({ title, person }: { title: string; person: Contact | null }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  const start = useMemo(() => valuesOf(person), [person]);
  const [values, setValues] = useState(start);
  const [errors, setErrors] = useState<Record<string, string> | null>(null);
  const [failed, setFailed] = useState(false);
  const [creatingLieu, setCreatingLieu] = useState<string | null>(null);
  const dirty = JSON.stringify(values) !== JSON.stringify(start);
  useUnsavedInput(dirty || creatingLieu !== null);
  const lieux = useLive((ctx) => listOrganisations(ctx), []);
  const options = useMemo(
    () => (lieux ?? []).map((lieu) => ({ id: lieu.id, label: lieu.name, detail: lieu.commune })),
    [lieux],
  );
  const set = (key: keyof PersonValues) => (event: { currentTarget: { value: string } }) =>
    setValues({ ...values, [key]: event.currentTarget.value });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!context) return;
    setFailed(false);
    const fields = {
      name: values.name,
      role: textOrNull(values.role),
      organisationIds: values.organisationIds,
      phone: textOrNull(values.phone),
      email: textOrNull(values.email),
      tags: parseTags(values.tags),
      notes: values.notes === '' ? null : values.notes,
      consentNote: textOrNull(values.consentNote),
      consentDate: values.consentDate || null,
    };
    try {
      const saved = person ? await updateContact(context, person.id, fields) : await createContact(context, fields);
      setValues(start);
      navigate(`${personHref(saved.id)}?enregistree=1`, { replace: true });
    } catch (error) {
      if (error instanceof RecordValidationError) setErrors(issuesByField(error.issues, lang));
      else setFailed(true);
    }
  };

  const e = errors ?? {};
  return (
    <>
      <ScreenHeader title={title} />
      <form class="record-form stack" onSubmit={submit} noValidate>
        {errors ? (
          <Banner tone="error" urgent>
            {t.fixProblems}
          </Banner>
        ) : null}
        <Field label={t.name} value={values.name} onInput={set('name')} error={e.name} autocomplete="off" />
        <Field label={t.role} optional value={values.role} onInput={set('role')} error={e.role} />
        <SearchPicker
          label={t.organisations}
          hint={t.organisationsHint}
          multiple
          options={options}
          selected={values.organisationIds}
          onChange={(organisationIds) => setValues({ ...values, organisationIds })}
          onCreate={(text) => setCreatingLieu(text)}
          maxShown={4}
        />
        {creatingLieu !== null ? (
          <InlineOrganisationForm
            initialName={creatingLieu}
            onCreated={(lieu) => {
              setCreatingLieu(null);
              setValues({ ...values, organisationIds: [...values.organisationIds, lieu.id] });
            }}
            onCancel={() => setCreatingLieu(null)}
          />
        ) : null}
        <Field label={t.phone} optional type="tel" value={values.phone} onInput={set('phone')} error={e.phone} />
        <Field label={t.email} optional type="email" value={values.email} onInput={set('email')} error={e.email} />
        <Field label={t.tags} hint={t.tagsHint} optional value={values.tags} onInput={set('tags')} error={e.tags} />
        <Field
          as="textarea"
          label={t.notes}
          optional
          rows={4}
          value={values.notes}
          onInput={set('notes')}
          error={e.notes}
        />
        <fieldset class="record-form__group stack">
          <legend class="field__label">{t.consent}</legend>
          <Field
            label={t.consentNote}
            hint={t.consentNoteHint}
            optional
            value={values.consentNote}
            onInput={set('consentNote')}
            error={e.consentNote}
          />
          <Field
            label={t.consentDate}
            optional
            type="date"
            value={values.consentDate}
            onInput={set('consentDate')}
            error={e.consentDate}
          />
        </fieldset>
        {failed ? (
          <p class="field__error" role="alert">
            {t.saveFailed}
          </p>
        ) : null}
        <div class="actions">
          <Button type="submit" variant="primary">
            {t.save}
          </Button>
          <ButtonLink href={person ? personHref(person.id) : hrefTo(CONTACTS)}>{t.cancel}</ButtonLink>
        </div>
      </form>
    </>
  );
}
