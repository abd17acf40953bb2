import type { Messages } from '../../i18n/messages';

export const messages = {
  fr: {
    title: 'Diagnostics',
    purpose: 'Remplissez la grille de diagnostic d’un projet de tiers-lieu ou d’un territoire, section par section.',
    emptyTitle: 'Aucun diagnostic pour l’instant',
    emptyText:
      'Les diagnostics remplis apparaîtront ici, avec leurs scores par section, pour les comparer dans le temps.',
    count: (count: number) =>
      count === 1 ? '1 diagnostic enregistré sur cet appareil.' : `${count} diagnostics enregistrés sur cet appareil.`,
  },
  en: {
    title: 'Diagnostics',
    purpose: 'Fill in the diagnostic grid of a tiers-lieu project or of a territory, section by section.',
    emptyTitle: 'No diagnostics yet',
    emptyText: 'Filled diagnostics will show here, with their scores per section, to compare them over time.',
    count: (count: number) =>
      count === 1 ? '1 diagnostic saved on this device.' : `${count} diagnostics saved on this device.`,
  },
} satisfies Messages;
