import type { ComponentChildren } from 'preact';

/** One row of a record page's facts (a term and its value). */
export function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
