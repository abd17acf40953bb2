import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface SectionProps {
  title: ComponentChildren;
  children: ComponentChildren;
  /** Test and anchor hook ("stockage"). */
  id?: string;
}

/** A titled block of a screen (an h2 and its content), labelled for assistive technology. */
export function Section({ title, children, id }: SectionProps) {
  const headingId = useId();
  return (
    <section class="section" aria-labelledby={headingId} id={id}>
      <h2 class="section__title" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
