import { formatNumber } from '../../../../domain/numbers';
import type { RecordType } from '../../../../domain/record-types';
import type { Messages } from '../../../i18n/messages';

const TYPES_FR: Record<RecordType, [string, string]> = {
  organisations: ['lieu ou organisation', 'lieux et organisations'],
  contacts: ['personne', 'personnes'],
  visits: ['visite', 'visites'],
  followUps: ['suivi', 'suivis'],
  diagnosticTemplates: ['grille de diagnostic', 'grilles de diagnostic'],
  diagnostics: ['diagnostic', 'diagnostics'],
  events: ['événement', 'événements'],
  eventNotes: ['note d’événement', 'notes d’événement'],
  toolboxItems: ['élément de la valise', 'éléments de la valise'],
  loans: ['prêt', 'prêts'],
  packingLists: ['liste de départ', 'listes de départ'],
  attachments: ['photo ou fichier', 'photos et fichiers'],
  conflicts: ['texte à départager', 'textes à départager'],
};

const TYPES_EN: Record<RecordType, [string, string]> = {
  organisations: ['place or organisation', 'places and organisations'],
  contacts: ['person', 'people'],
  visits: ['visit', 'visits'],
  followUps: ['follow-up', 'follow-ups'],
  diagnosticTemplates: ['diagnostic grid', 'diagnostic grids'],
  diagnostics: ['diagnostic', 'diagnostics'],
  events: ['event', 'events'],
  eventNotes: ['event note', 'event notes'],
  toolboxItems: ['toolbox item', 'toolbox items'],
  loans: ['loan', 'loans'],
  packingLists: ['packing list', 'packing lists'],
  attachments: ['photo or file', 'photos and files'],
  conflicts: ['text to settle', 'texts to settle'],
};

const plural = (n: number) => (n > 1 ? 's' : '');

export const messages = {
  fr: {
    title: 'Sauvegarde',
    explain:
      'Enregistrez toutes les données de cet appareil dans un fichier, à garder ailleurs (clé USB, ordinateur). Il se restaure sur cet appareil ou sur un autre, sans écraser ce qui a été modifié depuis.',
    lastBackup: 'Dernière sauvegarde',
    never: 'jamais',
    reminder:
      'Des modifications attendent depuis plus de 7 jours sans avoir été envoyées à un réseau ni sauvegardées. Le navigateur peut effacer les données d’un site\u00a0: enregistrez une sauvegarde.',
    includeFiles: 'Inclure les photos et fichiers (le fichier sera plus gros)',
    save: 'Enregistrer une sauvegarde',
    saving: 'Préparation du fichier…',
    savingWait:
      'Ne fermez pas l’application avant la fin\u00a0: ce que vous enregistrez pendant ce temps attend qu’elle soit finie.',
    /** Said by the shell on the other screens meanwhile. */
    savingTitle: 'Sauvegarde en cours',
    savingElsewhere: 'Vos enregistrements attendent qu’elle soit finie\u00a0: ne fermez pas l’application.',
    saved: (count: number) =>
      `Sauvegarde enregistrée dans vos téléchargements\u00a0: ${formatNumber(count, 'fr')} élément${plural(count)}.`,
    saveFailed: 'La sauvegarde n’a pas pu être préparée. Réessayez\u202f; rien n’a été modifié.',
    restoreTitle: 'Restaurer une sauvegarde',
    restoreLabel: 'Fichier de sauvegarde (.json)',
    restoreChoose: 'Choisir un fichier de sauvegarde…',
    restoreHint:
      'Son contenu est fusionné avec cet appareil\u00a0: rien n’est effacé, et une modification plus récente que la sauvegarde est gardée.',
    reading: 'Lecture du fichier…',
    checkingStep: 'Vérification de la sauvegarde…',
    readingShare: (percent: number) => `Lecture du fichier… ${percent}\u00a0%`,
    checking: (checked: number, total: number) =>
      `Vérification de la sauvegarde… ${formatNumber(checked, 'fr')} éléments sur ${formatNumber(total, 'fr')}`,
    summary: (date: string) => `Sauvegarde du ${date}\u00a0:`,
    summaryEmpty: 'Cette sauvegarde ne contient aucun élément.',
    typeCount: (type: RecordType, count: number) => `${formatNumber(count, 'fr')} ${TYPES_FR[type][count > 1 ? 1 : 0]}`,
    foreignNetwork: (name: string) =>
      `Cette sauvegarde vient d’un autre réseau («\u00a0${name}\u00a0»). Si vous la restaurez, ses éléments rejoindront le réseau de cet appareil et seront partagés avec ses membres.`,
    restore: 'Fusionner avec cet appareil',
    restoreForeign: 'Fusionner quand même',
    cancel: 'Annuler',
    restoring: 'Restauration…',
    restoreCancelled: 'Restauration annulée\u00a0: rien n’a été modifié.',
    restored: (added: number, updated: number, unchanged: number) =>
      `Restauration terminée\u00a0: ${formatNumber(added, 'fr')} ajouté${plural(added)}, ${formatNumber(updated, 'fr')} mis à jour, ${formatNumber(unchanged, 'fr')} déjà à jour.`,
    restoredSync: 'Les éléments restaurés partiront vers le réseau à la prochaine synchronisation.',
    notJson:
      'Ce fichier est illisible\u00a0: il n’est pas au format d’une sauvegarde Valise, ou il est incomplet (téléchargement interrompu\u202f?). Rien n’a été modifié.',
    tooDeep:
      'Ce fichier JSON est imbriqué sur plus de 64 niveaux\u00a0: ce n’est pas une sauvegarde Valise (elle en a moins de 20). Choisissez un fichier «\u00a0valise-sauvegarde-….json\u00a0» enregistré depuis Réglages. Rien n’a été modifié.',
    unreadable:
      'Le navigateur n’a pas pu lire ce fichier (retiré de sa clé ou de son disque, ou trop gros). Copiez-le sur cet appareil et réessayez. Rien n’a été modifié.',
    notBackup:
      'Ce fichier n’est pas une sauvegarde Valise. Choisissez un fichier «\u00a0valise-sauvegarde-….json\u00a0» enregistré depuis Réglages. Rien n’a été modifié.',
    newerVersion:
      'Cette sauvegarde vient d’une version plus récente de Valise. Mettez l’application à jour (Réglages → recharger), puis réessayez. Rien n’a été modifié.',
    checksum:
      'Cette sauvegarde a été modifiée ou abîmée depuis son enregistrement\u00a0: elle est refusée pour ne rien corrompre. Rien n’a été modifié.',
    invalidRecord: (what: string, detail: string) =>
      `Un élément de cette sauvegarde est invalide (${what}${detail ? `\u00a0: ${detail}` : ''}). Elle est refusée en entier\u202f; rien n’a été modifié.`,
    unknownWithoutId: (count: number) =>
      `${count === 1 ? '1 élément d’un type inconnu de cette version n’a' : `${formatNumber(count, 'fr')} éléments d’un type inconnu de cette version n’ont`} pas d’identifiant\u00a0: cette sauvegarde a été fabriquée ou modifiée hors de Valise. Elle est refusée en entier\u202f; rien n’a été modifié.`,
    damagedFile:
      'Une photo ou un fichier de cette sauvegarde est abîmé. Elle est refusée en entier\u202f; rien n’a été modifié.',
    restoreFailed:
      'La restauration n’a pas abouti (stockage plein\u202f?). Rien n’a été modifié\u202f; libérez de la place et réessayez.',
    typeName: (type: RecordType) => TYPES_FR[type][0],
    reportsTitle: 'Rapports et exports',
    reportsExplain:
      'Veiller & observer\u00a0: l’activité du réseau sur une période (visites par service, lieux accompagnés, suivis, événements), à imprimer ou à exporter en CSV pour un tableur.',
    reportsOpen: 'Ouvrir les rapports',
  },
  en: {
    title: 'Backup',
    explain:
      'Save all the data of this device to a file to keep elsewhere (USB stick, computer). It restores on this device or another, without overwriting what changed since.',
    lastBackup: 'Last backup',
    never: 'never',
    reminder:
      'Some changes have waited more than 7 days without being sent to a network or backed up. The browser may erase a site’s data: save a backup.',
    includeFiles: 'Include photos and files (the file will be larger)',
    save: 'Save a backup',
    saving: 'Preparing the file…',
    savingWait: 'Do not close the app before it is done: anything you save meanwhile waits for it.',
    savingTitle: 'Backup in progress',
    savingElsewhere: 'Your saves wait until it is done: do not close the app.',
    saved: (count: number) => `Backup saved to your downloads: ${formatNumber(count, 'en')} item${plural(count)}.`,
    saveFailed: 'The backup could not be prepared. Try again; nothing changed.',
    restoreTitle: 'Restore a backup',
    restoreLabel: 'Backup file (.json)',
    restoreChoose: 'Choose a backup file…',
    restoreHint:
      'Its content is merged into this device: nothing is erased, and an edit more recent than the backup is kept.',
    reading: 'Reading the file…',
    checkingStep: 'Checking the backup…',
    readingShare: (percent: number) => `Reading the file… ${percent}%`,
    checking: (checked: number, total: number) =>
      `Checking the backup… ${formatNumber(checked, 'en')} items of ${formatNumber(total, 'en')}`,
    summary: (date: string) => `Backup of ${date}:`,
    summaryEmpty: 'This backup holds no item.',
    typeCount: (type: RecordType, count: number) => `${formatNumber(count, 'en')} ${TYPES_EN[type][count > 1 ? 1 : 0]}`,
    foreignNetwork: (name: string) =>
      `This backup comes from another network (“${name}”). If you restore it, its items join this device’s network and are shared with its members.`,
    restore: 'Merge into this device',
    restoreForeign: 'Merge anyway',
    cancel: 'Cancel',
    restoring: 'Restoring…',
    restoreCancelled: 'Restore cancelled: nothing changed.',
    restored: (added: number, updated: number, unchanged: number) =>
      `Restore finished: ${formatNumber(added, 'en')} added, ${formatNumber(updated, 'en')} updated, ${formatNumber(unchanged, 'en')} already up to date.`,
    restoredSync: 'The restored items will go to the network at the next sync.',
    notJson:
      'This file cannot be read: it is not a Valise backup, or it is incomplete (interrupted download?). Nothing changed.',
    tooDeep:
      'This JSON file is nested more than 64 levels deep: it is no Valise backup (one nests fewer than 20). Choose a “valise-sauvegarde-….json” file saved from Settings. Nothing changed.',
    unreadable:
      'The browser could not read this file (removed from its drive, or too large). Copy it onto this device and try again. Nothing changed.',
    notBackup:
      'This file is not a Valise backup. Choose a “valise-sauvegarde-….json” file saved from Settings. Nothing changed.',
    newerVersion:
      'This backup comes from a newer version of Valise. Update the app (Settings → reload), then try again. Nothing changed.',
    checksum:
      'This backup was modified or damaged since it was saved: it is refused so nothing gets corrupted. Nothing changed.',
    invalidRecord: (what: string, detail: string) =>
      `An item of this backup is invalid (${what}${detail ? `: ${detail}` : ''}). It is refused whole; nothing changed.`,
    unknownWithoutId: (count: number) =>
      `${count === 1 ? '1 item of a type this version does not know has' : `${formatNumber(count, 'en')} items of a type this version does not know have`} no id: this backup was made or edited outside Valise. It is refused whole; nothing changed.`,
    damagedFile: 'A photo or file of this backup is damaged. It is refused whole; nothing changed.',
    restoreFailed: 'The restore did not complete (storage full?). Nothing changed; free some space and try again.',
    typeName: (type: RecordType) => TYPES_EN[type][0],
    reportsTitle: 'Reports and exports',
    reportsExplain:
      'Watch & observe: the network’s activity over a period (visits per service, places supported, follow-ups, events), to print or export as CSV for a spreadsheet.',
    reportsOpen: 'Open the reports',
  },
} satisfies Messages;
