// The words of the domain's closed lists (vocabulary.ts), French and English, in one place
// for the screens and the exports alike. Events and services keep theirs beside their types
// (event-labels.ts, services.ts).
import type {
  LegalStructure,
  OrganisationKind,
  Role,
  TerritoryScale,
  ToolboxKind,
  TripKind,
  Typology,
} from './vocabulary';

type Labels<K extends string> = Record<K, { fr: string; en: string }>;

export const ORGANISATION_KIND_LABELS: Labels<OrganisationKind> = {
  tiers_lieu: { fr: 'Tiers-lieu', en: 'Third place' },
  project_holder: { fr: 'Porteur de projet', en: 'Project holder' },
  local_authority: { fr: 'Collectivité', en: 'Local authority' },
  partner: { fr: 'Partenaire', en: 'Partner' },
  network: { fr: 'Réseau', en: 'Network' },
  other: { fr: 'Autre', en: 'Other' },
};

export const TYPOLOGY_LABELS: Labels<Typology> = {
  coworking: { fr: 'Coworking', en: 'Coworking' },
  cultural: { fr: 'Culturel', en: 'Cultural' },
  fablab: { fr: 'Fablab / makerspace / hackerspace', en: 'Fablab / makerspace / hackerspace' },
  shared_workshops: { fr: 'Ateliers artisanaux partagés', en: 'Shared craft workshops' },
  living_lab: { fr: 'Living lab', en: 'Living lab' },
  food: { fr: 'Nourricier', en: 'Food' },
  shared_kitchen: { fr: 'Cuisine partagée', en: 'Shared kitchen' },
  hybrid: { fr: 'Lieu hybride', en: 'Hybrid place' },
  other: { fr: 'Autre', en: 'Other' },
};

export const LEGAL_STRUCTURE_LABELS: Labels<LegalStructure> = {
  informal: { fr: 'Collectif informel', en: 'Informal group' },
  association: { fr: 'Association', en: 'Association' },
  sarl: { fr: 'SARL', en: 'SARL (limited company)' },
  scop: { fr: 'Scop', en: 'Scop (workers’ cooperative)' },
  scic: { fr: 'SCIC', en: 'SCIC (multi-stakeholder cooperative)' },
  other: { fr: 'Autre', en: 'Other' },
};

export const TERRITORY_SCALE_LABELS: Labels<TerritoryScale> = {
  bassin_de_vie: { fr: 'Bassin de vie', en: 'Living area' },
  departement: { fr: 'Département', en: 'Département' },
  region: { fr: 'Région', en: 'Region' },
  national: { fr: 'National', en: 'National' },
};

export const TOOLBOX_KIND_LABELS: Labels<ToolboxKind> = {
  kit: { fr: 'Kit matériel', en: 'Physical kit' },
  digital_tool: { fr: 'Outil numérique', en: 'Digital tool' },
  method_sheet: { fr: 'Fiche méthode', en: 'Method sheet' },
  document: { fr: 'Document', en: 'Document' },
  resource_contact: { fr: 'Contact ressource', en: 'Resource contact' },
};

export const TRIP_KIND_LABELS: Labels<TripKind> = {
  field_visit: { fr: 'Visite de terrain', en: 'Field visit' },
  workshop: { fr: 'Animation d’atelier', en: 'Running a workshop' },
  fair_stand: { fr: 'Stand sur un salon', en: 'Stand at a fair' },
  network_meeting: { fr: 'Rencontre réseau', en: 'Network meeting' },
  other: { fr: 'Autre déplacement', en: 'Other trip' },
};

/** A device's role in its network, as an invitation, the devices' list and Réglages show it. */
export const ROLE_LABELS: Labels<Role> = {
  admin: { fr: 'Admin', en: 'Admin' },
  concierge: { fr: 'Concierge', en: 'Concierge' },
};
