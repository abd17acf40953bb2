// A newer version of the grid: what moving to it would set aside, and the move itself. And
// the answers set aside by an earlier move, still shown with the diagnostic.
import { useState } from 'preact/hooks';
import { moveToVersion } from '../../../db/diagnostics';
import type { Diagnostic, DiagnosticTemplate } from '../../../domain/diagnostic';
import { describeAnswer } from '../../../domain/diagnostic-answers';
import { migrateAnswers } from '../../../domain/diagnostic-migrate';
import { allTemplateVersions, newerVersion } from '../../../domain/diagnostic-templates';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Fact, Facts } from '../../components/Facts';
import { Section } from '../../components/Section';
import { useDataContext } from '../../hooks/use-data-context';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

interface Props {
  diagnostic: Diagnostic;
  template: DiagnosticTemplate;
  templates: DiagnosticTemplate[];
}

export function VersionNotice({ diagnostic, template, templates }: Props) {
  const t = useMessages(messages);
  const context = useDataContext();
  const [failed, setFailed] = useState(false);
  const [moving, setMoving] = useState(false);
  const newer = newerVersion(templates, template);
  if (!newer) return null;
  const { setAside } = migrateAnswers(diagnostic.answers, template, newer);
  const move = async () => {
    if (!context) return;
    setMoving(true);
    try {
      await moveToVersion(context, diagnostic.id, newer);
    } catch (error) {
      console.error(error);
      setFailed(true);
    } finally {
      setMoving(false);
    }
  };
  return (
    <Banner
      tone={failed ? 'error' : 'info'}
      title={t.newerVersion(newer.version)}
      actions={
        <Button variant="primary" disabled={!context} aria-disabled={moving} onClick={() => void move()}>
          {t.moveToVersion(newer.version)}
        </Button>
      }
    >
      <p>{setAside.length === 0 ? t.moveKeepsAll : t.moveSetsAside(setAside.length)}</p>
      {setAside.length > 0 ? (
        <ul>
          {setAside.map((entry) => (
            <li key={entry.questionId}>{entry.label}</li>
          ))}
        </ul>
      ) : null}
      {failed ? <p>{t.moveFailed}</p> : null}
    </Banner>
  );
}

export function SetAsideAnswers({ diagnostic, template, templates }: Props) {
  const t = useMessages(messages);
  const entries = Object.entries(diagnostic.setAside);
  if (entries.length === 0) return null;
  // The question as the last version that asked it put it.
  const versions = allTemplateVersions(templates)
    .filter((version) => version.family === template.family)
    .sort((a, b) => b.version - a.version);
  const questionOf = (id: string) =>
    versions
      .flatMap((version) => version.sections.flatMap((section) => section.questions))
      .find((question) => question.id === id);
  return (
    <Section title={t.setAsideTitle(entries.length)} id="mises-de-cote">
      <p>{t.setAsideText}</p>
      <Facts>
        {entries.map(([id, answer]) => {
          const question = questionOf(id);
          return (
            <Fact key={id} label={question?.label ?? id}>
              {question ? describeAnswer(question, answer) : JSON.stringify(answer.value ?? answer.status)}
            </Fact>
          );
        })}
      </Facts>
    </Section>
  );
}
