import type { Messages } from '../i18n/messages';

export const territoryFilterMessages = {
  fr: {
    territory: 'Territoire',
    any: 'Tous',
    group: (group: 'label' | 'epci' | 'departement' | 'region' | 'commune') =>
      ({
        label: 'Territoires du réseau',
        epci: 'Intercommunalités (EPCI)',
        departement: 'Départements',
        region: 'Régions',
        commune: 'Communes',
      })[group],
  },
  en: {
    territory: 'Territory',
    any: 'All',
    group: (group: 'label' | 'epci' | 'departement' | 'region' | 'commune') =>
      ({
        label: 'The network’s territories',
        epci: 'Inter-municipal bodies (EPCI)',
        departement: 'Départements',
        region: 'Regions',
        commune: 'Communes',
      })[group],
  },
} satisfies Messages;
