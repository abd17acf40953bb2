import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import styles from './Check.module.css';
import { classes } from './classes';

type CheckProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'class' | 'role'> & {
  children: ComponentChildren;
  /** The screen's own placement of the line (a packing line's grid cell). */
  class?: string | undefined;
};

/** A checkbox and its words, the whole line a 44 px target. */
export function Check({ children, class: extra, ...input }: CheckProps) {
  return (
    <label class={classes(styles.check, extra)}>
      <input type="checkbox" {...input} />
      {children}
    </label>
  );
}
