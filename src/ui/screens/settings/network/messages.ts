import { formatNumber } from '../../../../domain/numbers';
import { isRecordType, type RecordType } from '../../../../domain/record-types';
import type { Messages } from '../../../i18n/messages';

/** What each record type is called in a sentence, as its screen calls one of them. */
const TYPE_NAMES_FR: Record<RecordType, string> = {
  organisations: 'Lieu',
  contacts: 'Personne',
  visits: 'Visite',
  followUps: 'À faire',
  diagnosticTemplates: 'Grille de diagnostic',
  diagnostics: 'Diagnostic',
  events: 'Événement',
  eventNotes: 'Note d’événement',
  toolboxItems: 'Élément de la valise',
  loans: 'Prêt',
  packingLists: 'Liste de départ',
  attachments: 'Fichier joint',
  conflicts: 'Texte à départager',
};

const TYPE_NAMES_EN: Record<RecordType, string> = {
  organisations: 'Place',
  contacts: 'Person',
  visits: 'Visit',
  followUps: 'To do',
  diagnosticTemplates: 'Diagnostic grid',
  diagnostics: 'Diagnostic',
  events: 'Event',
  eventNotes: 'Event note',
  toolboxItems: 'Toolbox item',
  loans: 'Loan',
  packingLists: 'Packing list',
  attachments: 'Attached file',
  conflicts: 'Text to settle',
};

/** A type a later release added (the server refused it by its wire name) is shown as it is. */
function typeName(names: Record<RecordType, string>, type: string): string {
  return isRecordType(type) ? names[type] : type;
}

export const messages = {
  fr: {
    title: 'Réseau',
    local:
      'Cet appareil n’a rejoint aucun réseau\u00a0: Valise y fonctionne comme un carnet local, et tout reste sur cet appareil. Rejoignez le réseau pour partager vos saisies avec les autres concierges.',
    joinTitle: 'Rejoindre un réseau',
    serverLabel: 'Adresse du serveur du réseau',
    serverHint: 'Celle que l’admin du réseau vous a donnée, par exemple https://valise.mon-reseau.fr',
    codeLabel: 'Code d’invitation',
    codeHint: 'Trois groupes de quatre caractères, par exemple JWA2-F9K6-TTZF.',
    memberLabel: 'Votre nom',
    memberHint: 'Il accompagne ce que vous écrivez, sur tous les appareils du réseau.',
    deviceLabel: 'Nom de cet appareil',
    deviceHint: 'Pour que l’admin le reconnaisse, par exemple «\u00a0Téléphone de Camille\u00a0».',
    join: 'Rejoindre le réseau',
    joining: 'Connexion au réseau…',
    joined: (network: string) => `Cet appareil a rejoint «\u00a0${network}\u00a0».`,
    joinedOwnChanges: 'Ce que vous aviez déjà noté part vers le réseau.',
    // True as well for the first admin of a brand-new network, which has no visit to send yet.
    joinedNext:
      'S’il y a déjà des visites dans le réseau, elles arrivent avec cette première synchronisation\u00a0: retrouvez-les dans Visites.',
    toVisits: 'Aller aux visites',
    serverCompleted:
      'https:// ajouté, pour une connexion chiffrée. Si l’admin vous a donné une adresse en http://, tapez-la en entier.',
    invalidServer:
      'Ce n’est pas l’adresse d’un serveur\u00a0: tapez-la comme l’admin vous l’a donnée, sans espace, par exemple valise.mon-reseau.fr.',
    invalidCode:
      'Ce n’est pas un code d’invitation\u00a0: il a 12 lettres et chiffres, par exemple JWA2-F9K6-TTZF. Vous pouvez aussi coller le lien d’invitation entier.',
    codeLength: (length: number) =>
      `Un code d’invitation a 12 lettres et chiffres, par exemple JWA2-F9K6-TTZF\u202f; celui-ci en a ${length}. Vérifiez-le, ou collez le lien d’invitation entier.`,
    codeCharacters: (characters: string) =>
      `Un code d’invitation n’a jamais de 0, O, 1, I ni L, qui se confondent\u202f; celui-ci a «\u00a0${characters}\u00a0». Vérifiez-le, ou collez le lien d’invitation entier.`,
    joinInvalidInvitation:
      'Ce code d’invitation est inconnu, déjà utilisé ou expiré. Demandez-en un nouveau à l’admin du réseau.',
    joinUnreachable:
      'Impossible de joindre le serveur à cette adresse. Vérifiez l’adresse et la connexion, puis réessayez.',
    joinInvalidInput: 'Le serveur a refusé ces informations\u00a0: vérifiez le code et les noms.',
    joinFixFields: 'Le réseau n’est pas encore rejoint\u00a0: corrigez les champs signalés.',
    joinServer: 'Le serveur a rencontré un problème. Réessayez dans un moment\u202f; rien n’a changé sur cet appareil.',
    joinNotValise:
      'Cette adresse ne répond pas comme un serveur Valise (un autre site, une page de connexion au Wi-Fi\u202f?). Vérifiez l’adresse, celle du lien d’invitation, et la connexion, puis réessayez.',
    joinUpgradeRequired:
      'Cette version de Valise est trop ancienne pour ce serveur\u00a0: mettez-la à jour (bandeau «\u00a0Mise à jour nécessaire\u00a0»), puis réessayez.',
    networkName: 'Réseau',
    you: 'Vous',
    role: (label: string) => `Rôle\u00a0: ${label}`,
    deviceRemoved: 'Appareil retiré du réseau',
    status: 'État',
    syncNow: 'Synchroniser',
    pendingNone: 'Tout a été envoyé.',
    conflictsTitle: 'Textes à départager',
    conflictsNone: 'Plus aucun texte à départager.',
    conflictsExplain:
      'Ces textes ont été modifiés en même temps sur deux appareils\u00a0: comparez les versions et gardez la bonne, ici ou sur la fiche concernée. Pour une note d’événement, c’est à son auteur ou à un administrateur de choisir.',
    conflictWhere: (field: string) => `Champ «\u00a0${field}\u00a0»`,
    rejectedTitle: 'Modifications refusées par le serveur',
    rejectedExplain:
      'Le serveur n’a pas accepté ces modifications. Elles sont gardées ici avec la raison, pour que rien de ce que vous avez écrit ne se perde.',
    rejectedValues: 'Ce que vous aviez saisi',
    rejectedDismiss: 'J’ai noté, effacer',
    recordsNotKept: (count: number, when: string) =>
      `Le serveur du réseau a envoyé ${formatNumber(count, 'fr')} élément${count > 1 ? 's' : ''} (visites, lieux…) dont des champs n’ont pas la forme attendue, le dernier ${when}. Cet appareil ne les a pas enregistrés\u00a0: il garde ce qu’il avait et continue de se synchroniser. Prévenez l’admin du réseau\u00a0: le serveur est peut-être endommagé, ou d’une version que cette application ne sait pas lire.`,
    recordsNotKeptDismiss: 'J’ai noté',
    rejectedType: (type: string) => typeName(TYPE_NAMES_FR, type),
    rejectedUnnamed: 'sans nom',
    adminTitle: 'Administration du réseau',
    inviteRole: 'Rôle de la personne invitée',
    inviteNewMember:
      'Une invitation fait entrer une nouvelle personne. Pour un autre appareil d’une personne déjà membre (qui pourra y modifier ses notes), invitez-le depuis la liste des appareils\u00a0: «\u00a0Nouvel appareil pour…\u00a0».',
    invite: 'Créer une invitation',
    invitationReady: 'Invitation prête (à usage unique)\u00a0:',
    invitationFor: (name: string) =>
      `Nouvel appareil pour ${name}\u00a0: il rejoindra le réseau sous ce nom, et pourra modifier ses notes.`,
    inviteFor: (name: string) => `Nouvel appareil pour ${name}`,
    invitationCode: 'Code\u00a0:',
    invitationLink: (link: string) => `Lien\u00a0: ${link}`,
    invitationExpires: (when: string) => `Valable jusqu’au ${when}.`,
    invitationThisComputer:
      'Cette adresse est celle de cet ordinateur\u00a0: le lien ne s’ouvre que dans un navigateur de cet ordinateur. Pour rejoindre le réseau, un téléphone a besoin de l’adresse https:// du réseau (le README du serveur explique comment l’obtenir).',
    invitationCopy: 'Copier le lien',
    invitationShare: 'Envoyer le lien…',
    invitationCopied: 'Lien copié\u00a0: collez-le dans un message à la personne invitée.',
    invitationCopyRefused: 'Le navigateur n’a pas permis la copie\u00a0: sélectionnez le lien ci-dessus.',
    invitationShareTitle: 'Invitation à Valise',
    invitationShareText: (when: string) =>
      `Pour rejoindre le réseau sur Valise, ouvrez ce lien sur votre téléphone (une seule fois, avant le ${when})\u00a0:`,
    invitationCancel: 'Annuler cette invitation',
    invitationCancelConfirm: (code: string) =>
      `Annuler l’invitation ${code}\u202f? Son code et son lien ne permettront plus de rejoindre le réseau.`,
    invitationCancelled: (code: string) =>
      `Invitation ${code} annulée\u00a0: son code et son lien ne permettent plus de rejoindre le réseau.`,
    invitationNotOpen:
      'Cette invitation n’est plus ouverte\u00a0: elle a déjà servi, a expiré ou a été annulée. La liste des appareils dit si quelqu’un a rejoint le réseau.',
    devicesTitle: 'Appareils du réseau',
    devicesLoad: 'Afficher les appareils',
    deviceSeen: (when: string) => `vu ${when}`,
    deviceNeverSeen: 'jamais vu',
    deviceRevoked: 'retiré',
    thisDevice: 'cet appareil',
    selfRevoked:
      'Cet appareil a été retiré du réseau\u00a0: il ne synchronise plus. Vos données restent ici\u202f; pour synchroniser de nouveau, demandez une invitation à un autre admin.',
    deviceRevoke: 'Retirer cet appareil',
    deviceRevokeConfirm: (name: string) =>
      `Retirer «\u00a0${name}\u00a0» du réseau\u202f? Il ne pourra plus synchroniser.`,
    adminDeviceRevokeConfirm: (name: string) =>
      `Retirer «\u00a0${name}\u00a0» du réseau\u202f? Il ne pourra plus synchroniser, et les invitations pas encore utilisées seront annulées (celles qu’il a pu créer comprises)\u00a0: invitez de nouveau les personnes attendues.`,
    adminFailed: 'L’action n’a pas abouti. Vérifiez la connexion au serveur et réessayez.',
    networkRenameLabel: 'Nom du réseau',
    networkRenameHint: 'Tel que chaque appareil du réseau l’affiche.',
    networkRename: 'Renommer le réseau',
    networkRenameInvalid: 'Donnez au réseau un nom (120 caractères au plus).',
    networkRenamed: (name: string) =>
      `Le réseau s’appelle désormais «\u00a0${name}\u00a0». Les autres appareils l’affichent à leur prochaine synchronisation.`,
    lastAdmin:
      'C’est le dernier appareil administrateur du réseau\u00a0: sans lui, plus personne ne pourrait inviter ni retirer un appareil. Invitez d’abord un autre administrateur.',
    recordsUsage: (count: number, bytes: string) =>
      `Données du réseau\u00a0: ${formatNumber(count, 'fr')} élément${count > 1 ? 's' : ''}, ${bytes}.`,
    recordsUsageOf: (count: number, used: string, quota: string, percent: string) =>
      `Données du réseau\u00a0: ${formatNumber(count, 'fr')} élément${count > 1 ? 's' : ''}, ${used} sur ${quota} (${percent}).`,
    recordsFull:
      'Quand cette place est pleine, le serveur refuse les nouvelles données (elles attendent sur les appareils)\u00a0: augmentez VALISE_NETWORK_RECORD_BYTES.',
    recordsUnknown: 'Données du réseau\u00a0: volume inconnu.',
    recordsReading: 'Données du réseau\u00a0: lecture…',
    filesUsage: (used: string, quota: string, percent: string) =>
      `Fichiers du réseau\u00a0: ${used} sur ${quota} (${percent}).`,
    filesFull:
      'Quand l’espace est plein, le serveur refuse les nouveaux fichiers\u00a0: faites de la place ou augmentez VALISE_NETWORK_STORAGE_BYTES.',
    filesUnknown: 'Fichiers du réseau\u00a0: espace utilisé inconnu (serveur injoignable).',
    filesReading: 'Fichiers du réseau\u00a0: lecture de l’espace utilisé…',
    leaveTitle: 'Quitter le réseau',
    leaveExplain:
      'Cet appareil ne synchronisera plus. Vous pourrez rejoindre de nouveau le réseau avec une invitation.',
    leavePending: (count: number) =>
      `${formatNumber(count, 'fr')} modification${count > 1 ? 's' : ''} n’${count > 1 ? 'ont' : 'a'} pas encore été envoyée${count > 1 ? 's' : ''} au réseau. Synchronisez d’abord si vous le pouvez.`,
    leaveWipe: 'Effacer aussi toutes les données de cet appareil (appareil partagé ou prêté)',
    leaveWipeLoss: 'Je comprends que les modifications non envoyées seront définitivement perdues.',
    leaveConfirm: 'Quitter le réseau',
    leaveBackupOffer:
      'Avant de partir, gardez une copie de vos données\u00a0: une sauvegarde se restaure plus tard sur cet appareil ou sur un autre.',
    leaveBackup: 'Enregistrer une sauvegarde',
    leaveBackupSaved: 'Sauvegarde enregistrée dans vos téléchargements.',
    leaveBackupFailed: 'La sauvegarde n’a pas pu être préparée. Réessayez avant de quitter le réseau.',
  },
  en: {
    title: 'Network',
    local:
      'This device has not joined a network: Valise works as a local notebook and everything stays on this device. Join the network to share what you write with the other concierges.',
    joinTitle: 'Join a network',
    serverLabel: 'Address of the network’s server',
    serverHint: 'The one the network’s admin gave you, e.g. https://valise.my-network.org',
    codeLabel: 'Invitation code',
    codeHint: 'Three groups of four characters, e.g. JWA2-F9K6-TTZF.',
    memberLabel: 'Your name',
    memberHint: 'It goes with what you write, on every device of the network.',
    deviceLabel: 'Name of this device',
    deviceHint: 'So the admin recognises it, e.g. “Camille’s phone”.',
    join: 'Join the network',
    joining: 'Connecting to the network…',
    joined: (network: string) => `This device joined “${network}”.`,
    joinedOwnChanges: 'What you had written is going to the network.',
    joinedNext: 'If the network already has visits, they arrive with this first sync: find them in Visits.',
    toVisits: 'Go to visits',
    serverCompleted:
      'https:// added, for an encrypted connection. If the admin gave you an http:// address, type it in full.',
    invalidServer:
      'This is not a server’s address: type it as the admin gave it, without spaces, e.g. valise.my-network.org.',
    invalidCode:
      'This is not an invitation code: it has 12 letters and digits, e.g. JWA2-F9K6-TTZF. You may also paste the whole invitation link.',
    codeLength: (length: number) =>
      `An invitation code has 12 letters and digits, e.g. JWA2-F9K6-TTZF; this one has ${length}. Check it, or paste the whole invitation link.`,
    codeCharacters: (characters: string) =>
      `An invitation code never has 0, O, 1, I or L, which look alike; this one has “${characters}”. Check it, or paste the whole invitation link.`,
    joinInvalidInvitation: 'This invitation code is unknown, used or expired. Ask the network’s admin for a new one.',
    joinUnreachable:
      'The server cannot be reached at this address. Check the address and the connection, then try again.',
    joinInvalidInput: 'The server refused this information: check the code and the names.',
    joinFixFields: 'The network is not joined yet: fix the fields marked.',
    joinServer: 'The server had a problem. Try again in a moment; nothing changed on this device.',
    joinNotValise:
      'This address does not answer as a Valise server (another site, a Wi-Fi login page?). Check the address, the one in the invitation link, and the connection, then try again.',
    joinUpgradeRequired:
      'This version of Valise is too old for this server: update it (“Update required” banner), then try again.',
    networkName: 'Network',
    you: 'You',
    role: (label: string) => `Role: ${label}`,
    deviceRemoved: 'Device removed from the network',
    status: 'Status',
    syncNow: 'Sync now',
    pendingNone: 'Everything has been sent.',
    conflictsTitle: 'Texts to settle',
    conflictsNone: 'No text left to settle.',
    conflictsExplain:
      'These texts were changed at the same time on two devices: compare the versions and keep the right one, here or on the record’s page. For an event note, its author or an admin chooses.',
    conflictWhere: (field: string) => `Field “${field}”`,
    rejectedTitle: 'Changes refused by the server',
    rejectedExplain:
      'The server did not accept these changes. They are kept here with the reason, so nothing you wrote is lost.',
    rejectedValues: 'What you had entered',
    rejectedDismiss: 'Noted, remove',
    recordsNotKept: (count: number, when: string) =>
      `The network’s server sent ${formatNumber(count, 'en')} record${count === 1 ? '' : 's'} (visits, lieux…) with fields not of the expected shape, the last ${when}. This device did not keep them: it keeps what it had and goes on syncing. Tell the network’s admin: the server may be damaged, or of a version this app cannot read.`,
    recordsNotKeptDismiss: 'Noted',
    rejectedType: (type: string) => typeName(TYPE_NAMES_EN, type),
    rejectedUnnamed: 'unnamed',
    adminTitle: 'Network administration',
    inviteRole: 'Role of the invited person',
    inviteNewMember:
      'An invitation lets in a new person. For another device of someone already a member (who may change their notes there), invite it from the devices list: “New device for…”.',
    invite: 'Create an invitation',
    invitationFor: (name: string) =>
      `New device for ${name}: it will join the network under that name, and may change their notes.`,
    inviteFor: (name: string) => `New device for ${name}`,
    invitationReady: 'Invitation ready (single use):',
    invitationCode: 'Code:',
    invitationLink: (link: string) => `Link: ${link}`,
    invitationExpires: (when: string) => `Valid until ${when}.`,
    invitationThisComputer:
      'This address is this computer’s own: the link opens only in a browser of this computer. To join the network, a phone needs the network’s https:// address (the server’s README explains how to get one).',
    invitationCopy: 'Copy the link',
    invitationShare: 'Send the link…',
    invitationCopied: 'Link copied: paste it in a message to the invited person.',
    invitationCopyRefused: 'The browser did not allow copying: select the link above.',
    invitationShareTitle: 'Invitation to Valise',
    invitationShareText: (when: string) =>
      `To join the network on Valise, open this link on your phone (once, before ${when}):`,
    invitationCancel: 'Cancel this invitation',
    invitationCancelConfirm: (code: string) =>
      `Cancel the invitation ${code}? Its code and link will no longer let anyone join the network.`,
    invitationCancelled: (code: string) =>
      `Invitation ${code} cancelled: its code and link no longer let anyone join the network.`,
    invitationNotOpen:
      'This invitation is no longer open: it was used, expired or cancelled. The list of devices tells whether someone joined the network.',
    devicesTitle: 'Devices of the network',
    devicesLoad: 'Show the devices',
    deviceSeen: (when: string) => `seen ${when}`,
    deviceNeverSeen: 'never seen',
    deviceRevoked: 'removed',
    thisDevice: 'this device',
    selfRevoked:
      'This device was removed from the network: it no longer syncs. Your data stays here; to sync again, ask another admin for an invitation.',
    deviceRevoke: 'Remove this device',
    deviceRevokeConfirm: (name: string) => `Remove “${name}” from the network? It will no longer sync.`,
    adminDeviceRevokeConfirm: (name: string) =>
      `Remove “${name}” from the network? It will no longer sync, and the invitations not used yet will be cancelled (any it created among them): invite the people you expect again.`,
    adminFailed: 'The action failed. Check the connection to the server and try again.',
    networkRenameLabel: 'Network name',
    networkRenameHint: 'As every device of the network shows it.',
    networkRename: 'Rename the network',
    networkRenameInvalid: 'Give the network a name (120 characters at most).',
    networkRenamed: (name: string) => `The network is now called “${name}”. Other devices show it at their next sync.`,
    lastAdmin:
      'This is the network’s last admin device: without it, no one could invite or remove a device. Invite another admin first.',
    recordsUsage: (count: number, bytes: string) =>
      `Network data: ${formatNumber(count, 'en')} record${count === 1 ? '' : 's'}, ${bytes}.`,
    recordsUsageOf: (count: number, used: string, quota: string, percent: string) =>
      `Network data: ${formatNumber(count, 'en')} record${count === 1 ? '' : 's'}, ${used} of ${quota} (${percent}).`,
    recordsFull:
      'When this space is full, the server refuses new data (it waits on the devices): raise VALISE_NETWORK_RECORD_BYTES.',
    recordsUnknown: 'Network data: size unknown.',
    recordsReading: 'Network data: reading…',
    filesUsage: (used: string, quota: string, percent: string) => `Network files: ${used} of ${quota} (${percent}).`,
    filesFull: 'When the space is full, the server refuses new files: make room or raise VALISE_NETWORK_STORAGE_BYTES.',
    filesUnknown: 'Network files: space used unknown (server unreachable).',
    filesReading: 'Network files: reading the space used…',
    leaveTitle: 'Leave the network',
    leaveExplain: 'This device will no longer sync. You can join the network again with an invitation.',
    leavePending: (count: number) =>
      `${formatNumber(count, 'en')} change${count > 1 ? 's have' : ' has'} not been sent to the network yet. Sync first if you can.`,
    leaveWipe: 'Also erase all data of this device (shared or borrowed device)',
    leaveWipeLoss: 'I understand that unsent changes will be lost for good.',
    leaveConfirm: 'Leave the network',
    leaveBackupOffer: 'Before leaving, keep a copy of your data: a backup restores later on this device or another.',
    leaveBackup: 'Save a backup',
    leaveBackupSaved: 'Backup saved to your downloads.',
    leaveBackupFailed: 'The backup could not be prepared. Try again before leaving the network.',
  },
} satisfies Messages;
