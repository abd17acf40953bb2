// Words of the list of invitations still open (Réglages › Réseau › Administration).
import type { Messages } from '../../../i18n/messages';

export const openInvitationsMessages = {
  fr: {
    title: 'Invitations en attente',
    load: 'Afficher les invitations en attente',
    hint: 'Leur code permet encore de rejoindre le réseau. Le serveur ne garde pas les codes\u00a0: chaque invitation se reconnaît à son rôle, sa date et son auteur.',
    none: 'Aucune invitation en attente\u00a0: aucun code en circulation ne permet de rejoindre le réseau.',
    madeBy: (when: string, member: string, device: string) => `Créée le ${when} par ${member} (${device})`,
    madeByServer: (when: string) => `Créée le ${when} depuis le serveur, en ligne de commande`,
    madeUnknown: 'Créée avant que le serveur ne garde la date et l’auteur des invitations',
    expires: (when: string) => `Valable jusqu’au ${when}.`,
    cancel: 'Annuler',
    cancelConfirm: (role: string, made: string) =>
      `Annuler l’invitation «\u00a0${role}\u00a0»\u202f? ${made}. Son code et son lien ne permettront plus de rejoindre le réseau.`,
    cancelled: 'Invitation annulée\u00a0: son code et son lien ne permettent plus de rejoindre le réseau.',
    notOpen:
      'Cette invitation n’était plus ouverte\u00a0: elle a servi, expiré ou été annulée entre-temps. La liste est à jour.',
  },
  en: {
    title: 'Pending invitations',
    load: 'Show the pending invitations',
    hint: 'Their code still lets someone join the network. The server keeps no code: each invitation is known by its role, its date and its author.',
    none: 'No pending invitation: no code out there lets anyone join the network.',
    madeBy: (when: string, member: string, device: string) => `Created on ${when} by ${member} (${device})`,
    madeByServer: (when: string) => `Created on ${when} from the server’s command line`,
    madeUnknown: 'Created before the server kept the date and author of invitations',
    expires: (when: string) => `Valid until ${when}.`,
    cancel: 'Cancel',
    cancelConfirm: (role: string, made: string) =>
      `Cancel the “${role}” invitation? ${made}. Its code and link will no longer let anyone join the network.`,
    cancelled: 'Invitation cancelled: its code and link no longer let anyone join the network.',
    notOpen: 'This invitation was no longer open: it was used, expired or cancelled meanwhile. The list is up to date.',
  },
} satisfies Messages;
