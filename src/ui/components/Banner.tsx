import type { ComponentChildren } from 'preact';
import styles from './Banner.module.css';
import { classes } from './classes';
import { Icon, type IconName } from './Icon';

type BannerTone = 'info' | 'warning' | 'error' | 'success';

interface BannerProps {
  tone?: BannerTone;
  /** A bold first line ("Nouvelle version disponible"); the children say the rest below it. */
  title?: ComponentChildren;
  /** A small icon before the words (the offline banner's). */
  icon?: IconName;
  children?: ComponentChildren;
  /** Buttons shown at the end of the banner. */
  actions?: ComponentChildren;
  /**
   * Errors interrupt a screen reader (alert); everything else waits its turn (status). `none`
   * for a banner shown inside a live region of its screen's: two regions read it twice.
   */
  role?: 'alert' | 'status' | 'none';
  class?: string | undefined;
  'data-testid'?: string;
}

export function Banner({
  tone = 'info',
  title,
  icon,
  children,
  actions,
  role = tone === 'error' ? 'alert' : 'status',
  class: extra,
  'data-testid': testId,
}: BannerProps) {
  return (
    <div class={classes(styles.banner, styles[tone], extra)} role={role} data-testid={testId}>
      <div class={styles.text}>
        {icon ? <Icon name={icon} class={styles.icon} /> : null}
        {title ? <strong class={styles.title}>{title}</strong> : null}
        {children}
      </div>
      {actions ? <div class={styles.actions}>{actions}</div> : null}
    </div>
  );
}

/** A line of a banner below its title, on its own line. */
export function BannerMore({
  as: Tag = 'p',
  children,
  'data-testid': testId,
}: {
  as?: 'p' | 'span';
  children: ComponentChildren;
  'data-testid'?: string;
}) {
  return (
    <Tag class={styles.more} data-testid={testId}>
      {children}
    </Tag>
  );
}
