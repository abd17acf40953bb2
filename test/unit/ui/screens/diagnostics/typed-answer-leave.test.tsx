// A diagnostic's typed answer is kept on the device at every key until its save commits, and
// comes back after a reload, a closed tab or an update: leaving the page then asked "Quitter la
// page ?" for words nothing could lose. It asks only while the device's storage refuses them, or
// while the answer refuses them (then they are in no record, score or sync).
import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uiStore } from '../../../../../src/state/ui';
import { TypedAnswerField } from '../../../../helpers/typed-answer-field';

/** A save that answers only when the test says so: the words stay unsaved until then. */
function heldSave() {
  let answer: (saved: boolean) => void = () => {};
  const commit = () =>
    new Promise<boolean>((resolve) => {
      answer = resolve;
    });
  return { commit, answer: (saved: boolean) => answer(saved) };
}

const leavingAsks = () => uiStore.getState().unsavedInputs > 0;

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('leaving a diagnostic with words typed and not saved yet', () => {
  it('asks nothing while the words are kept on the device', () => {
    const save = heldSave();
    render(<TypedAnswerField label="Qui fréquente le lieu ?" commit={save.commit} />);
    fireEvent.input(screen.getByLabelText('Qui fréquente le lieu ?'), { target: { value: 'Des familles' } });
    fireEvent.blur(screen.getByLabelText('Qui fréquente le lieu ?'));
    expect(leavingAsks()).toBe(false);
  });

  it('asks while the device’s storage refuses them, until they are saved', async () => {
    vi.stubGlobal('localStorage', {
      getItem: () => null,
      removeItem: () => {},
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    });
    const save = heldSave();
    render(<TypedAnswerField label="Qui fréquente le lieu ?" commit={save.commit} />);
    fireEvent.input(screen.getByLabelText('Qui fréquente le lieu ?'), { target: { value: 'Des familles' } });
    fireEvent.blur(screen.getByLabelText('Qui fréquente le lieu ?'));
    expect(leavingAsks()).toBe(true);

    save.answer(true);
    await vi.waitFor(() => expect(leavingAsks()).toBe(false));
  });

  it('asks while the answer refuses the words, until they are corrected and saved', async () => {
    let saves = 0;
    const commit = async (text: string) => {
      saves++;
      return /^\d+$/.test(text);
    };
    render(<TypedAnswerField label="Combien de personnes ?" commit={commit} />);
    const field = screen.getByLabelText('Combien de personnes ?');
    fireEvent.input(field, { target: { value: '12 personnes' } });
    fireEvent.blur(field);
    await vi.waitFor(() => expect(saves).toBe(1));
    await vi.waitFor(() => expect(leavingAsks()).toBe(true));

    fireEvent.input(field, { target: { value: '12' } });
    fireEvent.blur(field);
    await vi.waitFor(() => expect(leavingAsks()).toBe(false));
  });
});
