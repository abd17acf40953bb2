// The sync state told in full in Réglages: when the device last synced, what went wrong and
// what to do. Apart from the shell's words, so the first screen does not load them.
import { formatNumber } from '../../domain/numbers';
import type { Messages } from '../i18n/messages';

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

export const messages = {
  fr: {
    lastSync: (when: string) => `Dernière synchronisation ${when}`,
    neverSynced: 'Jamais synchronisé',
    notSyncedYet: 'Pas encore synchronisé',
    errorUnreachable:
      'Serveur injoignable. Vos modifications restent sur cet appareil et partiront dès que le réseau reviendra.',
    errorUnauthorized:
      'Le serveur ne reconnaît plus cet appareil. Vos données restent ici\u00a0: rejoignez de nouveau le réseau avec une nouvelle invitation.',
    errorRevoked:
      'Un·e admin a retiré cet appareil du réseau\u00a0: il ne se synchronise plus de lui-même. Vos données et vos modifications non envoyées restent ici. Pour les envoyer\u00a0: demandez une nouvelle invitation, quittez le réseau sans effacer vos données, puis rejoignez-le avec cette invitation.',
    errorRefused:
      'Le serveur a refusé la synchronisation (version incompatible\u202f?). Vos données restent ici\u00a0: prévenez l’admin du réseau.',
    errorServer:
      'Le serveur a rencontré un problème. Un nouvel essai aura lieu automatiquement dans quelques instants.',
    errorUnreadable:
      'La réponse reçue n’est pas celle du serveur du réseau (une page de connexion au Wi-Fi à accepter, un proxy, une réponse coupée\u202f?). Un nouvel essai aura lieu automatiquement\u202f; vos données restent sur cet appareil.',
    errorUpgradeRequired:
      'Cette version de Valise est trop ancienne pour le serveur du réseau\u00a0: mettez-la à jour pour synchroniser. Vos données restent sur cet appareil.',
    errorServerOutdated:
      'Le serveur du réseau est plus ancien que cette version de Valise (il date d’avant la version 0.2.0)\u00a0: rien ne lui est envoyé tant que l’admin du réseau ne l’a pas mis à jour. Vos modifications restent sur cet appareil et partiront après sa mise à jour.',
    errorNetworkFull:
      'Le serveur du réseau est plein\u00a0: il a atteint la place qu’il accorde aux données de ce réseau et n’en accepte plus de nouvelles. Vos modifications restent sur cet appareil, qui reçoit toujours celles des autres\u202f; elles partiront d’elles-mêmes dès qu’il y aura de la place. Prévenez l’admin du réseau\u00a0: la personne qui gère le serveur peut relever cette limite.',
    errorStorageFull:
      'Cet appareil n’a plus de place\u00a0: ce que le réseau a de nouveau ne peut pas y être gardé. Libérez de la place (photos, vidéos, applications)\u202f; un nouvel essai aura lieu automatiquement, et vos modifications restent sur cet appareil.',
    errorUnexpected:
      'La synchronisation a échoué sur une erreur inattendue de l’application. Un nouvel essai aura lieu automatiquement\u202f; vos données restent sur cet appareil.',
    filesToSendCount: (count: number) =>
      `${formatNumber(count, 'fr')} ${plural(count, 'fichier', 'fichiers')} à envoyer`,
    filesWaiting: (count: number) =>
      `${formatNumber(count, 'fr')} ${plural(count, 'fichier pas encore envoyé', 'fichiers pas encore envoyés')} (connexion trop lente\u202f?)\u00a0: nouvel essai à la prochaine synchronisation`,
    clockAhead: (hours: string) =>
      `L’horloge de cet appareil avance d’environ ${hours}. Vos saisies sont datées par le serveur\u202f; réglez l’heure de l’appareil.`,
  },
  en: {
    lastSync: (when: string) => `Last synced ${when}`,
    neverSynced: 'Never synced',
    notSyncedYet: 'Not synced yet',
    errorUnreachable:
      'Server unreachable. Your changes stay on this device and will go as soon as the network is back.',
    errorUnauthorized:
      'The server no longer knows this device. Your data stays here: join the network again with a new invitation.',
    errorRevoked:
      'An admin removed this device from the network: it no longer syncs by itself. Your data and unsent changes stay here. To send them: ask for a new invitation, leave the network without erasing your data, then join it with that invitation.',
    errorRefused: 'The server refused to sync (incompatible version?). Your data stays here: tell the network’s admin.',
    errorServer: 'The server had a problem. It will be tried again automatically in a moment.',
    errorUnreadable:
      'The answer received is not the network server’s (a Wi-Fi login page to accept, a proxy, an answer cut short?). It will be tried again automatically; your data stays on this device.',
    errorUpgradeRequired:
      'This version of Valise is too old for the network’s server: update it to sync. Your data stays on this device.',
    errorServerOutdated:
      'The network’s server is older than this version of Valise (from before version 0.2.0): nothing is sent to it until the network’s admin updates it. Your changes stay on this device and will go once it is updated.',
    errorNetworkFull:
      'The network’s server is full: it has reached the room it gives this network’s data and takes no more. Your changes stay on this device, which still receives the others’; they will go by themselves once there is room. Tell the network’s admin: whoever runs the server can raise this limit.',
    errorStorageFull:
      'This device has no room left: what is new on the network cannot be kept on it. Free some room (photos, videos, apps); it will be tried again automatically, and your changes stay on this device.',
    errorUnexpected:
      'Sync failed on an unexpected error of the app. It will be tried again automatically; your data stays on this device.',
    filesToSendCount: (count: number) => `${formatNumber(count, 'en')} ${plural(count, 'file', 'files')} to send`,
    filesWaiting: (count: number) =>
      `${formatNumber(count, 'en')} ${plural(count, 'file', 'files')} not sent yet (connection too slow?): tried again at the next sync`,
    clockAhead: (hours: string) =>
      `This device’s clock is about ${hours} ahead. The server dates what you write; set the device’s time.`,
  },
} satisfies Messages;
