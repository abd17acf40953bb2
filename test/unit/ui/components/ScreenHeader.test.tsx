// After a navigation the new screen's heading takes the focus (a screen reader says where the
// person is), a frame after the screen is drawn — unless the person has already tapped a field
// of that screen: what they type must go into it, not into the heading.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { ScreenHeader } from '../../../../src/ui/components/ScreenHeader';
import { requestHeadingFocus } from '../../../../src/ui/focus';
import { holdFrames } from '../../../helpers/held-frame';
import { withFrenchPage } from '../../../helpers/screen-setup';

const frames = holdFrames();
withFrenchPage();

function openScreen(): { heading: HTMLElement; search: HTMLInputElement } {
  requestHeadingFocus();
  const container = document.body.appendChild(document.createElement('main'));
  render(
    <>
      <ScreenHeader title="Contacts & lieux" />
      <input type="search" aria-label="Rechercher une personne" />
    </>,
    container,
  );
  return {
    heading: container.querySelector('h1') as HTMLElement,
    search: container.querySelector('input') as HTMLInputElement,
  };
}

describe('the focus after a navigation', () => {
  it('goes to the new screen’s heading', () => {
    const { heading } = openScreen();
    frames.runEffects();
    expect(document.activeElement).toBe(heading);
  });

  it('stays in a field tapped before the screen’s first frame', () => {
    const { search } = openScreen();
    search.focus();
    frames.runEffects();
    expect(document.activeElement).toBe(search);
  });
});

describe('the document title', () => {
  it('isolates the screen’s title, so an override in a record’s name cannot turn the suffix around', () => {
    const container = document.body.appendChild(document.createElement('main'));
    render(<ScreenHeader title={'Anne\u202Eenna'} />, container);
    frames.runEffects();
    expect(document.title).toBe('\u2068Anne\u202Eenna\u2069 — Valise');
  });
});
