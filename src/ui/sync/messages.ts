// The sync state in a few words: what the shell's indicator shows on every screen.
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
  },
} satisfies Messages;
