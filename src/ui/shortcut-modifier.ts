// The key held with Entrée to send a note, as the keyboard in front of the person names it: ⌘ on
// a Mac (and an iPad with its keyboard, which says it is a Mac), Ctrl elsewhere. The composer
// accepts both; only the hint has to name the right one.
type WithClientHints = Navigator & { userAgentData?: { platform: string } };

const APPLE = /^(mac|iphone|ipad|ipod)/i;

export function shortcutModifier(): '⌘' | 'Ctrl' {
  const hinted = (navigator as WithClientHints).userAgentData?.platform;
  return APPLE.test(hinted || navigator.platform) ? '⌘' : 'Ctrl';
}
