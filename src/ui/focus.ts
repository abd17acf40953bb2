// After a navigation, focus moves to the new screen's heading so a screen-reader user hears
// where they are; on the first load it stays at the top of the page.
let pending = false;

export function requestHeadingFocus(): void {
  pending = true;
}

/** True once after a navigation: the heading that takes it moves focus to itself. */
export function takeHeadingFocus(): boolean {
  const take = pending;
  pending = false;
  return take;
}
