// A diagnostic's date answer: a day the control cannot read is refused in words and the stored
// answer stays; an answer only tabbed through is neither judged again nor saved again.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answer, Question } from '../../../../../src/domain/diagnostic';
import { QuestionInput } from '../../../../../src/ui/screens/diagnostics/QuestionInput';
import { withFrenchPage } from '../../../../helpers/screen-setup';

withFrenchPage();
afterEach(() => {
  // Text typed and never saved here is kept as pending: the next case must not open with it.
  localStorage.clear();
});

const question: Question = {
  id: 'opened',
  kind: 'date',
  label: 'Date d’ouverture du lieu',
  scored: false,
  weight: 1,
  retired: false,
};

function mount(stored: string) {
  const saved: (Answer | null)[] = [];
  render(
    <QuestionInput
      question={question}
      answer={{ status: 'answered', value: stored }}
      save={async (answer) => {
        saved.push(answer);
        return true;
      }}
      pendingKey="d1/q:opened"
    />,
  );
  const input = screen.getByLabelText('Date d’ouverture du lieu') as HTMLInputElement;
  return { saved, input };
}

describe('a date answer in a diagnostic', () => {
  it('left impossible or half typed is refused in words, and the stored answer is not cleared', async () => {
    const { saved, input } = mount('2026-05-03');
    // 31 February typed, or a segment cleared: the browser gives "" and says it could not read it.
    fireEvent.input(input, { target: { value: '' } });
    Object.defineProperty(input, 'validity', { value: { badInput: true } });
    fireEvent.blur(input);

    const error = await screen.findByText(/Cette date est incomplète ou n’existe pas \(un 31 février, par exemple\)/);
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    expect(saved).toEqual([]);
  });

  it('emptied on purpose clears the stored answer', async () => {
    const { saved, input } = mount('2026-05-03');
    fireEvent.input(input, { target: { value: '' } });
    fireEvent.blur(input);
    await waitFor(() => expect(saved).toEqual([null]));
  });

  it('stored by an earlier release in 0026 and only tabbed through shows no error and is not saved again', async () => {
    const { saved, input } = mount('0026-12-05');
    fireEvent.focus(input);
    fireEvent.blur(input);
    // The save would run right after the blur: let it have its turn before looking.
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
    expect(screen.queryByText(/Vérifiez l’année/)).toBeNull();
    expect(saved).toEqual([]);
    expect(input.value).toBe('0026-12-05');
  });

  it('typed with the year 26 is refused', async () => {
    const { saved, input } = mount('2026-05-03');
    fireEvent.input(input, { target: { value: '0026-12-05' } });
    fireEvent.blur(input);
    await screen.findByText(/Vérifiez l’année : tapez-la en entier/);
    expect(saved).toEqual([]);
  });
});
