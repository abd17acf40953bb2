// Filling one section of a diagnostic: every answer is saved on this device as it is given.
import { getDiagnostic, saveAnswer, saveSectionComment } from '../../../db/diagnostics';
import { activeQuestions, progressOf } from '../../../domain/diagnostic-score';
import { pendingAnswerKey } from '../../../state/pending-answers';
import { Banner } from '../../components/Banner';
import { Button, ButtonLink } from '../../components/Button';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useMessages } from '../../i18n/messages';
import { subjectOf } from './format';
import { DiagnosticMissing, GridMissing } from './Missing';
import { messages } from './messages';
import { ProgressBar } from './ProgressBar';
import { diagnosticHref, sectionHref } from './paths';
import { QuestionInput } from './QuestionInput';
import { SectionComment } from './SectionComment';
import styles from './SectionPage.module.css';
import { useSaveStatus } from './use-save-status';

export function SectionPage({ diagnosticId, index }: { diagnosticId: string; index: number }) {
  const t = useMessages(messages);
  const context = useDataContext();
  const data = useLive((ctx) => getDiagnostic(ctx, diagnosticId), [diagnosticId]);
  const status = useSaveStatus();
  if (data === undefined) return null;
  if (data === null) return <DiagnosticMissing />;
  const { diagnostic, template } = data;
  if (!template) return <GridMissing />;
  const section = template.sections[index - 1];
  if (!section) return <DiagnosticMissing />;
  const total = template.sections.length;
  const progress = progressOf(template, diagnostic.answers);
  const subject = subjectOf(diagnostic, data.organisationName) ?? t.unknownSubject;

  return (
    <>
      <ScreenHeader title={section.title} description={`${t.sectionOf(index, total)} · ${subject}`} />
      <ProgressBar done={progress.done} total={progress.total} />
      {section.description ? <p class={styles.intro}>{section.description}</p> : null}
      <form class={styles.form} onSubmit={(event) => event.preventDefault()}>
        {activeQuestions(section).map((question) => (
          <QuestionInput
            key={question.id}
            question={question}
            answer={diagnostic.answers[question.id]}
            pendingKey={pendingAnswerKey(diagnosticId, `q:${question.id}`)}
            save={(answer) =>
              context
                ? status.run(() => saveAnswer(context, diagnosticId, question.id, answer))
                : Promise.resolve(false)
            }
          />
        ))}
        <SectionComment
          key={section.id}
          stored={diagnostic.sectionComments[section.id] ?? ''}
          pendingKey={pendingAnswerKey(diagnosticId, `comment:${section.id}`)}
          save={(text) =>
            context
              ? status.run(() => saveSectionComment(context, diagnosticId, section.id, text))
              : Promise.resolve(false)
          }
        />
      </form>
      <div class={styles.saveStatus} aria-live="polite" data-testid="save-status">
        {status.state === 'saving' ? t.saving : status.state === 'saved' ? t.saved : ''}
      </div>
      {status.state === 'failed' ? (
        <Banner
          tone="error"
          actions={
            <Button variant="secondary" onClick={status.retry}>
              {t.retry}
            </Button>
          }
        >
          {t.saveFailed}
        </Banner>
      ) : null}
      <nav class={styles.nav} aria-label={t.sectionsTitle}>
        {index > 1 ? (
          <ButtonLink href={sectionHref(diagnosticId, index - 1)} variant="secondary">
            {t.previousSection}
          </ButtonLink>
        ) : null}
        {index < total ? (
          <ButtonLink href={sectionHref(diagnosticId, index + 1)} variant="primary">
            {t.nextSection}
          </ButtonLink>
        ) : null}
        <ButtonLink href={diagnosticHref(diagnosticId)} variant={index < total ? 'quiet' : 'primary'}>
          {t.seeResults}
        </ButtonLink>
      </nav>
    </>
  );
}
