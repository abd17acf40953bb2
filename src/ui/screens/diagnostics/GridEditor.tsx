// An admin edits a grid: titles, questions (kind, scoring, levels, choices), their order, and
// retiring them. Publishing makes a new version; diagnostics keep the version they were filled
// with, and the editor says which of their answers a move to the new version would set aside.
import { useMemo, useState } from 'preact/hooks';
import { getGridForEditing, publishGridVersion } from '../../../db/diagnostics';
import { RecordValidationError } from '../../../db/errors';
import { isolate } from '../../../domain/bidi';
import { orphanedByDraft } from '../../../domain/diagnostic-migrate';
import { navigate } from '../../../state/router';
import { useRole } from '../../../state/sync';
import { Banner } from '../../components/Banner';
import { Button, ButtonLink } from '../../components/Button';
import { Field } from '../../components/Field';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Card } from '../../components/Section';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';
import { useLanguage, useMessages } from '../../i18n/messages';
import { describeIssue } from '../../i18n/validation';
import styles from './GridEditor.module.css';
import { addQuestion, addSection, type Draft, updateSection } from './grid-draft';
import { messages } from './messages';
import { gridHref, gridsHref } from './paths';
import { QuestionEditor } from './QuestionEditor';

export function GridEditor({ templateId }: { templateId: string }) {
  const t = useMessages(messages);
  const data = useLive((context) => getGridForEditing(context, templateId), [templateId]);
  if (data === undefined) return null;
  if (data === null) {
    return (
      <>
        <ScreenHeader title={t.notFoundTitle} />
        <ButtonLink href={gridsHref()}>{t.gridsTitle}</ButtonLink>
      </>
    );
  }
  return <EditorForm key={data.template.id} data={data} />;
}

function EditorForm({ data }: { data: NonNullable<Awaited<ReturnType<typeof getGridForEditing>>> }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  const admin = useRole() === 'admin';
  const { template } = data;
  const initial: Draft = {
    title: template.title,
    description: template.description ?? null,
    scope: template.scope,
    sections: template.sections,
    status: template.status,
  };
  const [draft, setDraft] = useState<Draft>(initial);
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  useUnsavedInput(dirty);
  const nextVersion = Math.max(...data.versions.filter((v) => v.family === template.family).map((v) => v.version)) + 1;
  const orphaned = useMemo(
    () => orphanedByDraft(data.diagnostics, data.versions, { ...template, ...draft }),
    [data, draft, template],
  );

  const publish = async (content: Draft) => {
    if (!context) return;
    setSaving(true);
    setProblem(undefined);
    try {
      const published = await publishGridVersion(context, template.family, content);
      setDraft(content);
      navigate(gridHref(published.id), { replace: true });
    } catch (error) {
      if (error instanceof RecordValidationError && error.issues[0]) {
        const issue = error.issues[0];
        const [, section, , question] = issue.field.split('.');
        const where =
          section === undefined
            ? ''
            : question === undefined
              ? `${t.sectionNumber(Number(section) + 1)} : `
              : `${t.sectionNumber(Number(section) + 1)}, ${t.questionNumber(Number(question) + 1)} : `;
        setProblem(`${where}${describeIssue(issue, lang)}`);
      } else {
        console.error(error);
        setProblem(t.publishFailed);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <ScreenHeader
        title={t.editGrid}
        description={`${template.title} · ${t.gridVersion(template.version)}`}
        actions={
          <ButtonLink href={gridsHref()} variant="secondary">
            {t.gridsTitle}
          </ButtonLink>
        }
      />
      {admin ? null : <Banner>{t.adminOnly}</Banner>}
      <form
        class={styles.editor}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void publish(draft);
        }}
      >
        <fieldset class={styles.fields} disabled={!admin}>
          <legend class="visually-hidden">{t.editGrid}</legend>
          <Field
            label={t.gridTitleLabel}
            name="title"
            value={draft.title}
            onInput={(event) => setDraft({ ...draft, title: event.currentTarget.value })}
          />
          {draft.sections.map((section, sectionIndex) => (
            <Card key={section.id} class={styles.section}>
              <Field
                label={t.sectionTitleLabel(sectionIndex + 1)}
                value={section.title}
                onInput={(event) => {
                  const title = event.currentTarget.value;
                  setDraft(updateSection(draft, sectionIndex, (current) => ({ ...current, title })));
                }}
              />
              {section.questions.map((question, questionIndex) => (
                <QuestionEditor
                  key={question.id}
                  question={question}
                  number={questionIndex + 1}
                  draft={draft}
                  sectionIndex={sectionIndex}
                  questionIndex={questionIndex}
                  onChange={setDraft}
                />
              ))}
              <div class="actions">
                <Button onClick={() => setDraft(addQuestion(draft, sectionIndex))}>{t.addQuestion}</Button>
              </div>
            </Card>
          ))}
          <div class="actions">
            <Button onClick={() => setDraft(addSection(draft))}>{t.addSection}</Button>
          </div>
        </fieldset>
        {orphaned.length > 0 ? (
          <Banner tone="warning" title={t.orphanedTitle}>
            <ul>
              {orphaned.map((entry) => (
                <li key={entry.questionId}>{t.orphanedQuestion(isolate(entry.label), entry.diagnostics)}</li>
              ))}
            </ul>
          </Banner>
        ) : null}
        {problem ? <Banner tone="error">{problem}</Banner> : null}
        {admin ? (
          <div class="actions">
            <Button type="submit" variant="primary" disabled={!dirty} aria-disabled={saving}>
              {t.publishVersion(nextVersion)}
            </Button>
            <Button
              variant="secondary"
              aria-disabled={saving}
              onClick={() => void publish({ ...draft, status: draft.status === 'active' ? 'retired' : 'active' })}
            >
              {draft.status === 'active' ? t.retireGrid : t.restoreGrid}
            </Button>
          </div>
        ) : null}
      </form>
    </>
  );
}
