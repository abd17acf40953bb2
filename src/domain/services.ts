// The eleven services a network of tiers-lieux delivers (DOMAIN.md); every visit, event and
// follow-up is tagged with some of them and reports count activity per service.
export const SERVICE_KEYS = [
  'inform',
  'detect',
  'support_projects',
  'support_large_accounts',
  'support_users',
  'federate',
  'develop',
  'pool',
  'promote',
  'represent',
  'watch',
] as const;

export type ServiceKey = (typeof SERVICE_KEYS)[number];

export const SERVICE_LABELS: Record<ServiceKey, { fr: string; en: string }> = {
  inform: { fr: 'Informer & sensibiliser', en: 'Inform & raise awareness' },
  detect: { fr: 'Détecter', en: 'Detect' },
  support_projects: {
    fr: 'Accompagner les porteurs de projet de tiers-lieux',
    en: 'Support third-place project holders',
  },
  support_large_accounts: { fr: 'Accompagner les grands comptes', en: 'Support large accounts' },
  support_users: { fr: 'Accompagner les utilisateur·rice·s', en: 'Support users' },
  federate: { fr: 'Fédérer', en: 'Federate' },
  develop: { fr: 'Développer', en: 'Develop' },
  pool: { fr: 'Mutualiser', en: 'Pool resources' },
  promote: { fr: 'Valoriser', en: 'Promote' },
  represent: { fr: 'Représenter', en: 'Represent' },
  watch: { fr: 'Veiller & observer', en: 'Watch & observe' },
};
