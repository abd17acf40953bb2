import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { isolate } from '../../domain/bidi';
import { passHeadingFocus, takeHeadingFocus } from '../focus';
import { common } from '../i18n/common';
import { useMessages } from '../i18n/messages';
import styles from './ScreenHeader.module.css';

interface ScreenHeaderProps {
  /** The screen's one h1, also the document title ("Visites — Valise"). */
  title: string;
  /** One line on what the screen is for. */
  description?: ComponentChildren;
  /** Main actions of the screen, shown beside the title on wide screens. */
  actions?: ComponentChildren;
}

export function ScreenHeader({ title, description, actions }: ScreenHeaderProps) {
  const t = useMessages(common);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // A record's name may hold a right-to-left override: isolated, it cannot turn the suffix
    // around in the tab, the installed window's title bar or the history ("esilaV — …").
    document.title = `${isolate(title)} — ${t.appName}`;
  }, [title, t]);
  useEffect(() => {
    if (takeHeadingFocus()) heading.current?.focus();
    // A header that leaves (the visit form's while it reads gives way to the read page's own)
    // lets the next one take the focus, which it does only if the focus fell to the body.
    return passHeadingFocus;
  }, []);
  return (
    <header class={styles.header}>
      <div class={styles.text}>
        <h1 class={styles.title} tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {description ? (
          <p class={styles.description} data-testid="screen-description">
            {description}
          </p>
        ) : null}
      </div>
      {actions ? <div class={styles.actions}>{actions}</div> : null}
    </header>
  );
}
