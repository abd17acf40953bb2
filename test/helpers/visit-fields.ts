/** The fields of a first-meeting visit noting `notes`, as the visit form saves them. */
export const firstMeetingVisit = (notes = '') => ({
  visitedAt: '2026-11-20T09:00:00.000Z',
  purpose: 'Premier rendez-vous',
  notes,
  services: ['detect' as const],
});
