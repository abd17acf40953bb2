import { formatNumber } from '../../../domain/numbers';
import type { Messages } from '../../i18n/messages';

export const messages = {
  fr: {
    title: 'Fichiers de la valise',
    usage: (count: number, size: string) =>
      count === 0
        ? 'Aucun fichier de la valise n’est gardé sur cet appareil.'
        : `${count === 1 ? '1 fichier' : `${formatNumber(count, 'fr')} fichiers`} de la valise sur cet appareil\u00a0: ${size}.`,
    explain:
      'Libérer retire ces fichiers de cet appareil seulement\u202f; ceux marqués «\u00a0disponible hors ligne\u00a0» sont téléchargés de nouveau à la prochaine ouverture de la valise avec du réseau.',
    free: 'Libérer cet espace',
    confirm: 'Retirer les fichiers de la valise de cet appareil\u202f? Ils restent sur le serveur du réseau.',
    freed: (count: number) =>
      count === 1
        ? '1 fichier retiré de cet appareil.'
        : `${formatNumber(count, 'fr')} fichiers retirés de cet appareil.`,
  },
  en: {
    title: 'Toolbox files',
    usage: (count: number, size: string) =>
      count === 0
        ? 'No toolbox file is kept on this device.'
        : `${count === 1 ? '1 toolbox file' : `${formatNumber(count, 'en')} toolbox files`} on this device: ${size}.`,
    explain:
      'Freeing removes these files from this device only; those marked “available offline” are downloaded again the next time the toolbox opens with a network.',
    free: 'Free this space',
    confirm: 'Remove the toolbox files from this device? They stay on the network’s server.',
    freed: (count: number) =>
      count === 1 ? '1 file removed from this device.' : `${formatNumber(count, 'en')} files removed from this device.`,
  },
} satisfies Messages;
