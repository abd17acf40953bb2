import type { Messages } from '../../i18n/messages';

export const messages = {
  fr: {
    title: 'Partage vers Valise',
    opening: 'Ouverture d’une nouvelle visite avec le texte partagé…',
    fromPage:
      'Une page a ouvert Valise avec ce texte. Rien n’est gardé tant que vous ne le demandez pas\u00a0: en faire une nouvelle visite\u00a0?',
    sharedWords: 'Texte reçu',
    keep: 'Nouvelle visite avec ce texte',
    drop: 'Ne pas le garder',
    nothing: 'Rien n’a été partagé.',
    failed: 'Le texte partagé n’a pas pu être gardé. Réessayez depuis l’autre application.',
    toVisits: 'Aller aux visites',
  },
  en: {
    title: 'Shared to Valise',
    opening: 'Opening a new visit with the shared text…',
    fromPage: 'A page opened Valise with this text. Nothing is kept unless you ask: make it a new visit?',
    sharedWords: 'Text received',
    keep: 'New visit with this text',
    drop: 'Don’t keep it',
    nothing: 'Nothing was shared.',
    failed: 'The shared text could not be kept. Try again from the other app.',
    toVisits: 'Go to visits',
  },
} satisfies Messages;
