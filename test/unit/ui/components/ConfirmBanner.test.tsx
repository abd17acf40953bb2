// "Supprimer la visite" gave way to its question, and the focus fell to the body: at 360 px the
// question sat under the bottom bar, and from the keyboard it was far away (Firefox ESR). The
// focus goes to the safe answer; Escape answers it; back, the focus is on the button that asked.
import { fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { beforeEach, expect, test, vi } from 'vitest';
import { uiStore } from '../../../../src/state/ui';
import { Button } from '../../../../src/ui/components/Button';
import { ConfirmBanner } from '../../../../src/ui/components/ConfirmBanner';
import { useFocusAfterClose } from '../../../../src/ui/hooks/use-focus-after-close';

beforeEach(() => {
  uiStore.setState({ lang: 'fr' });
});

/** As the visit's page asks before deleting. */
function DeleteVisit({ onDelete }: { onDelete: () => void }) {
  const [asking, setAsking] = useState(false);
  const box = useFocusAfterClose<HTMLDivElement>(asking);
  return (
    <div ref={box}>
      {asking ? (
        <ConfirmBanner
          title="Supprimer cette visite ?"
          confirm="Oui, supprimer"
          keep="Garder"
          onConfirm={onDelete}
          onKeep={() => setAsking(false)}
        />
      ) : (
        <Button onClick={() => setAsking(true)}>Supprimer la visite</Button>
      )}
    </div>
  );
}

test('the question takes the focus on its safe answer; Escape keeps the visit and gives the focus back', async () => {
  const onDelete = vi.fn();
  render(<DeleteVisit onDelete={onDelete} />);
  const ask = screen.getByRole('button', { name: 'Supprimer la visite' });
  ask.focus();
  fireEvent.click(ask);
  const keep = await screen.findByRole('button', { name: 'Garder' });
  await vi.waitFor(() => expect(document.activeElement).toBe(keep));

  fireEvent.keyDown(keep, { key: 'Escape' });
  const again = await screen.findByRole('button', { name: 'Supprimer la visite' });
  await vi.waitFor(() => expect(document.activeElement).toBe(again));
  expect(onDelete).not.toHaveBeenCalled();
});
