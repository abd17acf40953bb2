// A new page within the same screen — the "+" to the visit form, a list to a record, a form to
// what it saved — left the focus on the body once the link pressed was gone (Firefox ESR at
// 360×740, keyboard only): Tab started again from the top bar. Its heading takes it, as it does
// from one screen to another; a query alone (a filter, a draft's id) moves nothing.
import { render } from 'preact';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { startRouter } from '../../../src/state/router';
import { uiStore } from '../../../src/state/ui';
import { ScreenHeader } from '../../../src/ui/components/ScreenHeader';
import { takeHeadingFocus, watchNavigations } from '../../../src/ui/focus';
import { holdFrames } from '../../helpers/held-frame';

const frames = holdFrames();
let stops: (() => void)[] = [];
const scrollTo = vi.fn();

function go(hash: string): void {
  location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

beforeAll(() => {
  uiStore.setState({ lang: 'fr' });
  window.scrollTo = scrollTo as typeof window.scrollTo;
  location.hash = '#/visites';
  stops = [startRouter(window), watchNavigations()];
});
afterAll(() => {
  for (const stop of stops) stop();
});
beforeEach(() => {
  scrollTo.mockClear();
  takeHeadingFocus();
});
afterEach(() => {
  document.body.replaceChildren();
});

test('the "+" to the visit form, within the Visites screen: the form’s heading takes the focus, at the top', () => {
  go('#/visites');
  const main = document.body.appendChild(document.createElement('main'));
  const plus = main.appendChild(document.createElement('a'));
  plus.href = '#/visites/nouvelle';
  plus.focus();
  go('#/visites/nouvelle');
  // The "+" hides where a visit is being written: the focus falls to the body.
  plus.remove();
  render(<ScreenHeader title="Nouvelle visite" />, main);
  frames.runEffects();
  expect(document.activeElement?.textContent).toBe('Nouvelle visite');
  expect(scrollTo).toHaveBeenCalledWith(0, 0);
});

test('a filter or a draft’s id in the query leaves the focus and the scroll where they are', () => {
  go('#/contacts/personne/nouveau');
  takeHeadingFocus();
  scrollTo.mockClear();
  go('#/contacts/personne/nouveau?brouillon=person-new-1');
  expect(takeHeadingFocus()).toBe(false);
  expect(scrollTo).not.toHaveBeenCalled();
});

test('a page’s header while it reads hands the focus on to the read page’s own header', () => {
  go('#/visites');
  go('#/visites/nouvelle');
  const main = document.body.appendChild(document.createElement('main'));
  render(<ScreenHeader title="Nouvelle visite" />, main);
  frames.runEffects();
  // The visit form's hints are read: the same title, in another place of the tree.
  render(
    <form>
      <ScreenHeader title="Nouvelle visite" />
    </form>,
    main,
  );
  frames.runEffects();
  expect(document.activeElement?.closest('form')).not.toBeNull();
  expect(document.activeElement?.textContent).toBe('Nouvelle visite');
});

test('a header that leaves while the person types in a field that stays: the next one leaves the focus there', () => {
  const main = document.body.appendChild(document.createElement('main'));
  render(
    <>
      <input aria-label="Rechercher" />
      <ScreenHeader title="Contacts & lieux" />
    </>,
    main,
  );
  frames.runEffects();
  const search = main.querySelector('input') as HTMLInputElement;
  search.focus();
  render(
    <>
      <input aria-label="Rechercher" />
      <form>
        <ScreenHeader title="Contacts & lieux" />
      </form>
    </>,
    main,
  );
  frames.runEffects();
  expect(document.activeElement).toBe(search);
});
