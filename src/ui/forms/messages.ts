import type { Messages } from '../i18n/messages';

export const formMessages = {
  fr: {
    restored: 'Brouillon repris',
    afterBackup: 'En attente de la sauvegarde…',
    restoredText: (when: string) => `Saisi ou modifié ${when}, jamais enregistré. Rien n’est perdu.`,
    discard: 'Abandonner ce brouillon',
    confirmDiscard: 'Abandonner ce brouillon\u202f? Ce qui y est saisi sera effacé de cet appareil.',
    fixProblems: 'Rien n’est enregistré\u00a0: corrigez les champs signalés.',
    saveFailed: 'L’enregistrement a échoué. Votre saisie est gardée dans le brouillon\u202f; réessayez.',
    saveFailedUnkept:
      'L’enregistrement a échoué, et votre saisie n’a pas pu être gardée dans un brouillon\u00a0: elle n’est qu’à l’écran. Gardez cette page ouverte et réessayez\u202f; si cela échoue encore, copiez votre texte avant de recharger l’application.',
    storageFull:
      'Rien n’est enregistré\u00a0: cet appareil n’a plus de place. Votre saisie n’est plus qu’à l’écran\u00a0: gardez cette page ouverte, libérez de la place (photos, vidéos, applications), puis réessayez.',
  },
  en: {
    afterBackup: 'Waiting for the backup…',
    restored: 'Draft resumed',
    restoredText: (when: string) => `Typed or changed ${when}, never saved. Nothing is lost.`,
    discard: 'Discard this draft',
    confirmDiscard: 'Discard this draft? What it holds will be erased from this device.',
    fixProblems: 'Nothing is saved: fix the fields marked.',
    saveFailed: 'Saving failed. Your input is kept in the draft; try again.',
    saveFailedUnkept:
      'Saving failed, and your input could not be kept in a draft: it is only on screen. Keep this page open and try again; if it fails again, copy your text before reloading the app.',
    storageFull:
      'Nothing is saved: this device has no room left. Your input is now only on screen: keep this page open, free some room (photos, videos, apps), then try again.',
  },
} satisfies Messages;
