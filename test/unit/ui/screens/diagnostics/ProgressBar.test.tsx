// A diagnostic's progress sits beside its score (75 %): it says what it counts, the sections
// finished, so that "0 of 10" beside a score does not read as a contradiction.
import { render, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { uiStore } from '../../../../../src/state/ui';
import { ProgressBar } from '../../../../../src/ui/screens/diagnostics/ProgressBar';

afterEach(() => {
  uiStore.setState({ lang: 'fr' });
});

function progressText(done: number, total: number): string | null {
  const { unmount } = render(<ProgressBar done={done} total={total} />);
  const text = screen.getByTestId('diagnostic-progress').textContent;
  unmount();
  return text;
}

test('counts the finished sections, in French agreement', () => {
  uiStore.setState({ lang: 'fr' });
  expect(progressText(0, 10)).toBe('0 section terminée sur 10');
  expect(progressText(1, 10)).toBe('1 section terminée sur 10');
  expect(progressText(3, 10)).toBe('3 sections terminées sur 10');
});

test('counts the finished sections in English', () => {
  uiStore.setState({ lang: 'en' });
  expect(progressText(0, 10)).toBe('0 of 10 sections complete');
  expect(progressText(1, 1)).toBe('1 of 1 section complete');
});
