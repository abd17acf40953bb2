// Answers given as a diagnostic's section opens: what is typed or ticked before the section's
// first frame is kept, while another device's answer still shows when nothing is being typed.
import { fireEvent, waitFor } from '@testing-library/preact';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Question } from '../../../../../src/domain/diagnostic';
import { QuestionInput } from '../../../../../src/ui/screens/diagnostics/QuestionInput';
import { holdFrames } from '../../../../helpers/held-frame';
import { withFrenchPage } from '../../../../helpers/screen-setup';
import { TypedAnswerField } from '../../../../helpers/typed-answer-field';

const frames = holdFrames();
withFrenchPage();
afterEach(() => {
  // Text typed and never saved here is kept as pending: the next case must not open with it.
  localStorage.clear();
});

function mount(stored: string, committed: string[]) {
  const container = document.body.appendChild(document.createElement('div'));
  const commit = async (text: string) => {
    committed.push(text);
    return false;
  };
  render(<TypedAnswerField label="Budget annuel" stored={stored} commit={commit} />, container);
  return {
    input: container.querySelector('input') as HTMLInputElement,
    rerender: (next: string) =>
      render(<TypedAnswerField label="Budget annuel" stored={next} commit={commit} />, container),
  };
}

describe('an answer typed into a diagnostic', () => {
  it('typed before the field’s first frame is kept, not replaced by the value it opened with', async () => {
    const committed: string[] = [];
    const { input } = mount('', committed);
    fireEvent.input(input, { target: { value: 'beaucoup' } });
    frames.runEffects();
    fireEvent.blur(input);
    await waitFor(() => expect(committed).toEqual(['beaucoup']));
    expect(input.value).toBe('beaucoup');
  });

  it('shows another device’s answer when nothing is being typed, and keeps what is', async () => {
    const committed: string[] = [];
    const { input, rerender } = mount('12', committed);
    frames.runEffects();
    rerender('15');
    frames.runEffects();
    await waitFor(() => expect(input.value).toBe('15'));

    fireEvent.input(input, { target: { value: '20' } });
    rerender('18');
    frames.runEffects();
    fireEvent.blur(input);
    await waitFor(() => expect(committed).toEqual(['20']));
    expect(input.value).toBe('20');
  });
});

describe('a level ticked in a diagnostic', () => {
  it('ticked before the question’s first frame stays ticked while it is being saved', () => {
    const question: Question = {
      id: 'stage',
      kind: 'scale',
      label: 'Où en est le projet ?',
      scored: true,
      weight: 1,
      retired: false,
    };
    const container = document.body.appendChild(document.createElement('div'));
    // The save has not answered yet: what is stored is still "no answer".
    render(
      <QuestionInput
        question={question}
        answer={undefined}
        save={() => new Promise(() => {})}
        pendingKey="d1/q:stage"
      />,
      container,
    );
    const levels = container.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    fireEvent.click(levels[3] as HTMLInputElement);
    frames.runEffects();
    expect([...levels].map((level) => level.checked)).toEqual([false, false, false, true, false]);
  });
});
