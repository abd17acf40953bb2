import type { Messages } from '../../i18n/messages';

export const messages = {
  fr: {
    title: 'Contacts & lieux',
    purpose: 'Les personnes et les lieux du réseau, à portée de main même hors ligne.',
    emptyTitle: 'Aucun contact ni lieu pour l’instant',
    emptyText: 'Les tiers-lieux, porteurs de projet, collectivités et personnes que vous suivez apparaîtront ici.',
    counts: (organisations: number, contacts: number) =>
      `${organisations === 1 ? '1 lieu' : `${organisations} lieux`} et ${
        contacts === 1 ? '1 contact' : `${contacts} contacts`
      } sur cet appareil.`,
  },
  en: {
    title: 'Contacts & places',
    purpose: 'The network’s people and places, at hand even offline.',
    emptyTitle: 'No contacts or places yet',
    emptyText: 'The tiers-lieux, project holders, local authorities and people you follow will show here.',
    counts: (organisations: number, contacts: number) =>
      `${organisations === 1 ? '1 place' : `${organisations} places`} and ${
        contacts === 1 ? '1 contact' : `${contacts} contacts`
      } on this device.`,
  },
} satisfies Messages;
