import type { Messages } from '../i18n/messages';

export const followUpMessages = {
  fr: {
    done: (text: string) => `Fait\u00a0: ${text}`,
    due: (when: string) => `Pour le ${when}`,
    overdue: (when: string) => `En retard — pour le ${when}`,
    doneOn: (when: string) => `Fait le ${when}`,
    none: 'Aucun suivi pour l’instant.',
    newText: 'Nouveau suivi',
    newDue: 'Pour le',
    owner: 'Qui s’en charge',
    add: 'Ajouter le suivi',
    inAWeek: 'Dans une semaine',
    failed: 'Ce suivi n’a pas pu être enregistré\u202f; votre saisie est conservée, réessayez.',
  },
  en: {
    done: (text: string) => `Done: ${text}`,
    due: (when: string) => `Due ${when}`,
    overdue: (when: string) => `Overdue — due ${when}`,
    doneOn: (when: string) => `Done on ${when}`,
    none: 'No follow-up yet.',
    newText: 'New follow-up',
    newDue: 'Due',
    owner: 'Who takes it',
    add: 'Add the follow-up',
    inAWeek: 'In a week',
    failed: 'This follow-up could not be saved; your input is kept, try again.',
  },
} satisfies Messages;
