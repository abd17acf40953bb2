import type { Messages } from '../../i18n/messages';

export const messages = {
  fr: {
    title: 'Valise',
    purpose:
      'La boîte à outils partagée du réseau — kit matériel, outils numériques, fiches méthode — et vos listes de départ.',
    emptyTitle: 'La valise est vide pour l’instant',
    emptyText: 'Les outils et fiches du réseau apparaîtront ici, disponibles hors ligne.',
    count: (count: number) =>
      count === 1 ? '1 élément dans la valise sur cet appareil.' : `${count} éléments dans la valise sur cet appareil.`,
  },
  en: {
    title: 'Toolbox',
    purpose: 'The network’s shared toolbox — physical kit, digital tools, method sheets — and your packing lists.',
    emptyTitle: 'The toolbox is empty for now',
    emptyText: 'The network’s tools and sheets will show here, available offline.',
    count: (count: number) =>
      count === 1 ? '1 item in the toolbox on this device.' : `${count} items in the toolbox on this device.`,
  },
} satisfies Messages;
