import type { Messages } from '../i18n/messages';

export const longTextMessages = {
  fr: {
    readAll: 'Lire tout le texte',
    fold: 'Replier le texte',
    /** Heard after either, never seen: which of a screen's texts it opens (« note de Marie, 14:32 »). */
    whose: (about: string) => `\u00a0: ${about}`,
  },
  en: {
    readAll: 'Read the whole text',
    fold: 'Fold the text',
    whose: (about: string) => `: ${about}`,
  },
} satisfies Messages;
