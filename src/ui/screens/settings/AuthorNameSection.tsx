import { useEffect, useState } from 'preact/hooks';
import { RecordValidationError } from '../../../db/errors';
import { setAuthorName } from '../../../db/identity';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Confirmation } from '../../components/Confirmation';
import { Field } from '../../components/Field';
import { Section } from '../../components/Section';
import { useDataContext } from '../../hooks/use-data-context';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';
import { useLanguage, useMessages } from '../../i18n/messages';
import { describeIssue } from '../../i18n/validation';
import { messages } from './messages';

type Outcome = { kind: 'saved' } | { kind: 'invalid'; text: string } | { kind: 'failed' } | null;

export function AuthorNameSection() {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  const [saved, setSaved] = useState(context?.identity.authorName);
  const [value, setValue] = useState(context?.identity.authorName ?? '');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saving, setSaving] = useState(false);

  // The device opened after this screen did (the tab's first screen; the field waits for it):
  // its name fills the field. Not on every mount: this effect runs after the first frame, and
  // a name typed or autofilled before it would be replaced.
  useEffect(() => {
    if (!context || saved !== undefined) return;
    setSaved(context.identity.authorName);
    setValue(context.identity.authorName);
  }, [context]);

  useUnsavedInput(saved !== undefined && value.trim() !== saved);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!context) return;
    setSaving(true);
    try {
      const identity = await setAuthorName(context, value);
      setSaved(identity.authorName);
      setValue(identity.authorName);
      setOutcome({ kind: 'saved' });
    } catch (error) {
      const issue = error instanceof RecordValidationError ? error.issues[0] : undefined;
      setOutcome(issue ? { kind: 'invalid', text: describeIssue(issue, lang) } : { kind: 'failed' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Section title={t.authorTitle} id="nom">
      <form class="stack" onSubmit={submit} noValidate>
        <Field
          label={t.authorLabel}
          hint={t.authorHint}
          error={outcome?.kind === 'invalid' ? outcome.text : undefined}
          name="authorName"
          autocomplete="name"
          value={value}
          disabled={!context}
          onInput={(event) => {
            setValue(event.currentTarget.value);
            setOutcome(null);
          }}
        />
        <div class="actions">
          <Button type="submit" variant="primary" disabled={!context} aria-disabled={saving}>
            {t.authorSave}
          </Button>
        </div>
        <div aria-live="polite">{outcome?.kind === 'saved' ? <Confirmation>{t.authorSaved}</Confirmation> : null}</div>
        {outcome?.kind === 'failed' ? <Banner tone="error">{t.authorFailed}</Banner> : null}
      </form>
    </Section>
  );
}
