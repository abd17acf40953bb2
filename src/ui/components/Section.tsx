import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { classes } from './classes';
import styles from './Section.module.css';

interface SectionProps {
  title: ComponentChildren;
  children: ComponentChildren;
  /** Test and anchor hook ("stockage"). */
  id?: string;
}

/** A titled block of a screen (an h2 and its content), labelled for assistive technology. */
export function Section({ title, children, id }: SectionProps) {
  const headingId = useId();
  return (
    <section class={styles.section} aria-labelledby={headingId} id={id}>
      <h2 class={styles.title} id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A Section's frame around a block with no heading of its own (a record's facts, a grid's section being edited). */
export function Card({
  as: Tag = 'div',
  class: extra,
  children,
}: {
  as?: 'div' | 'dl';
  class?: string | undefined;
  children: ComponentChildren;
}) {
  return <Tag class={classes(styles.section, extra)}>{children}</Tag>;
}
