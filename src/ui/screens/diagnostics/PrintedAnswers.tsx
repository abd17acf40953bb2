// Every answer, section by section: only on paper (the screen shows them section by section).
import type { Report } from '../../../domain/diagnostic-report';
import { sectionScoreText } from '../../../domain/diagnostic-report';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';
import styles from './PrintedAnswers.module.css';

export function PrintedAnswers({ report }: { report: Report }) {
  const t = useMessages(messages);
  return (
    <section class={styles.answers} aria-hidden="true">
      <h2>{t.answersTitle}</h2>
      {report.sections.map((section) => (
        <div key={section.number} class={styles.section}>
          <h3>
            {section.number}. {section.title}
            {section.score.scorable > 0 ? ` — ${sectionScoreText(section.score)}` : ''}
          </h3>
          <dl>
            {section.answers.map(({ question, answer }) => (
              <div key={question}>
                <dt>{question}</dt>
                <dd>{answer}</dd>
              </div>
            ))}
          </dl>
          {section.comment ? <blockquote>{section.comment}</blockquote> : null}
        </div>
      ))}
    </section>
  );
}
