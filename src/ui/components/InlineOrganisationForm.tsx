// Create a lieu without leaving the form in progress (a visit, a person, an event):
// name, kind, and postcode and commune with the lieu form's own lookup, so a lieu made here has
// its INSEE code and territory too (the report's "Visites par territoire" counts it). Not a
// <form> of its own, since it sits inside another form.

import { useEffect, useRef, useState } from 'preact/hooks';
import { RecordValidationError } from '../../db/errors';
import { labelOf } from '../../domain/label-of';
import type { NewRecord } from '../../domain/record-types';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../domain/vocabulary';
import { ORGANISATION_KIND_LABELS } from '../../domain/vocabulary-labels';
import { focusFirstEmpty } from '../forms/focus-first-empty';
import { useInlineForm } from '../forms/use-inline-form';
import { useLanguage, useMessages } from '../i18n/messages';
import { issuesByField } from '../i18n/validation';
import { CommuneFields } from '../territory/CommuneFields';
import { Button } from './Button';
import { Field, FieldError, fieldParts } from './Field';
import styles from './InlineForm.module.css';
import { pickerMessages } from './picker-messages';

/** The fields the commune lookup fills (a chosen commune) or leaves as typed. */
const COMMUNE_KEYS = [
  'postcode',
  'commune',
  'inseeCode',
  'departementCode',
  'departement',
  'regionCode',
  'region',
  'epciCode',
  'epci',
] as const;
const NO_COMMUNE = Object.fromEntries(COMMUNE_KEYS.map((key) => [key, ''])) as Record<
  (typeof COMMUNE_KEYS)[number],
  string
>;

/** What the inline lieu's fields hold, as the draft of the form around it keeps them. */
export type NewLieuFields = { name: string; kind: OrganisationKind } & typeof NO_COMMUNE;

interface InlineOrganisationFormProps {
  /** The name typed in the picker, to start from. */
  initialName?: string;
  /** What was typed here before, given back by the draft of the form around it. */
  restored?: NewLieuFields | undefined;
  /** Every change, for a form around it that keeps a draft (a killed tab loses nothing). */
  onInput?: (fields: NewLieuFields) => void;
  /** What the form around it says of this lieu (saved while it was not added yet), shown on its name. */
  error?: string | undefined;
  /**
   * The repository call that creates the lieu and, for a form around it with a draft, in the same
   * transaction writes what that form becomes (the lieu in, this form closed): see src/db/form-save.ts.
   */
  create: (lieu: NewRecord<'organisations'>) => Promise<unknown>;
  onCancel: () => void;
}

export function InlineOrganisationForm({
  initialName = '',
  restored,
  onInput,
  error,
  create,
  onCancel,
}: InlineOrganisationFormProps) {
  const t = useMessages(pickerMessages);
  const lang = useLanguage();
  const [values, setValuesHere] = useState<NewLieuFields>(
    () => restored ?? { name: initialName, kind: 'tiers_lieu', ...NO_COMMUNE },
  );
  const setValues = (next: NewLieuFields) => {
    setValuesHere(next);
    onInput?.(next);
  };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState(false);
  // Opened by the picker's "Créer « … »", which is gone once it is: typing goes on here (after
  // the name already typed), not from the page's body, where a phone's keyboard closes. Reopened
  // from a draft, it leaves the focus where the page puts it, as the rest of the form does.
  const box = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (!restored) focusFirstEmpty(box.current);
  }, []);

  const save = async () => {
    setFailed(false);
    try {
      await create({
        name: values.name,
        kind: values.kind,
        ...Object.fromEntries(COMMUNE_KEYS.map((key) => [key, values[key].trim() || null])),
      });
    } catch (error) {
      if (error instanceof RecordValidationError) setErrors(issuesByField(error.issues, lang));
      else setFailed(true);
    }
  };

  const typed = values.name.trim() !== initialName.trim() || !!values.postcode.trim() || !!values.commune.trim();
  const { saveOnce, onKeyDown } = useInlineForm(save, onCancel, typed);

  return (
    <fieldset ref={box} class={`stack ${styles.inlineForm}`} onKeyDown={onKeyDown}>
      <legend class={fieldParts.label}>{t.organisationNew}</legend>
      <Field
        label={t.organisationName}
        value={values.name}
        onInput={(event) => setValues({ ...values, name: event.currentTarget.value })}
        error={errors.name ?? error}
        autocomplete="off"
      />
      <Field
        as="select"
        label={t.organisationKind}
        value={values.kind}
        onChange={(event) => setValues({ ...values, kind: event.currentTarget.value as OrganisationKind })}
        error={errors.kind}
      >
        {ORGANISATION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {labelOf(ORGANISATION_KIND_LABELS, kind, lang)}
          </option>
        ))}
      </Field>
      <CommuneFields values={values} errors={errors} onChange={(changes) => setValues({ ...values, ...changes })} />
      {failed ? <FieldError>{t.saveFailed}</FieldError> : null}
      <div class="actions">
        <Button variant="primary" onClick={saveOnce}>
          {t.organisationSave}
        </Button>
        <Button onClick={onCancel}>{t.contactCancel}</Button>
      </div>
    </fieldset>
  );
}
