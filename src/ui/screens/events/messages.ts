import type { Messages } from '../../i18n/messages';

export const messages = {
  fr: {
    title: 'Événements',
    purpose: 'Les rencontres du réseau — échanges pair-à-pair, formations, apéros — et les notes prises ensemble.',
    emptyTitle: 'Aucun événement pour l’instant',
    emptyText: 'Les événements du réseau et leurs notes apparaîtront ici.',
    count: (count: number) =>
      count === 1 ? '1 événement enregistré sur cet appareil.' : `${count} événements enregistrés sur cet appareil.`,
  },
  en: {
    title: 'Events',
    purpose: 'The network’s gatherings — peer exchanges, trainings, socials — and the notes taken together.',
    emptyTitle: 'No events yet',
    emptyText: 'The network’s events and their notes will show here.',
    count: (count: number) => (count === 1 ? '1 event saved on this device.' : `${count} events saved on this device.`),
  },
} satisfies Messages;
