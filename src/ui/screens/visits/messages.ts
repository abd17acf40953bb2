import type { Messages } from '../../i18n/messages';

export const messages = {
  fr: {
    title: 'Visites',
    purpose: 'Notez une visite sur le terrain, même sans réseau : où, qui, pour quel service, ce qui a été dit.',
    emptyTitle: 'Aucune visite pour l’instant',
    emptyText: 'Les visites que vous noterez apparaîtront ici, enregistrées sur cet appareil.',
    count: (count: number) =>
      count === 1 ? '1 visite enregistrée sur cet appareil.' : `${count} visites enregistrées sur cet appareil.`,
  },
  en: {
    title: 'Visits',
    purpose: 'Log a field visit, even without a network: where, who, which service, what was said.',
    emptyTitle: 'No visits yet',
    emptyText: 'The visits you log will show here, saved on this device.',
    count: (count: number) => (count === 1 ? '1 visit saved on this device.' : `${count} visits saved on this device.`),
  },
} satisfies Messages;
