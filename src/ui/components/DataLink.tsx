// A link whose address comes from a record (a website, an e-mail, a phone number). It is a link
// only when its kind's rule accepts it (src/domain/links.ts); anything else ("javascript:…",
// "data:…", a mailto: with a hidden bcc) is shown as text.
import type { ComponentChildren } from 'preact';
import { mailtoHref, openableHref, telHref, websiteHref } from '../../domain/links';
import { ButtonLink, type ButtonVariant } from './Button';
import styles from './DataLink.module.css';

/** `link`: any address a record may link to (`openableHref`); `site`: a web page only. */
type DataLinkKind = 'link' | 'site' | 'mail' | 'tel';

const HREF: Record<DataLinkKind, (address: string) => string | null> = {
  link: openableHref,
  site: websiteHref,
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

export function DataLink({ address, kind = 'link', variant, fallback, children, ...rest }: DataLinkProps) {
  const href = HREF[kind](address);
  if (!href) return fallback === undefined ? <span class={styles.text}>{address}</span> : fallback;
  // A website opens in its own tab, with no way back to this one (window.opener) nor a referrer.
  const tab = href.startsWith('http') ? { target: '_blank', rel: 'noopener noreferrer' } : {};
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
