// What a form shows before its fields: its title while the record and the draft are read, or
// "not found" with a way back when the record to edit is gone.
import type { VNode } from 'preact';
import { ButtonLink } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { ScreenHeader } from '../components/ScreenHeader';
import type { FormStart } from './use-form-start';

interface FormGateProps<V, F> {
  title: string;
  start: FormStart<V, F> | 'missing' | undefined;
  missing: { text: string; back: string; href: string };
  children: (start: FormStart<V, F>) => VNode;
}

export function FormGate<V, F>({ title, start, missing, children }: FormGateProps<V, F>) {
  if (start === undefined) return <ScreenHeader title={title} />;
  if (start === 'missing') {
    return (
      <>
        <ScreenHeader title={title} />
        <EmptyState title={missing.text} action={<ButtonLink href={missing.href}>{missing.back}</ButtonLink>} />
      </>
    );
  }
  return children(start);
}
