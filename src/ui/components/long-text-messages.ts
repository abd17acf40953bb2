import type { Messages } from '../i18n/messages';

export const longTextMessages = {
  fr: {
    readAll: 'Lire tout le texte',
    fold: 'Replier le texte',
  },
  en: {
    readAll: 'Read the whole text',
    fold: 'Fold the text',
  },
} satisfies Messages;
