// The app shell as a user sees it: navigation to the six places, the banners, the screen's title.
import type { Locator, Page } from 'playwright-core';

/** The top-level places, their hash path and their French title (the screen's h1). */
export const PLACES = {
  visites: { path: 'visites', title: 'Visites' },
  contacts: { path: 'contacts', title: 'Contacts & lieux' },
  diagnostics: { path: 'diagnostics', title: 'Diagnostics' },
  evenements: { path: 'evenements', title: 'Événements' },
  valise: { path: 'valise', title: 'Valise' },
  reglages: { path: 'reglages', title: 'Réglages' },
} as const;

export type Place = keyof typeof PLACES;
export const PLACE_NAMES = Object.keys(PLACES) as Place[];

/** The screens that list records, each kind of record in one: where any name from data shows. */
export const RECORD_LISTS = [
  '#/visites',
  '#/contacts/lieux',
  '#/contacts/personnes',
  '#/a-faire',
  '#/evenements',
  '#/valise',
  '#/diagnostics',
] as const;

export class ShellPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Loads the app at a place ("#/visites" when none) and waits for its screen. */
  async open(place?: Place): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${place ? `#/${PLACES[place].path}` : ''}`);
    await this.waitForScreen();
  }

  /** Reloads (online or not) and waits for a screen to render. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForScreen();
  }

  /** The screen's one h1. */
  heading(): Locator {
    return this.page.locator('main h1');
  }

  async waitForScreen(): Promise<void> {
    await this.heading().waitFor({ state: 'visible' });
  }

  /** Taps the place in the navigation the viewport shows (bottom bar, side column or corner link). */
  async goTo(place: Place): Promise<string> {
    const { path } = PLACES[place];
    await this.page.locator(`a[href="#/${path}"]:visible`).first().click();
    const heading = this.page.locator(`main [data-screen="${path}"] h1`);
    await heading.waitFor({ state: 'visible' });
    return (await heading.textContent()) ?? '';
  }

  navigation(): Locator {
    return this.page.getByRole('navigation');
  }

  /** The link of the current place, marked aria-current="page". */
  currentLink(): Locator {
    // The shell's own links only: a screen may mark its own sub-navigation too.
    return this.page.locator(':is(.topbar, .nav) a[aria-current="page"]:visible');
  }

  offlineBanner(): Locator {
    return this.page.getByTestId('offline-banner');
  }

  updateBanner(): Locator {
    return this.page.getByTestId('update-banner');
  }

  async clickInUpdateBanner(name: string): Promise<void> {
    await this.updateBanner().getByRole('button', { name, exact: true }).click();
  }

  htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }
}
