// The words of the visit list's filters, loaded with them (VisitFilters.tsx).
import type { Messages } from '../../i18n/messages';

export const filterMessages = {
  fr: {
    service: 'Service du réseau',
    anyService: 'Tous les services',
    lieu: 'Lieu',
    anyLieu: 'Tous les lieux',
    territory: 'Territoire',
    territoryHint: 'Bassin de vie, commune, département ou région du lieu.',
    from: 'Depuis le',
    to: 'Jusqu’au',
    openFollowUps: 'Avec un suivi à faire',
    clearFilters: 'Retirer les filtres',
  },
  en: {
    service: 'Network service',
    anyService: 'All services',
    lieu: 'Place',
    anyLieu: 'All places',
    territory: 'Territory',
    territoryHint: 'Living area, town, département or region of the place.',
    from: 'From',
    to: 'Until',
    openFollowUps: 'With a follow-up to do',
    clearFilters: 'Clear filters',
  },
} satisfies Messages;
