import { format } from 'date-fns';
import { useState } from 'preact/hooks';
import { createDiagnostic, listOfferedTemplates } from '../../../db/diagnostics';
import { knownLieuId } from '../../../db/organisation-queries';
import { createOrganisation } from '../../../db/organisations';
import { getVisit } from '../../../db/visits';
import type { NewRecord } from '../../../domain/record-types';
import { navigate } from '../../../state/router';
import { Banner } from '../../components/Banner';
import { Button, ButtonLink } from '../../components/Button';
import { Field, fieldParts } from '../../components/Field';
import { InlineOrganisationForm } from '../../components/InlineOrganisationForm';
import { pickerMessages } from '../../components/picker-messages';
import { RecordPicker } from '../../components/RecordPicker';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Card } from '../../components/Section';
import { FormProblem } from '../../forms/FormNotices';
import { useFocusFirstError } from '../../forms/focus-first-error';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';
import { useMessages } from '../../i18n/messages';
import { useFilledOnCheck } from './filled-on';
import { messages } from './messages';
import styles from './NewDiagnostic.module.css';
import { listHref, sectionHref } from './paths';

interface Errors {
  subject?: string;
  filledOn?: string;
  newLieu?: string;
}

interface NewDiagnosticProps {
  /** A lieu chosen beforehand ("#/diagnostics/nouveau?lieu=<id>", from a lieu or a visit). */
  organisationId?: string | undefined;
  /** The visit this diagnostic is part of. */
  visitId?: string | undefined;
}

export function NewDiagnostic({ organisationId, visitId }: NewDiagnosticProps) {
  const t = useMessages(messages);
  // A link may name a lieu or a visit this device does not hold (or no id at all): the
  // diagnostic is then tied to neither, rather than to a record no screen can open.
  const given = useLive(
    async (context) => ({
      lieu: await knownLieuId(context, organisationId),
      visit: (visitId && (await getVisit(context, visitId))?.id) || null,
    }),
    [organisationId, visitId],
  );
  if (given === undefined) return <ScreenHeader title={t.newTitle} description={t.newPurpose} />;
  return <NewDiagnosticForm givenOrganisation={given.lieu ?? undefined} visitId={given.visit ?? undefined} />;
}

function NewDiagnosticForm({
  givenOrganisation,
  visitId,
}: {
  givenOrganisation?: string | undefined;
  visitId?: string | undefined;
}) {
  const t = useMessages(messages);
  const picker = useMessages(pickerMessages);
  const context = useDataContext();
  const templates = useLive((ctx) => listOfferedTemplates(ctx), []);
  const [templateId, setTemplateId] = useState<string>();
  const [organisationId, setOrganisationId] = useState(givenOrganisation);
  const [subject, setSubject] = useState('');
  const [filledOn, setFilledOn] = useState(() => format(new Date(), 'yyyy-MM-dd'));
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstError(errors);
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  /** The name typed in the picker when its « Créer » opened the lieu's own fields, until the lieu is added. */
  const [newLieu, setNewLieu] = useState<string | null>(null);
  const checkFilledOn = useFilledOnCheck();
  useUnsavedInput(subject.trim() !== '' || newLieu !== null);

  const chosen = templates?.find((template) => template.id === templateId) ?? templates?.[0];
  // A project grid is about a lieu of the network; a territorial one about a territory's name.
  const forLieu = chosen?.scope === 'organisation';

  // As from a visit or a person: a lieu made here has its kind and commune, so a territory.
  const createLieu = async (lieu: NewRecord<'organisations'>) => {
    if (!context) return;
    const created = await createOrganisation(context, lieu);
    setOrganisationId(created.id);
    setNewLieu(null);
    setErrors({});
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!context || !chosen) return;
    const found: Errors = {};
    // As in the visit, person and event forms: a lieu still being created here is neither
    // dropped nor taken for « no lieu » without a word.
    if (forLieu && newLieu !== null) found.newLieu = picker.organisationNotAdded;
    else if (forLieu ? !organisationId : subject.trim() === '')
      found.subject = forLieu ? t.lieuRequired : t.subjectRequired;
    const wrongDate = checkFilledOn(filledOn, event.currentTarget as HTMLFormElement);
    if (wrongDate) found.filledOn = wrongDate;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setFailed(false);
    try {
      const diagnostic = await createDiagnostic(context, {
        template: chosen,
        ...(forLieu ? { organisationId } : { territoryLabel: subject }),
        visitId: visitId ?? null,
        filledOn,
      });
      navigate(sectionHref(diagnostic.id, 1), { replace: true });
    } catch (error) {
      console.error(error);
      setFailed(true);
      setSaving(false);
    }
  };

  return (
    <>
      <ScreenHeader title={t.newTitle} description={t.newPurpose} />
      {/* Framed without a heading of its own: the page's h1 already says « Nouveau diagnostic ». */}
      <Card>
        <form ref={formRef} class="stack" onSubmit={submit} noValidate>
          <FormProblem problem={Object.keys(errors).length > 0 ? 'errors' : null} />
          <fieldset class={styles.grids}>
            <legend class={fieldParts.label}>{t.gridLegend}</legend>
            {templates?.map((template) => (
              <label key={template.id} class={styles.grid}>
                <input
                  type="radio"
                  name="template"
                  value={template.id}
                  checked={chosen?.id === template.id}
                  onChange={() => setTemplateId(template.id)}
                />
                <span>
                  <strong>{template.title}</strong>
                  <span class={styles.detail}>
                    {t.sectionsCount(template.sections.length)}
                    {template.description ? ` · ${template.description}` : ''}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {forLieu ? (
            <>
              <RecordPicker
                type="organisations"
                label={t.lieuLabel}
                hint={t.lieuHint}
                selected={organisationId ? [organisationId] : []}
                onChange={(ids) => setOrganisationId(ids[0])}
                // One lieu created at a time: a second « Créer » would drop what the open one holds.
                onCreate={newLieu === null ? setNewLieu : undefined}
                error={errors.subject}
              />
              {newLieu !== null ? (
                <InlineOrganisationForm
                  initialName={newLieu}
                  error={errors.newLieu}
                  create={createLieu}
                  onCancel={() => setNewLieu(null)}
                />
              ) : null}
            </>
          ) : (
            <Field
              label={t.subjectLabel}
              hint={t.subjectHint}
              error={errors.subject}
              name="subject"
              value={subject}
              onInput={(event) => setSubject(event.currentTarget.value)}
            />
          )}
          <Field
            label={t.filledOnLabel}
            error={errors.filledOn}
            type="date"
            name="filledOn"
            value={filledOn}
            onInput={(event) => setFilledOn(event.currentTarget.value)}
          />
          {failed ? <Banner tone="error">{t.createFailed}</Banner> : null}
          <div class="actions">
            <Button type="submit" variant="primary" disabled={!context || !chosen} aria-disabled={saving}>
              {t.create}
            </Button>
            <ButtonLink href={listHref()} variant="quiet">
              {t.cancel}
            </ButtonLink>
          </div>
        </form>
      </Card>
    </>
  );
}
