// A diagnostic's typed answer is saved a moment after the last key. A concierge who types an
// answer and at once swipes the app away (the phone hides the page, then may end it without
// another word) lost what she typed in that moment: it is saved as the page is hidden or left.
import { act, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TypedAnswerField } from '../../../../helpers/typed-answer-field';

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
}

afterEach(() => {
  setVisibility('visible');
  localStorage.clear();
});

function typeAnswer() {
  const committed: string[] = [];
  const view = render(
    <TypedAnswerField
      label="Qui fréquente le lieu ?"
      commit={async (text) => {
        committed.push(text);
        return true;
      }}
    />,
  );
  fireEvent.input(view.getByLabelText('Qui fréquente le lieu ?'), { target: { value: 'Des familles du quartier' } });
  return { committed, view };
}

describe('an answer typed just before the app is put away', () => {
  it('is saved as the page is hidden, before the pause after the last key has ended', () => {
    const { committed } = typeAnswer();
    expect(committed).toEqual([]);
    setVisibility('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(committed).toEqual(['Des familles du quartier']);
  });

  it('is saved as the page is left (a reload, the tab closed)', () => {
    const { committed } = typeAnswer();
    window.dispatchEvent(new Event('pagehide'));
    expect(committed).toEqual(['Des familles du quartier']);
  });

  it('is not saved again when the page is hidden with nothing new typed', async () => {
    const { committed, view } = typeAnswer();
    // The blur's save, answered.
    await act(async () => {
      fireEvent.blur(view.getByLabelText('Qui fréquente le lieu ?'));
    });
    expect(committed).toEqual(['Des familles du quartier']);
    setVisibility('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(committed).toEqual(['Des familles du quartier']);
  });
});
