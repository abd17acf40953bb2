// After a navigation, focus moves to the new screen's heading so a screen-reader user hears
// where they are; on the first load it stays at the top of the page.
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

function focusStayedPut(): boolean {
  const now = document.activeElement;
  // The link or button that navigated, or nothing (it left with the previous screen).
  return now === null || now === document.body || now === focusedAtNavigation;
}
