import type { ComponentChildren } from 'preact';

export type BannerTone = 'info' | 'warning' | 'error' | 'success';

export interface BannerProps {
  tone?: BannerTone;
  /** A bold first line ("Nouvelle version disponible"); the children say the rest below it. */
  title?: ComponentChildren;
  children?: ComponentChildren;
  /** Buttons shown at the end of the banner. */
  actions?: ComponentChildren;
  /** Errors interrupt a screen reader (role=alert); everything else waits its turn (role=status). */
  urgent?: boolean;
  class?: string;
}

export function Banner({
  tone = 'info',
  title,
  children,
  actions,
  urgent = tone === 'error',
  class: extra,
}: BannerProps) {
  return (
    <div class={['banner', `banner--${tone}`, extra].filter(Boolean).join(' ')} role={urgent ? 'alert' : 'status'}>
      <div class="banner__text">
        {title ? <strong class="banner__title">{title}</strong> : null}
        {children}
      </div>
      {actions ? <div class="banner__actions">{actions}</div> : null}
    </div>
  );
}
