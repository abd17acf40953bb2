// Around one record in a list: if the record cannot be displayed (a time zone this device does
// not know, a date that is not one), it becomes a line saying which record and what is wrong
// with it, and the rest of the screen stays. A record's page: RecordPageBoundary.tsx.
import type { ComponentChildren } from 'preact';
import { useEffect, useErrorBoundary, useState } from 'preact/hooks';
import type { RecordProblem, RecordProblemProps } from './RecordProblem';

// The line and its words load once a record failed: lists (the first screen among them) never
// pay for them otherwise.
const loadProblem = () => import('./RecordProblem');

export function RecordBoundary({ children, ...problem }: RecordProblemProps & { children: ComponentChildren }) {
  const [error] = useErrorBoundary((caught: unknown) => console.error(caught));
  if (!error) return <>{children}</>;
  return <FailedRecord {...problem} />;
}

/** Rendered only for a record that failed, so that every other record's row costs nothing more. */
function FailedRecord({ as = 'div', ...problem }: RecordProblemProps) {
  const [Problem, setProblem] = useState<typeof RecordProblem>();
  useEffect(() => {
    void loadProblem().then((module) => setProblem(() => module.RecordProblem));
  }, []);
  return Problem ? <Problem {...problem} as={as} /> : null;
}
