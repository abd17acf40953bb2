// What the device says when it could not give its position: one wording for every screen
// that asks (the map's "Autour de moi", placing a lieu, a visit's position).
import type { Messages } from '../i18n/messages';

export const positionMessages = {
  fr: {
    denied: 'Position refusée\u00a0: autorisez la localisation pour Valise dans les réglages du navigateur.',
    unavailable: 'Position introuvable pour l’instant\u00a0: réessayez dans un moment, ou à découvert.',
    timeout: 'La position tarde à venir\u00a0: réessayez dans un moment, ou à découvert.',
  },
  en: {
    denied: 'Position refused: allow location for Valise in the browser’s settings.',
    unavailable: 'No position for now: try again in a moment, or outdoors.',
    timeout: 'The position is taking too long: try again in a moment, or outdoors.',
  },
} satisfies Messages;
