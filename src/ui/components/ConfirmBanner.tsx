// A question asked in the page before what cannot be undone ("Supprimer cette visite ?"), in
// place of the button that asked it. That button is gone with the press: the focus goes to the
// safe answer ("Garder"), never the one that deletes, and the question comes into view; at
// 360 px it opened under the bottom bar with the focus on the body (Firefox ESR, keyboard only).
// Escape answers it as the safe answer does.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Banner } from './Banner';
import { Button } from './Button';

interface ConfirmBannerProps {
  title: string;
  children?: ComponentChildren;
  /** The answer that does it ("Oui, supprimer"). */
  confirm: string;
  /** The safe answer ("Garder", "Annuler"). */
  keep: string;
  onConfirm: () => void;
  onKeep: () => void;
  class?: string | undefined;
}

export function ConfirmBanner({ title, children, confirm, keep, onConfirm, onKeep, class: extra }: ConfirmBannerProps) {
  const box = useRef<HTMLDivElement>(null);
  const keepNow = useRef(onKeep);
  keepNow.current = onKeep;
  useEffect(() => {
    const element = box.current;
    const safe = element?.querySelector<HTMLButtonElement>('[data-answer="keep"]');
    safe?.focus({ preventScroll: true });
    safe?.scrollIntoView({ block: 'center' });
    // A listener rather than a key handler in markup: the box is no control, only where the keys pass.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      keepNow.current();
    };
    element?.addEventListener('keydown', onKey);
    return () => element?.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div ref={box}>
      <Banner
        tone="warning"
        class={extra}
        title={title}
        actions={
          <>
            <Button variant="danger" onClick={onConfirm}>
              {confirm}
            </Button>
            <Button data-answer="keep" onClick={onKeep}>
              {keep}
            </Button>
          </>
        }
      >
        {children}
      </Banner>
    </div>
  );
}
