// A diagnostic at a glance: its sections and how far each is filled, then its results.
import { useMemo, useState } from 'preact/hooks';
import { deleteDiagnostic, getDiagnostic, markCompleted } from '../../../db/diagnostics';
import { isolate } from '../../../domain/bidi';
import { buildReport } from '../../../domain/diagnostic-report';
import { activeQuestions, isSectionDone, progressOf, scoreGrid } from '../../../domain/diagnostic-score';
import { formatPercent } from '../../../domain/numbers';
import { hrefTo, navigate } from '../../../state/router';
import { Button, ButtonLink } from '../../components/Button';
import { ConfirmBanner } from '../../components/ConfirmBanner';
import { classes } from '../../components/classes';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useDataContext } from '../../hooks/use-data-context';
import { useFocusAfterClose } from '../../hooks/use-focus-after-close';
import { useLive } from '../../hooks/use-live';
import { formatDate, useDates } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/messages';
import styles from './DiagnosticOverview.module.css';
import { ExportSection } from './ExportSection';
import { FilledOnEditor } from './FilledOnEditor';
import { subjectOf } from './format';
import listStyles from './lists.module.css';
import { DiagnosticMissing, GridMissing } from './Missing';
import { messages } from './messages';
import { PrintedAnswers } from './PrintedAnswers';
import { ProgressBar } from './ProgressBar';
import { compareHref, listHref, sectionHref } from './paths';
import { Results } from './Results';
import { SetAsideAnswers, VersionNotice } from './VersionNotice';

export function DiagnosticOverview({ diagnosticId }: { diagnosticId: string }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const d = useDates();
  const context = useDataContext();
  const [confirming, setConfirming] = useState(false);
  // "Annuler" gives the focus back to "Supprimer", which the question replaced.
  const deleteBox = useFocusAfterClose<HTMLDivElement>(confirming);
  const data = useLive((ctx) => getDiagnostic(ctx, diagnosticId), [diagnosticId]);
  const score = useMemo(() => (data?.template ? scoreGrid(data.template, data.diagnostic.answers) : null), [data]);
  const report = useMemo(() => {
    if (!data?.template) return null;
    const subject = subjectOf(data.diagnostic, data.organisationName) ?? t.unknownSubject;
    // The exported document is French, like the grids and the network's wiki.
    return buildReport(data.template, data.diagnostic, subject, formatDate(data.diagnostic.filledOn, 'fr'));
  }, [data, t]);
  if (data === undefined) return null;
  if (data === null) return <DiagnosticMissing />;
  const { diagnostic, template } = data;
  if (!template || !score || !report) return <GridMissing />;
  const progress = progressOf(template, diagnostic.answers);
  const firstOpen = template.sections.findIndex((section) => !isSectionDone(section, diagnostic.answers));
  const title = subjectOf(diagnostic, data.organisationName) ?? t.unknownSubject;

  return (
    <>
      <ScreenHeader
        title={title}
        description={`${isolate(template.title)} · ${t.filledOn(d.date(diagnostic.filledOn))}`}
        actions={
          firstOpen >= 0 ? (
            <ButtonLink href={sectionHref(diagnostic.id, firstOpen + 1)} variant="primary">
              {progress.done === 0 ? t.fill : t.continueFilling}
            </ButtonLink>
          ) : undefined
        }
      />
      <FilledOnEditor diagnostic={diagnostic} />
      {diagnostic.visitId ? (
        <p>
          <a href={hrefTo('visites', diagnostic.visitId)}>{t.linkedVisit}</a>
        </p>
      ) : null}
      <VersionNotice diagnostic={diagnostic} template={template} templates={data.templates} />
      <ProgressBar done={progress.done} total={progress.total} />
      {progress.done > 0 || score.overall !== null ? <Results score={score} /> : null}
      <Section title={t.sectionsTitle} id="sections">
        <ol class={listStyles.sections}>
          {template.sections.map((section, index) => {
            const questions = activeQuestions(section);
            const answered = questions.filter((question) => diagnostic.answers[question.id] !== undefined).length;
            const sectionScore = score.sections[index];
            return (
              <li key={section.id} class={listStyles.section}>
                <a class={listStyles.sectionLink} href={sectionHref(diagnostic.id, index + 1)}>
                  {section.title}
                </a>
                <span class={listStyles.sectionMeta}>
                  {isSectionDone(section, diagnostic.answers)
                    ? t.sectionDone
                    : t.sectionAnswered(answered, questions.length)}
                  {sectionScore?.percent != null ? ` · ${formatPercent(sectionScore.percent, lang)}` : ''}
                </span>
              </li>
            );
          })}
        </ol>
        <div class="actions">
          {data.comparable[0] ? (
            <ButtonLink href={compareHref(diagnostic.id, data.comparable[0].id)} variant="secondary">
              {t.compare}
            </ButtonLink>
          ) : null}
          <Button
            variant="secondary"
            disabled={!context}
            onClick={() => context && void markCompleted(context, diagnostic.id, !diagnostic.completedAt)}
          >
            {diagnostic.completedAt ? t.markInProgress : t.markCompleted}
          </Button>
        </div>
      </Section>
      <SetAsideAnswers diagnostic={diagnostic} template={template} templates={data.templates} />
      <ExportSection report={report} filledOn={diagnostic.filledOn} />
      <div class={classes('actions', styles.delete)} ref={deleteBox}>
        {confirming ? (
          <ConfirmBanner
            class={styles.confirm}
            title={t.deleteConfirm}
            confirm={t.deleteYes}
            keep={t.cancel}
            onConfirm={() =>
              context &&
              void deleteDiagnostic(context, diagnostic.id).then(() => navigate(listHref(), { replace: true }))
            }
            onKeep={() => setConfirming(false)}
          >
            {t.deleteText}
          </ConfirmBanner>
        ) : (
          <Button variant="quiet" onClick={() => setConfirming(true)}>
            {t.delete}
          </Button>
        )}
      </div>
      <PrintedAnswers report={report} />
    </>
  );
}
