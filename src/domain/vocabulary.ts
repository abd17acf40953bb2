// Closed lists of the domain (DOMAIN.md). Keys are stable identifiers stored in records;
// their French/English labels live in vocabulary-labels.ts, for screens and exports alike, and
// are read with labelOf (label-of.ts).
export const ORGANISATION_KINDS = [
  'tiers_lieu',
  'project_holder',
  'local_authority',
  'partner',
  'network',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Typologies used by the national observatory of tiers-lieux. */
export const TYPOLOGIES = [
  'coworking',
  'cultural',
  'fablab',
  'shared_workshops',
  'living_lab',
  'food',
  'shared_kitchen',
  'hybrid',
  'other',
] as const;
export type Typology = (typeof TYPOLOGIES)[number];

export const LEGAL_STRUCTURES = ['informal', 'association', 'sarl', 'scop', 'scic', 'other'] as const;
export type LegalStructure = (typeof LEGAL_STRUCTURES)[number];

export const TERRITORY_SCALES = ['bassin_de_vie', 'departement', 'region', 'national'] as const;
export type TerritoryScale = (typeof TERRITORY_SCALES)[number];

export const EVENT_KINDS = [
  'network_meeting',
  'peer_exchange',
  'training',
  'workshop',
  'social',
  'governance',
  'fair',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const TOOLBOX_KINDS = ['kit', 'digital_tool', 'method_sheet', 'document', 'resource_contact'] as const;
export type ToolboxKind = (typeof TOOLBOX_KINDS)[number];

export const TRIP_KINDS = ['field_visit', 'workshop', 'fair_stand', 'network_meeting', 'other'] as const;
export type TripKind = (typeof TRIP_KINDS)[number];

export const ROLES = ['admin', 'concierge'] as const;
export type Role = (typeof ROLES)[number];
