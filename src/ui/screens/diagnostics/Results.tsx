// What a diagnostic says: the score of each section on a chart and in a table (the chart's
// twin for screen readers), then its strengths and weaknesses in words.
import type { GridScore, SectionScore } from '../../../domain/diagnostic-score';
import { readScores } from '../../../domain/diagnostic-score';
import { formatPercent } from '../../../domain/numbers';
import { Section } from '../../components/Section';
import { TableScroll } from '../../components/TableScroll';
import { useLanguage, useMessages } from '../../i18n/messages';
import { messages } from './messages';
import styles from './results.module.css';
import { ScoreChart } from './ScoreChart';

export function Results({ score }: { score: GridScore }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  if (!score.scorable) {
    return (
      <Section title={t.resultsTitle} id="resultats">
        <p>{t.noScorable}</p>
      </Section>
    );
  }
  const reading = readScores(score.sections);
  const percentText = (section: SectionScore) =>
    section.percent !== null
      ? formatPercent(section.percent, lang)
      : section.scorable > 0 && section.answered === 0 && section.unanswered === 0
        ? t.allSkipped
        : t.noScore;
  const listed = (sections: SectionScore[]) =>
    sections.map((section) => `${section.title} (${percentText(section)})`).join(', ');
  return (
    <Section title={t.resultsTitle} id="resultats">
      {score.overall === null ? <p>{t.noAnswersYet}</p> : null}
      <div class={styles.results}>
        <figure class={styles.chart}>
          <ScoreChart
            axisNames={score.sections.map((section) => section.title)}
            label={t.chartLabel}
            series={[{ label: t.chartLabel, percents: score.sections.map((s) => s.percent) }]}
          />
          <figcaption class={styles.caption}>{t.chartAxisHint}</figcaption>
        </figure>
        <div>
          <TableScroll label={t.tableCaption}>
            <table class={styles.table}>
              <caption class="visually-hidden">{t.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.columnNumber}</th>
                  <th scope="col">{t.columnSection}</th>
                  <th scope="col">{t.columnScore}</th>
                </tr>
              </thead>
              <tbody>
                {score.sections.map((section, index) => (
                  <tr key={section.sectionId} data-section={section.sectionId}>
                    <td>{index + 1}</td>
                    <th scope="row">{section.title}</th>
                    {/* The count sits under the score it explains: as a fourth column it pushed
                        the table past a phone's edge. */}
                    <td>
                      <span class={styles.score} data-score>
                        {section.scorable === 0 ? '—' : percentText(section)}
                      </span>
                      {section.scorable === 0 ? null : (
                        <span class={styles.counted} data-counted>
                          {t.countedDetail(section.answered, section.scorable, section.skipped, section.unknown)}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td />
                  <th scope="row">{t.overall}</th>
                  <td class={styles.score} data-overall>
                    {score.overall === null ? t.noScore : formatPercent(score.overall, lang)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        </div>
      </div>
      <dl class={styles.reading}>
        <div>
          <dt>{t.strengths}</dt>
          <dd>{reading.strengths.length > 0 ? listed(reading.strengths) : t.noStrengths}</dd>
        </div>
        <div>
          <dt>{t.weaknesses}</dt>
          <dd>{reading.weaknesses.length > 0 ? listed(reading.weaknesses) : t.noWeaknesses}</dd>
        </div>
      </dl>
      <p class={styles.caption}>{t.readingHint}</p>
    </Section>
  );
}
