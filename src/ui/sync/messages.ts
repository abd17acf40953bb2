import type { Messages } from '../i18n/messages';

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

export const messages = {
  fr: {
    indicatorLabel: 'État de la synchronisation',
    offline: 'Hors ligne',
    syncing: 'Synchronisation…',
    syncingProgress: (percent: number) => `Synchronisation… ${percent} %`,
    upToDate: 'À jour',
    toSend: 'Modifications à envoyer',
    toSendShort: 'À envoyer',
    error: 'Erreur de synchronisation',
    errorShort: 'Erreur',
    syncingShort: (percent: number | null) => (percent === null ? 'Synchro…' : `Synchro ${percent} %`),
    pending: (count: number) => `${count} ${plural(count, 'modification', 'modifications')} à envoyer`,
    lastSync: (when: string) => `Dernière synchronisation ${when}`,
    neverSynced: 'Jamais synchronisé',
    errorUnreachable:
      'Serveur injoignable. Vos modifications restent sur cet appareil et partiront dès que le réseau reviendra.',
    errorUnauthorized:
      'Le serveur ne reconnaît plus cet appareil. Vos données restent ici : rejoignez de nouveau le réseau avec une nouvelle invitation.',
    errorRevoked:
      'Un·e admin a retiré cet appareil du réseau. Vos données restent sur cet appareil : demandez une nouvelle invitation pour synchroniser.',
    errorRefused:
      'Le serveur a refusé la synchronisation (version incompatible ?). Vos données restent ici : prévenez l’admin du réseau.',
    errorServer:
      'Le serveur a rencontré un problème. Un nouvel essai aura lieu automatiquement dans quelques instants.',
    errorUpgradeRequired:
      'Cette version de Valise est trop ancienne pour le serveur du réseau : mettez-la à jour pour synchroniser. Vos données restent sur cet appareil.',
    errorServerOutdated:
      'Le serveur du réseau est plus ancien que cette version de Valise (il date d’avant la version 0.2.0) : rien ne lui est envoyé tant que l’admin du réseau ne l’a pas mis à jour. Vos modifications restent sur cet appareil et partiront après sa mise à jour.',
    errorUnexpected:
      'La synchronisation a échoué sur une erreur inattendue de l’application. Un nouvel essai aura lieu automatiquement ; vos données restent sur cet appareil.',
    clockAhead: (hours: string) =>
      `L’horloge de cet appareil avance d’environ ${hours}. Vos saisies sont datées par le serveur ; réglez l’heure de l’appareil.`,
    conflictTitle: (count: number) => (count === 1 ? '2 versions de ce texte' : `${count + 1} versions de ce texte`),
    conflictExplain:
      'Ce texte a été modifié en même temps sur un autre appareil. Rien n’a été perdu : choisissez la version à garder, ou fusionnez-les.',
    conflictOther: (author: string, when: string) => `Autre version, par ${author || 'un autre appareil'}, ${when}`,
    conflictKeepShown: 'Garder la version affichée',
    conflictTake: 'Prendre cette version',
    conflictMerge: 'Fusionner les deux',
    conflictMergeLabel: 'Texte fusionné',
    conflictMergeSave: 'Enregistrer la fusion',
    conflictCancel: 'Annuler',
    conflictFailed: 'La résolution n’a pas pu être enregistrée. Réessayez ; les deux versions sont conservées.',
  },
  en: {
    indicatorLabel: 'Sync status',
    offline: 'Offline',
    syncing: 'Syncing…',
    syncingProgress: (percent: number) => `Syncing… ${percent}%`,
    upToDate: 'Up to date',
    toSend: 'Changes to send',
    toSendShort: 'To send',
    error: 'Sync error',
    errorShort: 'Error',
    syncingShort: (percent: number | null) => (percent === null ? 'Syncing…' : `Syncing ${percent}%`),
    pending: (count: number) => `${count} ${plural(count, 'change', 'changes')} to send`,
    lastSync: (when: string) => `Last synced ${when}`,
    neverSynced: 'Never synced',
    errorUnreachable:
      'Server unreachable. Your changes stay on this device and will go as soon as the network is back.',
    errorUnauthorized:
      'The server no longer knows this device. Your data stays here: join the network again with a new invitation.',
    errorRevoked:
      'An admin removed this device from the network. Your data stays on this device: ask for a new invitation to sync.',
    errorRefused: 'The server refused to sync (incompatible version?). Your data stays here: tell the network’s admin.',
    errorServer: 'The server had a problem. It will be tried again automatically in a moment.',
    errorUpgradeRequired:
      'This version of Valise is too old for the network’s server: update it to sync. Your data stays on this device.',
    errorServerOutdated:
      'The network’s server is older than this version of Valise (from before version 0.2.0): nothing is sent to it until the network’s admin updates it. Your changes stay on this device and will go once it is updated.',
    errorUnexpected:
      'Sync failed on an unexpected error of the app. It will be tried again automatically; your data stays on this device.',
    clockAhead: (hours: string) =>
      `This device’s clock is about ${hours} ahead. The server dates what you write; set the device’s time.`,
    conflictTitle: (count: number) => `${count + 1} versions of this text`,
    conflictExplain:
      'This text was changed at the same time on another device. Nothing was lost: choose the version to keep, or merge them.',
    conflictOther: (author: string, when: string) => `Other version, by ${author || 'another device'}, ${when}`,
    conflictKeepShown: 'Keep the shown version',
    conflictTake: 'Take this version',
    conflictMerge: 'Merge both',
    conflictMergeLabel: 'Merged text',
    conflictMergeSave: 'Save the merge',
    conflictCancel: 'Cancel',
    conflictFailed: 'The choice could not be saved. Try again; both versions are kept.',
  },
} satisfies Messages;
