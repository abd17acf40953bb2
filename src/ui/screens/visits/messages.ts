import { formatNumber } from '../../../domain/numbers';
import type { Messages } from '../../i18n/messages';

export const messages = {
  fr: {
    title: 'Visites',
    purpose: 'Notez une visite sur le terrain, même sans réseau\u00a0: où, qui, pour quel service, ce qui a été dit.',
    newVisit: 'Nouvelle visite',
    followUps: 'À faire',
    reports: 'Rapports',
    overdue: (count: number) => (count === 1 ? '1 en retard' : `${formatNumber(count, 'fr')} en retard`),
    emptyTitle: 'Aucune visite pour l’instant',
    emptyText: 'Les visites que vous noterez apparaîtront ici, enregistrées sur cet appareil.',
    noMatchTitle: 'Aucune visite ne correspond',
    noMatchText: 'Essayez d’autres mots ou retirez des filtres.',
    search: 'Rechercher une visite',
    searchHint: 'Lieu, personne, objet ou notes\u202f; les accents ne comptent pas.',
    filters: 'Filtres',
    filtersActive: (count: number) => `Filtres (${formatNumber(count, 'fr')})`,
    more: 'Voir plus de visites',
    noPlace: 'Lieu non précisé',
    drafts: (count: number) => `Brouillons (${formatNumber(count, 'fr')})`,
    moreServices: (count: number) => `+${formatNumber(count, 'fr')}`,
    resultCount: (count: number, more: boolean) =>
      `${formatNumber(count, 'fr')}${more ? '+' : ''} ${count === 1 ? 'visite' : 'visites'}`,
  },
  en: {
    title: 'Visits',
    purpose: 'Log a field visit, even without a network: where, who, which service, what was said.',
    newVisit: 'New visit',
    followUps: 'To do',
    reports: 'Reports',
    overdue: (count: number) => `${formatNumber(count, 'en')} overdue`,
    emptyTitle: 'No visits yet',
    emptyText: 'The visits you log will show here, saved on this device.',
    noMatchTitle: 'No visit matches',
    noMatchText: 'Try other words or remove filters.',
    search: 'Search visits',
    searchHint: 'Place, person, purpose or notes; accents do not matter.',
    filters: 'Filters',
    filtersActive: (count: number) => `Filters (${formatNumber(count, 'en')})`,
    more: 'Show more visits',
    noPlace: 'Place not given',
    drafts: (count: number) => `Drafts (${formatNumber(count, 'en')})`,
    moreServices: (count: number) => `+${formatNumber(count, 'en')}`,
    resultCount: (count: number, more: boolean) =>
      `${formatNumber(count, 'en')}${more ? '+' : ''} ${count === 1 ? 'visit' : 'visits'}`,
  },
} satisfies Messages;
