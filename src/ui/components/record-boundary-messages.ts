import type { Messages } from '../i18n/messages';

export const recordBoundaryMessages = {
  fr: {
    failed: (name: string) =>
      name
        ? `«\u00a0${name}\u00a0» ne peut pas s’afficher sur cet appareil.`
        : 'Un élément ne peut pas s’afficher sur cet appareil.',
    field: (field: string, value: string) => `Champ ${field} (${value})\u00a0:`,
    unknown: 'Une de ses valeurs n’a pas pu être lue. Les autres éléments ne sont pas touchés.',
    pageTitle: 'Élément illisible',
  },
  en: {
    failed: (name: string) =>
      name ? `“${name}” cannot be shown on this device.` : 'An item cannot be shown on this device.',
    field: (field: string, value: string) => `Field ${field} (${value}):`,
    unknown: 'One of its values could not be read. The other items are not affected.',
    pageTitle: 'Unreadable item',
  },
} satisfies Messages;
