// The route table: each top-level path of the hash ("#/visites") and the screen it loads on
// demand, so the first screen downloads only its own code. A screen lives in
// src/ui/screens/<folder>/index.tsx and default-exports its component.
import type { ComponentType } from 'preact';
import type { Route } from '../state/router';
import type { IconName } from './components/Icon';
import type { common } from './i18n/common';

export interface ScreenProps {
  /** The current route: `route.params` are the segments after the screen ("#/visites/<id>"). */
  route: Route;
}

interface ScreenModule {
  default: ComponentType<ScreenProps>;
}

export interface ScreenEntry {
  /** First segment of the hash path, in French like the screen ("evenements"). */
  path: string;
  load: () => Promise<ScreenModule>;
}

/** Réglages with the join form first: an invitation link, and Visites' offer on a device that joined none. */
export const JOIN_PATH = 'rejoindre';

export const SCREENS: readonly ScreenEntry[] = [
  { path: 'visites', load: () => import('./screens/visits/index') },
  { path: 'contacts', load: () => import('./screens/contacts/index') },
  { path: 'diagnostics', load: () => import('./screens/diagnostics/index') },
  { path: 'evenements', load: () => import('./screens/events/index') },
  { path: 'valise', load: () => import('./screens/toolbox/index') },
  { path: 'reglages', load: () => import('./screens/settings/index') },
  // An invitation link ("#/rejoindre?code=…") opens Réglages with its code filled in.
  { path: JOIN_PATH, load: () => import('./screens/settings/index') },
  // "À faire": open follow-ups of visits and events, reached from Visites.
  { path: 'a-faire', load: () => import('./screens/follow-ups/index') },
  { path: 'rapports', load: () => import('./screens/reports/index') },
  // Carte: the lieux on a map, reached from Contacts' tabs on a phone, the side column wider.
  { path: 'carte', load: () => import('./screens/map/index') },
  // Brouillons: forms left unsaved, reached from Visites and from each form's screen.
  { path: 'brouillons', load: () => import('./screens/drafts/index') },
  // Web Share Target (manifest): what another app shares becomes a new visit's draft.
  { path: 'partage', load: () => import('./screens/share/index') },
];

/** What "#/" and an empty hash show. */
export const DEFAULT_SCREEN = 'visites';

export function findScreen(screen: string): ScreenEntry | undefined {
  const path = screen === '' ? DEFAULT_SCREEN : screen;
  return SCREENS.find((entry) => entry.path === path);
}

type CommonKey = keyof typeof common.fr;

interface NavItem {
  path: string;
  label: CommonKey;
  /** A shorter label where the bottom bar of a phone has little room. */
  shortLabel?: CommonKey;
  icon: IconName;
}

/** The five places of the navigation, in order; Réglages is reached from the corner. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: 'visites', label: 'navVisits', icon: 'visits' },
  { path: 'contacts', label: 'navContacts', shortLabel: 'navContactsShort', icon: 'contacts' },
  { path: 'diagnostics', label: 'navDiagnostics', icon: 'diagnostics' },
  { path: 'evenements', label: 'navEvents', icon: 'events' },
  { path: 'valise', label: 'navToolbox', icon: 'toolbox' },
];

export const SETTINGS_PATH = 'reglages';

/** Rapports: in the side column on a wide screen, beside "À faire" on Visites on a phone. */
export const REPORTS_PATH = 'rapports';

/** Carte: in the side column on a wide screen, a tab of Contacts (beside Lieux) on a phone. */
export const MAP_PATH = 'carte';

/** Places only the side column of a wide screen lists (a phone reaches them from a screen). */
export const WIDE_ITEMS: readonly NavItem[] = [
  { path: MAP_PATH, label: 'navMap', icon: 'map' },
  { path: REPORTS_PATH, label: 'navReports', icon: 'reports' },
];
