import { listDiagnosticsWithNames } from '../../../db/diagnostics';
import type { Diagnostic, DiagnosticTemplate } from '../../../domain/diagnostic';
import { progressOf, scoreGrid } from '../../../domain/diagnostic-score';
import { findTemplateVersion } from '../../../domain/diagnostic-templates';
import { formatPercent } from '../../../domain/numbers';
import { ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { RecordBoundary } from '../../components/RecordBoundary';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useLive } from '../../hooks/use-live';
import { useDates } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/messages';
import { subjectOf } from './format';
import styles from './lists.module.css';
import { messages } from './messages';
import { diagnosticHref, gridsHref, newHref } from './paths';

export function DiagnosticList() {
  const t = useMessages(messages);
  const data = useLive((context) => listDiagnosticsWithNames(context), []);
  const rows = data?.diagnostics;
  const start = (
    <ButtonLink href={newHref()} variant="primary">
      {t.start}
    </ButtonLink>
  );
  const grids = (
    <ButtonLink href={gridsHref()} variant="secondary">
      {t.grids}
    </ButtonLink>
  );
  return (
    <>
      <ScreenHeader
        title={t.title}
        description={t.purpose}
        actions={
          rows && rows.length > 0 ? (
            <>
              {start}
              {grids}
            </>
          ) : (
            grids
          )
        }
      />
      {rows === undefined ? null : rows.length === 0 ? (
        <EmptyState title={t.emptyTitle} action={start}>
          {t.emptyText}
        </EmptyState>
      ) : (
        <Section title={t.listTitle}>
          <ul class={styles.list} data-testid="diagnostic-list">
            {rows.map((diagnostic) => (
              <RecordBoundary key={diagnostic.id} as="li" type="diagnostics" record={diagnostic}>
                <DiagnosticItem
                  diagnostic={diagnostic}
                  templates={data?.templates ?? []}
                  lieuName={data?.organisationNames.get(diagnostic.organisationId ?? '')}
                />
              </RecordBoundary>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

interface DiagnosticItemProps {
  diagnostic: Diagnostic;
  templates: readonly DiagnosticTemplate[];
  lieuName: string | undefined;
}

function DiagnosticItem({ diagnostic, templates, lieuName }: DiagnosticItemProps) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const d = useDates();
  const template = findTemplateVersion(templates, diagnostic.templateId);
  const progress = template ? progressOf(template, diagnostic.answers) : null;
  const overall = template ? scoreGrid(template, diagnostic.answers).overall : null;
  return (
    <li class={styles.item}>
      <a class={styles.link} href={diagnosticHref(diagnostic.id)}>
        {subjectOf(diagnostic, lieuName) ?? t.unknownSubject}
      </a>
      <span class={styles.meta}>
        <bdi>{template?.title ?? t.missingGrid}</bdi> · {d.date(diagnostic.filledOn)}
      </span>
      <span class={styles.meta}>
        {diagnostic.completedAt ? t.completed : t.inProgress}
        {progress ? ` · ${t.progress(progress.done, progress.total)}` : ''}
        {' · '}
        {overall === null ? t.noScoreYet : t.overallScore(formatPercent(overall, lang))}
      </span>
    </li>
  );
}
