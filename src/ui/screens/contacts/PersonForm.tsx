// Create or edit a person on the form kit: name, role, lieux (created inline if needed), phone,
// email, tags, notes and the GDPR consent; kept as a draft on every change.
import { getContact } from '../../../db/contacts';
import { saveRecordForm } from '../../../db/form-save';
import { knownLieuId } from '../../../db/organisation-queries';
import type { Contact } from '../../../domain/contact';
import { localDay } from '../../../domain/days';
import { hrefTo, navigate, useRoute } from '../../../state/router';
import { classes } from '../../components/classes';
import { Field, fieldParts } from '../../components/Field';
import { InlineOrganisationForm, type NewLieuFields } from '../../components/InlineOrganisationForm';
import { pickerMessages } from '../../components/picker-messages';
import { RecordPicker } from '../../components/RecordPicker';
import { FormFrame } from '../../forms/FormFrame';
import { FormGate } from '../../forms/FormGate';
import { type InlineCreation, inlineDraftProps } from '../../forms/inline-creation';
import { useTypedDateCheck } from '../../forms/typed-dates';
import { type FormStart, fromRecord, useFormStart } from '../../forms/use-form-start';
import { useRecordForm } from '../../forms/use-record-form';
import { useFocusAfterClose } from '../../hooks/use-focus-after-close';
import { useMessages } from '../../i18n/messages';
import styles from './contacts.module.css';
import { parseTags, textOrNull } from './form-text';
import { messages } from './messages';
import { CONTACTS, LIEU_PARAM, personHref } from './paths';

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
  /** A lieu being created from the lieux picker, not a record yet: kept with the draft only. */
  newLieu: InlineCreation<NewLieuFields> | null;
}

/** `lieuId`: a new person's lieu, when the form was opened from that lieu's page. */
function valuesOf(person: Contact | null, lieuId?: string): PersonValues {
  return {
    name: person?.name ?? '',
    role: person?.role ?? '',
    organisationIds: person ? [...(person.organisationIds ?? [])] : lieuId ? [lieuId] : [],
    phone: person?.phone ?? '',
    email: person?.email ?? '',
    tags: (person?.tags ?? []).join(', '),
    notes: person?.notes ?? '',
    consentNote: person?.consentNote ?? '',
    consentDate: person?.consentDate ?? '',
    newLieu: null,
  };
}

export function PersonForm({ personId, draftId }: { personId: string | null; draftId?: string | undefined }) {
  const t = useMessages(messages);
  const lieuId = useRoute().query[LIEU_PARAM];
  const start = useFormStart({ kind: 'person', recordId: personId, draftId }, async (context, recordId) => {
    // A link may name a lieu this device does not hold (or no id at all): nothing is chosen then.
    const lieu = recordId === null ? await knownLieuId(context, lieuId) : null;
    return fromRecord(getContact, (person) => valuesOf(person, lieu ?? undefined))(context, recordId);
  });
  const title = personId ? t.editPersonTitle : t.newPerson;
  return (
    <FormGate title={title} start={start} missing={{ text: t.notFound, back: t.back, href: hrefTo(CONTACTS) }}>
      {(ready) => <PersonEditor title={title} start={ready} />}
    </FormGate>
  );
}

function fieldsOf(values: PersonValues) {
  return {
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
}

function PersonEditor({ title, start }: { title: string; start: FormStart<PersonValues> }) {
  const t = useMessages(messages);
  const picker = useMessages(pickerMessages);
  const typedDates = useTypedDateCheck();
  const form = useRecordForm(start, {
    check: (values, opened, formElement) => ({
      // A consent is given on a day that has come: 2062 for 2026 is a slip. A date already stored
      // (an import) is left for the person to correct, not held against every other edit.
      ...(values.consentDate > localDay() && values.consentDate !== opened?.consentDate
        ? { consentDate: t.consentDateAhead }
        : {}),
      ...typedDates({ consentDate: values.consentDate }, opened && { consentDate: opened.consentDate }, formElement),
      // Saved now, a lieu still being created here would be dropped without a word.
      ...(values.newLieu !== null ? { newLieu: picker.organisationNotAdded } : {}),
    }),
    record: (values) => ({ type: 'contacts', fields: fieldsOf(values) }),
    save: (values, _files, draftId, opened) =>
      saveRecordForm(start.context, 'contacts', start.recordId, fieldsOf(values), draftId, opened && fieldsOf(opened)),
    onSaved: (saved) => navigate(`${personHref(saved.id)}?enregistree=1`, { replace: true }),
    describe: (values) => values.name.trim(),
  });
  const { values, bind } = form;
  const lieuxBox = useFocusAfterClose<HTMLDivElement>(values.newLieu !== null);
  return (
    <FormFrame
      form={form}
      title={title}
      class={styles['record-form']}
      fix={t.fixProblems}
      saveLabel={t.save}
      cancelLabel={t.cancel}
      cancelHref={start.recordId ? personHref(start.recordId) : hrefTo(CONTACTS)}
    >
      <Field label={t.name} {...bind('name')} autocomplete="off" />
      <Field label={t.role} optional {...bind('role')} />
      <div ref={lieuxBox} class="stack">
        <RecordPicker
          type="organisations"
          label={t.organisations}
          hint={t.organisationsHint}
          optional
          multiple
          selected={values.organisationIds}
          onChange={(organisationIds) => form.set('organisationIds', organisationIds)}
          // One lieu created at a time: a second « Créer » would drop what the open one holds.
          onCreate={
            values.newLieu === null ? (text) => form.set('newLieu', { initialName: text, typed: null }) : undefined
          }
          maxShown={4}
        />
        {values.newLieu !== null ? (
          <InlineOrganisationForm
            {...inlineDraftProps(values.newLieu, (next) => form.set('newLieu', next))}
            error={form.errors.newLieu}
            create={(lieu) =>
              form.createWithin('organisations', lieu, (made, current) => ({
                organisationIds: [...current.organisationIds, made.id],
                newLieu: null,
              }))
            }
            onCancel={() => form.set('newLieu', null)}
          />
        ) : null}
      </div>
      <Field label={t.phone} optional type="tel" {...bind('phone')} />
      <Field label={t.email} optional type="email" {...bind('email')} />
      <Field label={t.tags} hint={t.tagsHint} optional {...bind('tags')} />
      <Field as="textarea" label={t.notes} optional rows={4} {...bind('notes')} />
      <fieldset class={classes(styles['record-form__group'], 'stack')}>
        <legend class={fieldParts.label}>{t.consent}</legend>
        <Field label={t.consentNote} hint={t.consentNoteHint} optional {...bind('consentNote')} />
        <Field label={t.consentDate} optional type="date" name="consentDate" {...bind('consentDate')} />
      </fieldset>
    </FormFrame>
  );
}
