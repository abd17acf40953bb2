import { useMemo } from 'preact/hooks';
import { listDiagnosticsWithNames } from '../../../db/diagnostics';
import { progressOf, scoreGrid } from '../../../domain/diagnostic-score';
import { findTemplateVersion } from '../../../domain/diagnostic-templates';
import { ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useLive } from '../../hooks/use-live';
import { useDates } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/messages';
import { formatPercent, subjectOf } from './format';
import { messages } from './messages';
import { diagnosticHref, gridsHref, newHref } from './paths';

export function DiagnosticList() {
  const t = useMessages(messages);
  const lang = useLanguage();
  const d = useDates();
  const data = useLive((context) => listDiagnosticsWithNames(context), []);
  const rows = useMemo(
    () =>
      data?.diagnostics.map((diagnostic) => {
        const template = findTemplateVersion(data.templates, diagnostic.templateId);
        return {
          diagnostic,
          template,
          subject: subjectOf(diagnostic, data.organisationNames.get(diagnostic.organisationId ?? '')),
          progress: template ? progressOf(template, diagnostic.answers) : null,
          overall: template ? scoreGrid(template, diagnostic.answers).overall : null,
        };
      }),
    [data],
  );
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
          <ul class="diagnostic-list">
            {rows.map(({ diagnostic, template, subject, progress, overall }) => (
              <li key={diagnostic.id} class="diagnostic-list__item">
                <a class="diagnostic-list__link" href={diagnosticHref(diagnostic.id)}>
                  {subject ?? t.unknownSubject}
                </a>
                <span class="diagnostic-list__meta">
                  {template?.title ?? t.missingGrid} · {d.date(diagnostic.filledOn)}
                </span>
                <span class="diagnostic-list__meta">
                  {diagnostic.completedAt ? t.completed : t.inProgress}
                  {progress ? ` · ${t.progress(progress.done, progress.total)}` : ''}
                  {' · '}
                  {overall === null ? t.noScoreYet : t.overallScore(formatPercent(overall, lang))}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
