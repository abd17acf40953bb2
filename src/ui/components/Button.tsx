import type { AnchorHTMLAttributes, ButtonHTMLAttributes } from 'preact';
import styles from './Button.module.css';
import { classes } from './classes';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

/**
 * The look of a button, for an element that must be something else (a file input's <label>,
 * `disabled` while its input is).
 */
export function buttonClass(variant: ButtonVariant, extra?: unknown, disabled?: boolean): string {
  return classes(styles.button, styles[variant], disabled && styles.disabled, typeof extra === 'string' && extra);
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant };

/**
 * A button at least 44 px high. `type` defaults to "button": a form submits only on purpose.
 *
 * Pressed for work that runs (or whose outcome makes it idle), a button is `aria-disabled`, not
 * `disabled`: a disabled one drops the focus to the page's start in WebKit and Firefox, away from
 * the outcome said next to it. An aria-disabled one still takes presses, so here a press does
 * nothing: its onClick is not called and its click's default, the form's submission, is
 * cancelled, which also stops Enter in a field (a form submits by Enter through a click on its
 * first submit button).
 */
export function Button({ variant = 'secondary', class: extra, type = 'button', onClick, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      class={buttonClass(variant, extra)}
      {...rest}
      onClick={rest['aria-disabled'] ? (event) => event.preventDefault() : onClick}
    />
  );
}

type ButtonLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: ButtonVariant; href: string };

/** A link that looks like a button: for actions that go to another screen ("#/visites/nouvelle"). */
export function ButtonLink({ variant = 'secondary', class: extra, ...rest }: ButtonLinkProps) {
  return <a class={buttonClass(variant, extra)} {...rest} />;
}
