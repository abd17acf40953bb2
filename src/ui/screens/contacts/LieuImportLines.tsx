// What each line of an import does, planned (before the confirmation) or done (its report).
import { isolate } from '../../../domain/bidi';
import type { DuplicateReason } from '../../../domain/duplicate-keys';
import type { LieuImportProblem, LieuImportTarget } from '../../../domain/lieu-import';
import { outcomeCounts, type PlannedLieuLine } from '../../../domain/lieu-import-plan';
import { Banner, BannerMore } from '../../components/Banner';
import { ButtonLink } from '../../components/Button';
import { Hint } from '../../components/Field';
import { Section } from '../../components/Section';
import { useLanguage, useMessages } from '../../i18n/messages';
import { describeIssue, fieldNamed } from '../../i18n/validation';
import { importMessages } from './import-messages';
import styles from './LieuImport.module.css';
import { mergeMessages } from './merge-messages';
import { lieuxHref } from './paths';

/** Lines listed on screen; the counts above always cover the whole file. */
const SHOWN_LINES = 200;

export function LineList({ lines, planned }: { lines: readonly PlannedLieuLine[]; planned: boolean }) {
  const t = useMessages(importMessages);
  const m = useMessages(mergeMessages);
  const lang = useLanguage();
  const reasonOf = (reason: DuplicateReason) => m.reason(reason);
  const refusal = (problem: LieuImportProblem) => {
    switch (problem.kind) {
      case 'noName':
        return t.noName;
      case 'extraCells':
        return t.extraCells(problem.cells, problem.columns);
      case 'tooManyTags':
        return t.tooManyTags(isolate(problem.into), problem.tags);
      case 'invalid': {
        const field = fieldNamed(problem.issue);
        return `${t.target(field as LieuImportTarget) ?? field} ${describeIssue(problem.issue, lang)}`;
      }
    }
  };
  return (
    <>
      <ol class={styles.lines} data-testid="import-lines">
        {lines.slice(0, SHOWN_LINES).map((line) => (
          <li key={line.line} class={styles.line}>
            <span class={styles.lineNumber}>{t.lineLabel(line.line)}</span>
            {line.outcome === 'refuse' ? (
              <span class={styles.refused}>{t.refused(refusal(line.problem))}</span>
            ) : (
              <>
                <span class={styles.lineName}>{line.name}</span>
                {line.outcome === 'add' ? (
                  <span class={styles.added}>{planned ? t.toAdd : t.added}</span>
                ) : (
                  <span class={styles.merged}>
                    {/* The stored lieu's name may come from any device or file: an override in it
                        would turn the reason around it. */}
                    {(planned ? t.toMerge : t.merged)(
                      line.into.line === null
                        ? isolate(line.into.name)
                        : t.intoLine(isolate(line.into.name), line.into.line),
                      reasonOf(line.reason),
                    )}
                  </span>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
      {lines.length > SHOWN_LINES ? <Hint>{t.moreLines(lines.length - SHOWN_LINES)}</Hint> : null}
    </>
  );
}

export function Done({ lines }: { lines: PlannedLieuLine[] }) {
  const t = useMessages(importMessages);
  const { add: added, merge: merged, refuse: refused } = outcomeCounts(lines);
  return (
    <>
      <Banner tone={refused > 0 ? 'warning' : 'success'} title={t.doneTitle}>
        <BannerMore data-testid="import-done">{t.done(added, merged, refused)}</BannerMore>
      </Banner>
      <Section title={t.report}>
        <LineList lines={lines} planned={false} />
      </Section>
      <div class="actions">
        <ButtonLink variant="primary" href={lieuxHref()}>
          {t.seeLieux}
        </ButtonLink>
      </div>
    </>
  );
}
