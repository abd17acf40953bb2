import type { Messages } from '../../i18n/messages';

export const messages = {
  fr: {
    title: 'À faire',
    purpose: 'Les suivis de vos visites et événements, du plus urgent au plus lointain.',
    overdue: 'En retard',
    today: 'Aujourd’hui',
    thisWeek: 'Cette semaine',
    later: 'Plus tard',
    undated: 'Sans date',
    emptyTitle: 'Rien à faire pour l’instant',
    emptyText: 'Les suivis notés avec une visite ou un événement apparaîtront ici.',
    ofVisit: 'Voir la visite',
    ofEvent: 'Voir l’événement',
    backToVisits: 'Visites',
  },
  en: {
    title: 'To do',
    purpose: 'Follow-ups of your visits and events, most urgent first.',
    overdue: 'Overdue',
    today: 'Today',
    thisWeek: 'This week',
    later: 'Later',
    undated: 'No date',
    emptyTitle: 'Nothing to do for now',
    emptyText: 'Follow-ups noted with a visit or an event will show here.',
    ofVisit: 'See the visit',
    ofEvent: 'See the event',
    backToVisits: 'Visits',
  },
} satisfies Messages;
