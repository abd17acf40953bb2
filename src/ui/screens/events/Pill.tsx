import type { ComponentChildren } from 'preact';
import { Choice } from '../../components/Choices';
import { classes } from '../../components/classes';
import styles from './Pill.module.css';

interface PillProps {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  /** The screen's own look for this pill (an attendance status). */
  class?: string | undefined;
  children: ComponentChildren;
}

/** One radio of a group, shown as a pill a thumb can tap; the radio itself stays for assistive technology. */
export function Pill({ name, value, checked, onChange, class: extra, children }: PillProps) {
  return (
    <Choice class={classes(styles.pill, extra)}>
      <input type="radio" name={name} value={value} checked={checked} onChange={onChange} />
      {children}
    </Choice>
  );
}
