// The line that stands for a record this device cannot display: its name, and what is wrong
// with it once the record's schema has said (RecordBoundary, RecordPageBoundary).
import { useEffect, useState } from 'preact/hooks';
import { isolate } from '../../domain/bidi';
import type { RecordType } from '../../domain/record-types';
import { useLanguage, useMessages } from '../i18n/messages';
import styles from './RecordProblem.module.css';
import { recordBoundaryMessages } from './record-boundary-messages';

type AnyRecord = { [field: string]: unknown };

export interface RecordProblemProps {
  type: RecordType;
  record: AnyRecord;
  /** The record's name as people know it (a title, a name), when it can be read. */
  name?: string | null | undefined;
  /** The element that stands for the record when it fails: `li` inside a list. */
  as?: 'li' | 'div';
}

/** What stands for a record that cannot be displayed: its name and what is wrong with it. */
export function RecordProblem({ type, record, name, as: Tag }: RecordProblemProps) {
  const t = useMessages(recordBoundaryMessages);
  const lang = useLanguage();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    let active = true;
    // The schemas and their sentences load only here, once a record failed: lists (the first
    // screen among them) never pay for them otherwise.
    void Promise.all([import('../../domain/validation'), import('../i18n/validation')]).then(
      ([{ validateRecord }, { describeIssue }]) => {
        const result = validateRecord(type, record);
        const issue = result.ok ? undefined : result.issues[0];
        if (!active || !issue) return;
        const value = record[issue.field.split('.')[0] ?? ''];
        setProblem(`${t.field(issue.field, String(value))} ${describeIssue(issue, lang)}`);
      },
    );
    return () => {
      active = false;
    };
  }, [type, record, lang, t]);
  const Element = Tag ?? 'div';
  return (
    <Element class={styles.failed} data-testid="record-failed">
      <strong>{t.failed(typeof name === 'string' && name ? isolate(name) : '')}</strong> {problem ?? t.unknown}
    </Element>
  );
}
