import type { AnchorHTMLAttributes, ButtonHTMLAttributes } from 'preact';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

function classes(variant: ButtonVariant, extra: unknown): string {
  return ['button', `button--${variant}`, typeof extra === 'string' ? extra : ''].filter(Boolean).join(' ');
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant };

/** A button at least 44 px high. `type` defaults to "button": a form submits only on purpose. */
export function Button({ variant = 'secondary', class: extra, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} class={classes(variant, extra)} {...rest} />;
}

export type ButtonLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: ButtonVariant; href: string };

/** A link that looks like a button: for actions that go to another screen ("#/visites/nouvelle"). */
export function ButtonLink({ variant = 'secondary', class: extra, ...rest }: ButtonLinkProps) {
  return <a class={classes(variant, extra)} {...rest} />;
}
