// After a navigation, focus moves to the new screen's heading so a screen-reader user hears
// where they are; on the first load it stays at the top of the page.
import { routeStore } from '../state/router';

let pending = false;
let focusedAtNavigation: Element | null = null;

export function requestHeadingFocus(): void {
  pending = true;
  focusedAtNavigation = document.activeElement;
}

/**
 * True once after a navigation: the heading that takes it moves focus to itself. Not when the
 * person has already put the focus elsewhere: the heading takes it after the screen's first
 * frame, and a field tapped before that frame would lose what is typed into it.
 */
export function takeHeadingFocus(): boolean {
  const take = pending && focusStayedPut();
  pending = false;
  focusedAtNavigation = null;
  return take;
}

/**
 * A heading leaves (with its page's first state: the visit form's header while it reads): the
 * next one takes the focus if it fell to the body with it, and only then.
 */
export function passHeadingFocus(): void {
  pending = true;
}

function focusStayedPut(): boolean {
  const now = document.activeElement;
  // The link or button that navigated, or nothing (it left with the previous screen).
  return now === null || now === document.body || now === focusedAtNavigation;
}

/**
 * Every change of path is a new page: its heading takes the focus and it opens at its top. Within
 * one screen too (the "+" to the visit form, a list to a record, a form to what it saved): the
 * link or button pressed is gone with the page it was on, and the focus fell to the body, where
 * Tab starts again from the top bar. A query alone (a filter, a draft's id) changes no page.
 */
export function watchNavigations(): () => void {
  return routeStore.subscribe((state, previous) => {
    if (state.route.path === previous.route.path) return;
    requestHeadingFocus();
    window.scrollTo(0, 0);
  });
}
