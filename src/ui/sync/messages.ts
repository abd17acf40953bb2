// The sync state in a few words: what the shell's indicator shows on every screen.

import { formatNumber } from '../../domain/numbers';
import type { Messages } from '../i18n/messages';

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

export const messages = {
  fr: {
    indicatorName: (seen: string, state: string) => `${seen}. État de la synchronisation\u00a0: ${state}`,
    offline: 'Hors ligne',
    syncing: 'Synchronisation…',
    syncingProgress: (percent: number) => `Synchronisation… ${percent}\u00a0%`,
    upToDate: 'À jour',
    toSend: 'Modifications à envoyer',
    toSendShort: 'À envoyer',
    filesToSend: 'Fichiers à envoyer',
    error: 'Erreur de synchronisation',
    errorShort: 'Erreur',
    syncingShort: (percent: number | null) => (percent === null ? 'Synchro…' : `Synchro ${percent}\u00a0%`),
    pending: (count: number) =>
      `${formatNumber(count, 'fr')} ${plural(count, 'modification', 'modifications')} à envoyer`,
    toSettleShort: 'À choisir',
    toSettle: (count: number) =>
      `${formatNumber(count, 'fr')} ${plural(count, 'texte', 'textes')} à départager\u00a0: modifié sur deux appareils, sa version est à choisir`,
  },
  en: {
    indicatorName: (seen: string, state: string) => `${seen}. Sync status: ${state}`,
    offline: 'Offline',
    syncing: 'Syncing…',
    syncingProgress: (percent: number) => `Syncing… ${percent}%`,
    upToDate: 'Up to date',
    toSend: 'Changes to send',
    toSendShort: 'To send',
    filesToSend: 'Files to send',
    error: 'Sync error',
    errorShort: 'Error',
    syncingShort: (percent: number | null) => (percent === null ? 'Syncing…' : `Syncing ${percent}%`),
    pending: (count: number) => `${formatNumber(count, 'en')} ${plural(count, 'change', 'changes')} to send`,
    toSettleShort: 'To choose',
    toSettle: (count: number) =>
      `${formatNumber(count, 'en')} ${plural(count, 'text', 'texts')} to settle: changed on two devices, its version is to choose`,
  },
} satisfies Messages;
