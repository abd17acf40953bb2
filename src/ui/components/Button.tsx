import type { AnchorHTMLAttributes, ButtonHTMLAttributes } from 'preact';
import styles from './Button.module.css';
import { classes } from './classes';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

/**
 * The look of a button, for an element that must be something else (a file input's <label>,
 * `disabled` while its input is).
 */
export function buttonClass(variant: ButtonVariant, extra?: unknown, disabled = false): string {
  return classes(styles.button, styles[variant], disabled && styles.disabled, typeof extra === 'string' && extra);
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant };

/** A button at least 44 px high. `type` defaults to "button": a form submits only on purpose. */
export function Button({ variant = 'secondary', class: extra, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} class={buttonClass(variant, extra)} {...rest} />;
}

type ButtonLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: ButtonVariant; href: string };

/** A link that looks like a button: for actions that go to another screen ("#/visites/nouvelle"). */
export function ButtonLink({ variant = 'secondary', class: extra, ...rest }: ButtonLinkProps) {
  return <a class={buttonClass(variant, extra)} {...rest} />;
}
