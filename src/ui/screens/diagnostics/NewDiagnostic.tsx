import { format, isValid, parseISO } from 'date-fns';
import { useState } from 'preact/hooks';
import { createDiagnostic, listOfferedTemplates } from '../../../db/diagnostics';
import { navigate } from '../../../state/router';
import { Banner } from '../../components/Banner';
import { Button, ButtonLink } from '../../components/Button';
import { Field } from '../../components/Field';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';
import { listHref, sectionHref } from './paths';

interface Errors {
  subject?: string;
  filledOn?: string;
}

export function NewDiagnostic() {
  const t = useMessages(messages);
  const context = useDataContext();
  const templates = useLive((ctx) => listOfferedTemplates(ctx), []);
  const [templateId, setTemplateId] = useState<string>();
  const [subject, setSubject] = useState('');
  const [filledOn, setFilledOn] = useState(() => format(new Date(), 'yyyy-MM-dd'));
  const [errors, setErrors] = useState<Errors>({});
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  useUnsavedInput(subject.trim() !== '');

  const chosen = templates?.find((template) => template.id === templateId) ?? templates?.[0];

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!context || !chosen) return;
    const found: Errors = {};
    if (subject.trim() === '') found.subject = t.subjectRequired;
    if (!isValid(parseISO(filledOn))) found.filledOn = t.filledOnInvalid;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setFailed(false);
    try {
      const diagnostic = await createDiagnostic(context, { template: chosen, territoryLabel: subject, filledOn });
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
      <Section title={t.newTitle}>
        <form class="stack" onSubmit={submit} noValidate>
          <fieldset class="grid-choices">
            <legend class="field__label">{t.gridLegend}</legend>
            {templates?.map((template) => (
              <label key={template.id} class="grid-choice">
                <input
                  type="radio"
                  name="template"
                  value={template.id}
                  checked={chosen?.id === template.id}
                  onChange={() => setTemplateId(template.id)}
                />
                <span>
                  <strong>{template.title}</strong>
                  <span class="grid-choice__detail">
                    {t.sectionsCount(template.sections.length)}
                    {template.description ? ` · ${template.description}` : ''}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <Field
            label={t.subjectLabel}
            hint={t.subjectHint}
            error={errors.subject}
            name="subject"
            value={subject}
            onInput={(event) => setSubject(event.currentTarget.value)}
          />
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
            <Button type="submit" variant="primary" disabled={!context || !chosen || saving}>
              {t.create}
            </Button>
            <ButtonLink href={listHref()} variant="quiet">
              {t.cancel}
            </ButtonLink>
          </div>
        </form>
      </Section>
    </>
  );
}
