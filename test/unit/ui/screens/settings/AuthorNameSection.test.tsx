// The name shown on what this device writes: a name typed (or autofilled) as the settings
// open is not replaced by the stored one when the screen's effects catch up a frame later.
import { fireEvent } from '@testing-library/preact';
import { render } from 'preact';
import { expect, test, vi } from 'vitest';
import { AuthorNameSection } from '../../../../../src/ui/screens/settings/AuthorNameSection';
import { holdFrames } from '../../../../helpers/held-frame';
import { withFrenchPage } from '../../../../helpers/screen-setup';

vi.mock('../../../../../src/ui/hooks/use-data-context', () => ({
  useDataContext: () => ({ identity: { authorName: 'Camille' } }),
}));

const frames = holdFrames();
withFrenchPage();

test('a name typed before the first frame stays in the field', () => {
  const container = document.body.appendChild(document.createElement('div'));
  render(<AuthorNameSection />, container);
  const field = container.querySelector('input[name="authorName"]') as HTMLInputElement;
  expect(field.value).toBe('Camille');
  fireEvent.input(field, { target: { value: 'Camille Martin' } });
  frames.runEffects();
  expect(field.value).toBe('Camille Martin');
});
