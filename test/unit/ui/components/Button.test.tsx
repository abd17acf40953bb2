// A button pressed for work that runs is aria-disabled, not disabled: disabled, it dropped the
// focus to the page's start in WebKit and Firefox, away from the outcome said next to it
// (newuser28). It still takes presses, so the Button makes them do nothing.
import { fireEvent, render, screen } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { Button } from '../../../../src/ui/components/Button';

function Form({ running, onSubmit }: { running: boolean; onSubmit: () => void }) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <input aria-label="Nom" />
      <Button type="submit" aria-disabled={running}>
        Enregistrer
      </Button>
    </form>
  );
}

test('an aria-disabled submit button submits nothing, pressed or by Enter, and keeps the focus', () => {
  const submitted = vi.fn();
  const { rerender } = render(<Form running={false} onSubmit={submitted} />);
  const button = screen.getByRole('button', { name: 'Enregistrer' });
  fireEvent.click(button);
  expect(submitted).toHaveBeenCalledTimes(1);

  rerender(<Form running onSubmit={submitted} />);
  button.focus();
  // Enter in a field submits through a click on the form's first submit button (happy-dom does
  // not do that part itself), so one cancelled click stops both.
  fireEvent.click(button);
  expect(submitted).toHaveBeenCalledTimes(1);
  expect(button.hasAttribute('disabled')).toBe(false);
  expect(button.getAttribute('aria-disabled')).toBe('true');
  expect(document.activeElement).toBe(button);

  rerender(<Form running={false} onSubmit={submitted} />);
  expect(button.getAttribute('aria-disabled')).not.toBe('true');
  fireEvent.click(button);
  expect(submitted).toHaveBeenCalledTimes(2);
});

test('an aria-disabled button does not call its onClick', () => {
  const pressed = vi.fn();
  const { rerender } = render(
    <Button aria-disabled="true" onClick={pressed}>
      Télécharger
    </Button>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Télécharger' }));
  expect(pressed).not.toHaveBeenCalled();
  rerender(<Button onClick={pressed}>Télécharger</Button>);
  fireEvent.click(screen.getByRole('button', { name: 'Télécharger' }));
  expect(pressed).toHaveBeenCalledTimes(1);
});
