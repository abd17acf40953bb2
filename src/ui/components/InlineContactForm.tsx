// Create a person without leaving the form in progress (a visit, an event): name, role, phone,
// email. Not a <form> of its own, since it sits inside another form.
import { useEffect, useRef, useState } from 'preact/hooks';
import { RecordValidationError } from '../../db/errors';
import { isolate } from '../../domain/bidi';
import type { NewRecord } from '../../domain/record-types';
import { focusFirstEmpty } from '../forms/focus-first-empty';
import { useInlineForm } from '../forms/use-inline-form';
import { useLanguage, useMessages } from '../i18n/messages';
import { issuesByField } from '../i18n/validation';
import { Button } from './Button';
import { Check } from './Check';
import { Field, FieldError, fieldParts } from './Field';
import styles from './InlineForm.module.css';
import { pickerMessages } from './picker-messages';

/** What the inline person's fields hold, as the draft of the form around it keeps them. */
export interface NewPersonFields {
  name: string;
  role: string;
  phone: string;
  email: string;
}

interface InlineContactFormProps {
  /** The name typed in the picker, to start from. */
  initialName?: string;
  /** What was typed here before, given back by the draft of the form around it. */
  restored?: NewPersonFields | undefined;
  /** Every change, for the form around it to keep in its draft (a killed tab loses nothing). */
  onInput: (fields: NewPersonFields) => void;
  /** Lieux the person is linked to (the visit's lieu). */
  organisationIds?: readonly string[];
  /**
   * A lieu the person is linked to unless its box is unticked: the place of an event, where
   * people of other lieux meet too, is said and can be declined instead of linked unseen.
   */
  offerLieu?: { id: string; name: string } | null;
  /** What the form around it says of this person (saved while not added yet), shown on the name. */
  error?: string | undefined;
  /**
   * The repository call that creates the person and, in the same transaction, writes what the
   * form around it becomes (the person in, this form closed): see src/db/form-save.ts.
   */
  create: (person: NewRecord<'contacts'>) => Promise<unknown>;
  onCancel: () => void;
}

export function InlineContactForm({
  initialName = '',
  restored,
  onInput,
  organisationIds = [],
  offerLieu = null,
  error,
  create,
  onCancel,
}: InlineContactFormProps) {
  const t = useMessages(pickerMessages);
  const lang = useLanguage();
  const [values, setValuesHere] = useState<NewPersonFields>(
    () => restored ?? { name: initialName, role: '', phone: '', email: '' },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState(false);
  // Opened by the picker's "Créer « … »", which is gone once it is: typing goes on here (after
  // the name already typed), not from the page's body, where a phone's keyboard closes. Reopened
  // from a draft, it leaves the focus where the page puts it, as the rest of the form does.
  const box = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (!restored) focusFirstEmpty(box.current);
  }, []);
  const [linked, setLinked] = useState(true);
  const set = (key: keyof NewPersonFields) => (event: { currentTarget: HTMLInputElement }) => {
    const next = { ...values, [key]: event.currentTarget.value };
    setValuesHere(next);
    onInput(next);
  };

  const save = async () => {
    setFailed(false);
    try {
      await create({
        name: values.name,
        role: values.role.trim() || null,
        phone: values.phone.trim() || null,
        email: values.email.trim() || null,
        organisationIds: [...organisationIds, ...(offerLieu && linked ? [offerLieu.id] : [])],
      });
    } catch (error) {
      if (error instanceof RecordValidationError) setErrors(issuesByField(error.issues, lang));
      else setFailed(true);
    }
  };

  const typed =
    values.name.trim() !== initialName.trim() || !!(values.role.trim() || values.phone.trim() || values.email.trim());
  const { saveOnce, onKeyDown } = useInlineForm(save, onCancel, typed);

  return (
    <fieldset ref={box} class={`stack ${styles.inlineForm}`} onKeyDown={onKeyDown}>
      <legend class={fieldParts.label}>{t.contactNew}</legend>
      <Field
        label={t.contactName}
        value={values.name}
        onInput={set('name')}
        error={errors.name ?? error}
        autocomplete="off"
      />
      <Field label={t.contactRole} optional value={values.role} onInput={set('role')} error={errors.role} />
      <Field
        label={t.contactPhone}
        optional
        type="tel"
        value={values.phone}
        onInput={set('phone')}
        error={errors.phone}
      />
      <Field
        label={t.contactEmail}
        optional
        type="email"
        value={values.email}
        onInput={set('email')}
        error={errors.email}
      />
      {offerLieu ? (
        <Check checked={linked} onChange={(event) => setLinked(event.currentTarget.checked)}>
          {t.contactLinkTo(isolate(offerLieu.name))}
        </Check>
      ) : null}
      {failed ? <FieldError>{t.saveFailed}</FieldError> : null}
      <div class="actions">
        <Button variant="primary" onClick={saveOnce}>
          {t.contactSave}
        </Button>
        <Button onClick={onCancel}>{t.contactCancel}</Button>
      </div>
    </fieldset>
  );
}
