import type { Messages } from '../../i18n/messages';

export const messages = {
  fr: {
    title: 'Brouillons',
    purpose: 'Ce qui a été saisi sans être enregistré, gardé sur cet appareil.',
    empty: 'Aucun brouillon',
    emptyText: 'Tout ce qui a été saisi est enregistré.',
    untitled: 'Sans titre',
    changed: (when: string) => `Modifié ${when}`,
    resume: 'Reprendre',
    resumeNamed: (name: string) => `Reprendre\u00a0: ${name}`,
    remove: 'Supprimer',
    removeNamed: (name: string) => `Supprimer le brouillon\u00a0: ${name}`,
    confirmRemove: (name: string) =>
      `Supprimer le brouillon «\u00a0${name}\u00a0»\u202f? Ce qu’il contient sera effacé de cet appareil.`,
    back: 'Retour aux visites',
  },
  en: {
    title: 'Drafts',
    purpose: 'What was typed but not saved, kept on this device.',
    empty: 'No drafts',
    emptyText: 'Everything typed is saved.',
    untitled: 'Untitled',
    changed: (when: string) => `Changed ${when}`,
    resume: 'Resume',
    resumeNamed: (name: string) => `Resume: ${name}`,
    remove: 'Delete',
    removeNamed: (name: string) => `Delete the draft: ${name}`,
    confirmRemove: (name: string) => `Delete the draft “${name}”? What it holds will be erased from this device.`,
    back: 'Back to visits',
  },
} satisfies Messages;
