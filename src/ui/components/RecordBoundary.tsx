// Around one record in a list: if the record cannot be displayed (a time zone this device does
// not know, a date that is not one), it becomes a line saying which record and what is wrong
// with it, and the rest of the screen stays. A record's page: RecordPageBoundary.tsx.
import type { ComponentChildren } from 'preact';
import { useEffect, useErrorBoundary, useState } from 'preact/hooks';
import type { RecordType } from '../../domain/record-types';
import { useLanguage, useMessages } from '../i18n/messages';
import styles from './RecordBoundary.module.css';
import { recordBoundaryMessages } from './record-boundary-messages';

type AnyRecord = { [field: string]: unknown };

interface RecordBoundaryProps {
  type: RecordType;
  record: AnyRecord;
  /** The record's name as people know it (a title, a name), when it can be read. */
  name?: string | null | undefined;
  /** The element that stands for the record when it fails: `li` inside a list. */
  as?: 'li' | 'div';
  children: ComponentChildren;
}

export function RecordBoundary({ type, record, name, as = 'div', children }: RecordBoundaryProps) {
  const [error] = useErrorBoundary((caught: unknown) => console.error(caught));
  if (!error) return <>{children}</>;
  return <RecordProblem type={type} record={record} name={name} as={as} />;
}

/** What stands for a record that cannot be displayed: its name and what is wrong with it. */
export function RecordProblem({ type, record, name, as: Tag }: Omit<RecordBoundaryProps, 'children'>) {
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
      <strong>{t.failed(typeof name === 'string' ? name : '')}</strong> {problem ?? t.unknown}
    </Element>
  );
}
