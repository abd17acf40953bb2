import type { Messages } from '../../i18n/messages';

export const messages = {
  fr: {
    title: 'Partage vers Valise',
    opening: 'Ouverture d’une nouvelle visite avec le texte partagé…',
    nothing: 'Rien n’a été partagé.',
    failed: 'Le texte partagé n’a pas pu être gardé. Réessayez depuis l’autre application.',
    toVisits: 'Aller aux visites',
  },
  en: {
    title: 'Shared to Valise',
    opening: 'Opening a new visit with the shared text…',
    nothing: 'Nothing was shared.',
    failed: 'The shared text could not be kept. Try again from the other app.',
    toVisits: 'Go to visits',
  },
} satisfies Messages;
