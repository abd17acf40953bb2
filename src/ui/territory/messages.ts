import type { Messages } from '../i18n/messages';

export const territoryMessages = {
  fr: {
    postcode: 'Code postal',
    commune: 'Commune',
    communeHint: 'Tapez le code postal ou le nom\u00a0: la commune choisie remplit ses codes officiels.',
    suggestions: 'Communes correspondantes',
    suggestionsCount: (count: number) =>
      count === 1
        ? '1 commune proposée\u00a0: flèche bas puis Entrée pour la choisir.'
        : `${count} communes proposées\u00a0: flèches haut et bas pour les parcourir, Entrée pour choisir.`,
    noCommune: (postcode: string) =>
      `Aucune commune n’a le code postal ${postcode}. Il est gardé tel que vous l’avez tapé\u202f; vérifiez-le.`,
    unavailable: 'La liste des communes n’est pas disponible sur cet appareil\u00a0: saisissez la commune à la main.',
    codes: 'Codes officiels',
    insee: (code: string) => `INSEE ${code}`,
  },
  en: {
    postcode: 'Postcode',
    commune: 'Town',
    communeHint: 'Type the postcode or the name: the town you choose fills its official codes.',
    suggestions: 'Matching towns',
    suggestionsCount: (count: number) =>
      count === 1
        ? '1 town offered: down arrow then Enter to choose it.'
        : `${count} towns offered: up and down arrows to go through them, Enter to choose.`,
    noCommune: (postcode: string) => `No town has the postcode ${postcode}. It is kept as typed; check it.`,
    unavailable: 'The list of towns is not available on this device: type the town by hand.',
    codes: 'Official codes',
    insee: (code: string) => `INSEE ${code}`,
  },
} satisfies Messages;
