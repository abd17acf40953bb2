// Two diagnostics of one lieu side by side: both shapes on one radar, the change of each
// section's score, and the answers that changed.
import { useMemo } from 'preact/hooks';
import { getDiagnostic } from '../../../db/diagnostics';
import { compareDiagnostics } from '../../../domain/diagnostic-compare';
import { formatPercent } from '../../../domain/numbers';
import { ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { TableScroll } from '../../components/TableScroll';
import { useLive } from '../../hooks/use-live';
import { useDates } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/messages';
import styles from './ComparePage.module.css';
import { formatDelta, subjectOf } from './format';
import listStyles from './lists.module.css';
import { DiagnosticMissing, GridMissing } from './Missing';
import { messages } from './messages';
import { compareHref, diagnosticHref } from './paths';
import resultStyles from './results.module.css';
import { ScoreChart } from './ScoreChart';

export function ComparePage({ diagnosticId, otherId }: { diagnosticId: string; otherId: string | undefined }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const d = useDates();
  const data = useLive(
    async (context) => ({
      current: await getDiagnostic(context, diagnosticId),
      other: otherId ? await getDiagnostic(context, otherId) : null,
    }),
    [diagnosticId, otherId],
  );
  const pair = useMemo(() => {
    if (!data?.current?.template || !data.other?.template) return null;
    const [before, after] =
      data.other.diagnostic.filledOn <= data.current.diagnostic.filledOn
        ? [data.other, data.current]
        : [data.current, data.other];
    if (!before.template || !after.template) return null;
    return {
      before,
      after,
      comparison: compareDiagnostics(
        { template: before.template, answers: before.diagnostic.answers },
        { template: after.template, answers: after.diagnostic.answers },
      ),
    };
  }, [data]);

  if (data === undefined) return null;
  const { current } = data;
  if (current === null) return <DiagnosticMissing />;
  const subject = subjectOf(current.diagnostic, current.organisationName) ?? t.unknownSubject;
  if (!current.template) return <GridMissing />;
  const back = (
    <ButtonLink href={diagnosticHref(diagnosticId)} variant="secondary">
      {t.backToDiagnostic}
    </ButtonLink>
  );

  if (!pair) {
    return (
      <>
        <ScreenHeader title={t.compareTitle(subject)} description={t.comparePurpose} actions={back} />
        {current.comparable.length === 0 ? (
          <EmptyState title={t.nothingToCompare}>{t.nothingToCompareText}</EmptyState>
        ) : (
          <Section title={t.compareWith}>
            <ul class={listStyles.list}>
              {current.comparable.map((other) => (
                <li key={other.id} class={listStyles.item}>
                  <a class={listStyles.link} href={compareHref(diagnosticId, other.id)}>
                    {t.diagnosticOf(d.date(other.filledOn))}
                  </a>
                </li>
              ))}
            </ul>
          </Section>
        )}
      </>
    );
  }

  const { before, after, comparison } = pair;
  const beforeDate = d.date(before.diagnostic.filledOn);
  const afterDate = d.date(after.diagnostic.filledOn);
  // A dash keeps the columns narrow on a phone; a screen reader hears the words.
  const missing = (
    <>
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">{t.noScore}</span>
    </>
  );
  const percent = (value: number | null) => (value === null ? missing : formatPercent(value, lang));
  const delta = (value: number | null) => (value === null ? missing : formatDelta(value, lang));
  return (
    <>
      <ScreenHeader title={t.compareTitle(subject)} description={`${beforeDate} → ${afterDate}`} actions={back} />
      <Section title={t.scoresTitle} id="evolution">
        <div class={resultStyles.results}>
          <figure class={resultStyles.chart}>
            <ScoreChart
              axisNames={comparison.sections.map((section) => section.title)}
              label={t.compareChartLabel(beforeDate, afterDate)}
              series={[
                { label: afterDate, percents: comparison.sections.map((section) => section.after) },
                { label: beforeDate, percents: comparison.sections.map((section) => section.before) },
              ]}
            />
            <figcaption class={resultStyles.caption}>
              <ul class={styles.legend}>
                <li class={styles.after}>{t.legendAfter(afterDate)}</li>
                <li class={styles.before}>{t.legendBefore(beforeDate)}</li>
              </ul>
              {t.chartAxisHint}
            </figcaption>
          </figure>
          <TableScroll label={t.compareTableCaption}>
            <table class={resultStyles.table}>
              <caption class="visually-hidden">{t.compareTableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.columnNumber}</th>
                  <th scope="col">{t.columnSection}</th>
                  <th scope="col" class={resultStyles.date}>
                    {d.shortDate(before.diagnostic.filledOn)}
                  </th>
                  <th scope="col" class={resultStyles.date}>
                    {d.shortDate(after.diagnostic.filledOn)}
                  </th>
                  <th scope="col">{t.columnDelta}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.sections.map((section, index) => (
                  <tr key={section.sectionId} data-section={section.sectionId}>
                    <td>{index + 1}</td>
                    <th scope="row">{section.title}</th>
                    <td>{percent(section.before)}</td>
                    <td>{percent(section.after)}</td>
                    <td class={resultStyles.score} data-delta>
                      {delta(section.delta)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td />
                  <th scope="row">{t.overall}</th>
                  <td>{percent(comparison.overall.before)}</td>
                  <td>{percent(comparison.overall.after)}</td>
                  <td class={resultStyles.score}>{delta(comparison.overall.delta)}</td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        </div>
      </Section>
      <Section title={t.changesTitle(comparison.changes.length)} id="changements">
        {comparison.changes.length === 0 ? (
          <p>{t.noChanges}</p>
        ) : (
          <ul class={styles.changes}>
            {comparison.changes.map((change) => (
              <li key={change.questionId} class={styles.change}>
                <p class={styles.question}>
                  {change.question} <span class={styles.section}>· {change.section}</span>
                </p>
                <dl class={styles.values}>
                  <div>
                    <dt>{beforeDate}</dt>
                    <dd>{change.before}</dd>
                  </div>
                  <div>
                    <dt>{afterDate}</dt>
                    <dd>{change.after}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
