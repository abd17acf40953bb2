// A link whose address comes from a record (a website, an e-mail, a phone number). It is a link
// only when `safeHref` accepts it; anything else ("javascript:…", "data:…") is shown as text.
import type { ComponentChildren } from 'preact';
import { mailtoHref, safeHref, telHref } from '../../domain/links';
import { ButtonLink, type ButtonVariant } from './Button';
import styles from './DataLink.module.css';

type DataLinkKind = 'web' | 'mail' | 'tel';

const HREF: Record<DataLinkKind, (address: string) => string | null> = {
  web: safeHref,
  mail: mailtoHref,
  tel: telHref,
};

interface DataLinkProps {
  address: string;
  kind?: DataLinkKind;
  /** Shown as a button of this variant; a plain link without it. */
  variant?: ButtonVariant;
  /** What stands instead of an address that cannot be a link (the address as text by default). */
  fallback?: ComponentChildren;
  children?: ComponentChildren;
  class?: string;
  'aria-label'?: string;
}

export function DataLink({ address, kind = 'web', variant, fallback, children, ...rest }: DataLinkProps) {
  const href = HREF[kind](address);
  if (!href) return fallback === undefined ? <span class={styles.text}>{address}</span> : fallback;
  // A website opens in its own tab, with no way back to this one (window.opener) nor a referrer.
  const tab = kind === 'web' ? { target: '_blank', rel: 'noopener noreferrer' } : {};
  const content = children ?? address;
  return variant ? (
    <ButtonLink variant={variant} href={href} {...tab} {...rest}>
      {content}
    </ButtonLink>
  ) : (
    <a href={href} {...tab} {...rest}>
      {content}
    </a>
  );
}
