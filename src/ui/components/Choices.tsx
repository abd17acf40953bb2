// A group of radio buttons or checkboxes drawn as tiles (services, a language, a status).
import type { ComponentChildren, LabelHTMLAttributes } from 'preact';
import styles from './Choices.module.css';
import { classes } from './classes';

/** The group: a <fieldset> with its legend, or a <div> inside one. */
export function Choices({
  as: Tag = 'fieldset',
  class: extra,
  children,
  'data-testid': testId,
}: {
  as?: 'fieldset' | 'div';
  class?: string | undefined;
  children: ComponentChildren;
  'data-testid'?: string;
}) {
  return (
    <Tag class={classes(styles.choices, extra)} data-testid={testId}>
      {children}
    </Tag>
  );
}

/** One tile: a <label> around its input and words. */
export function Choice({ class: extra, ...rest }: LabelHTMLAttributes<HTMLLabelElement>) {
  // biome-ignore lint/a11y/noLabelWithoutControl: the caller's children hold the input it labels.
  return <label {...rest} class={classes(styles.choice, typeof extra === 'string' && extra)} />;
}
