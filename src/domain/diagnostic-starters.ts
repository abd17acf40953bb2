// The two grids every network gets before an admin writes its own: "Diagnostic d'un projet de
// tiers-lieu" and "Diagnostic territorial", built from the public reference grids of
// DOMAIN.md. They have fixed ids so diagnostics filled with them on any device point to the
// same grid; an admin who edits one publishes version 2 of the same family on the network.
import type { DiagnosticTemplate, Question, Section } from './diagnostic';

const STARTER_NETWORK = 'builtin';
const STARTER_DATE = '2026-01-01T00:00:00.000Z';

export const PROJECT_STARTER_ID = '00000000-0000-7000-8000-00000000d001';
const TERRITORY_STARTER_ID = '00000000-0000-7000-8000-00000000d002';

/** Levels of a maturity scale, used where a question has no words of its own. */
const MATURITY = ['Absent', 'Idée', 'En construction', 'En place', 'Solide et partagé'];

function scale(id: string, label: string, levels: string[] = MATURITY, weight = 1, help?: string): Question {
  return { id, kind: 'scale', label, help: help ?? null, scored: true, weight, levels, retired: false };
}

function single(id: string, label: string, options: [string, string, number | null][], weight = 1): Question {
  const scored = options.some(([, , score]) => score !== null);
  return {
    id,
    kind: 'single',
    label,
    help: null,
    scored,
    weight,
    options: options.map(([optionId, optionLabel, score]) => ({ id: optionId, label: optionLabel, score })),
    retired: false,
  };
}

function multiple(id: string, label: string, options: [string, string, number | null][], weight = 1): Question {
  return { ...single(id, label, options, weight), kind: 'multiple' };
}

function info(id: string, kind: 'short_text' | 'long_text' | 'date' | 'number', label: string): Question {
  return { id, kind, label, help: null, scored: false, weight: 1, retired: false };
}

function section(id: string, title: string, questions: Question[], description?: string): Section {
  return { id, title, description: description ?? null, questions };
}

function starter(
  id: string,
  title: string,
  description: string,
  scope: DiagnosticTemplate['scope'],
  sections: Section[],
): DiagnosticTemplate {
  return {
    id,
    family: id,
    version: 1,
    networkId: STARTER_NETWORK,
    createdAt: STARTER_DATE,
    updatedAt: STARTER_DATE,
    updatedBy: 'Valise',
    deleted: false,
    title,
    description,
    scope,
    sections,
    status: 'active',
  };
}

const PROJECT = starter(
  PROJECT_STARTER_ID,
  'Diagnostic d’un projet de tiers-lieu',
  'Une grille pour faire le point avec les porteur·euse·s d’un projet de tiers-lieu\u00a0: où le projet est solide, où il a besoin d’accompagnement.',
  'organisation',
  [
    section('identite', 'Identité', [
      info('id_porteurs', 'short_text', 'Personnes rencontrées'),
      single('id_type', 'Type de projet', [
        ['coworking', 'Coworking', null],
        ['culturel', 'Lieu culturel', null],
        ['fablab', 'Fablab, makerspace, hackerspace', null],
        ['ateliers', 'Ateliers artisanaux partagés', null],
        ['nourricier', 'Tiers-lieu nourricier, cuisine partagée', null],
        ['hybride', 'Lieu hybride, autre', null],
      ]),
      info('id_creation', 'date', 'Date de création (ou d’ouverture prévue)'),
      scale('id_stade', 'Où en est le projet\u202f?', [
        'Une intuition',
        'Un collectif se forme',
        'Un lieu est identifié',
        'Le lieu est ouvert',
        'Le lieu est ouvert depuis plus de 3 ans',
      ]),
    ]),
    section(
      'communaute',
      'Communauté & finalité',
      [
        scale('co_finalite', 'La raison d’être du lieu est écrite et partagée', MATURITY, 2),
        scale('co_noyau', 'Un noyau de personnes porte le projet dans la durée', [
          'Une personne seule',
          'Deux ou trois personnes',
          'Un petit collectif',
          'Un collectif stable',
          'Un collectif stable qui se renouvelle',
        ]),
        scale('co_publics', 'Les publics visés fréquentent le lieu'),
        info('co_publics_cibles', 'long_text', 'Qui fréquente le lieu, qui voudrait-on y voir\u202f?'),
      ],
      'La communauté et ce qu’elle veut faire ensemble\u00a0: la première question d’un tiers-lieu.',
    ),
    section('gouvernance', 'Gouvernance & prise de décision', [
      scale('go_decision', 'Les façons de décider sont connues de tous', MATURITY, 2),
      scale('go_charte', 'Une charte ou des règles de vie existent'),
      scale('go_implication', 'Les usager·ère·s participent aux décisions'),
      single('go_mode', 'Mode de décision principal', [
        ['seul', 'Une personne décide', 1],
        ['bureau', 'Un bureau ou un conseil décide', 2],
        ['consentement', 'Décision partagée (consentement, sociocratie…)', 4],
      ]),
    ]),
    section('economie', 'Modèle économique & financement', [
      scale('ec_modele', 'Le modèle économique est formalisé (budget, prévisionnel)', MATURITY, 2),
      scale('ec_diversite', 'Les ressources sont diversifiées', [
        'Aucune ressource',
        'Une seule source',
        'Deux sources',
        'Trois sources ou plus',
        'Ressources diversifiées et équilibrées',
      ]),
      multiple('ec_sources', 'Sources de revenus', [
        ['location', 'Location d’espaces', 1],
        ['services', 'Vente de services', 1],
        ['subventions', 'Subventions publiques', 1],
        ['adhesions', 'Adhésions, cotisations', 1],
        ['mecenat', 'Mécénat, dons', 1],
      ]),
      info('ec_budget', 'number', 'Budget annuel (en euros)'),
    ]),
    section('juridique', 'Structure juridique', [
      single('ju_forme', 'Forme juridique', [
        ['informel', 'Collectif informel', null],
        ['association', 'Association déclarée', null],
        ['sarl', 'SARL', null],
        ['scop', 'Scop', null],
        ['scic', 'SCIC', null],
        ['autre', 'Autre', null],
      ]),
      scale('ju_adequation', 'La structure juridique convient au projet', [
        'Pas de structure',
        'Structure inadaptée',
        'Structure à faire évoluer',
        'Structure adaptée',
        'Structure adaptée et statuts à jour',
      ]),
    ]),
    section('offre', 'Offre de services & usages', [
      scale('of_offre', 'L’offre de services est claire pour les usager·ère·s', MATURITY, 2),
      scale('of_usages', 'Les usages sont suivis (fréquentation, besoins)'),
      info('of_liste', 'long_text', 'Services proposés aujourd’hui'),
    ]),
    section('espace', 'Espace & outils', [
      single('es_occupation', 'Occupation du bâtiment', [
        ['aucun', 'Pas encore de lieu', 0],
        ['gracieux', 'Mise à disposition gracieuse', 2],
        ['locataire', 'Locataire', 3],
        ['proprietaire', 'Propriétaire', 4],
      ]),
      scale('es_adequation', 'L’espace répond aux usages'),
      scale('es_outils', 'Les machines et outils sont disponibles et entretenus'),
    ]),
    section('partenariats', 'Partenariats & ancrage local', [
      scale('pa_collectivites', 'Les collectivités connaissent et soutiennent le projet', MATURITY, 2),
      scale('pa_reseau', 'Le lieu participe à un réseau de tiers-lieux'),
      scale('pa_acteurs', 'Des partenariats existent avec les acteurs du territoire'),
      info('pa_contacts', 'long_text', 'Contacts à recommander'),
    ]),
    section('leviers', 'Leviers & freins', [
      info('le_leviers', 'long_text', 'Leviers du projet'),
      info('le_freins', 'long_text', 'Freins et problèmes rencontrés'),
      scale('le_capacite', 'Le collectif a le temps et l’énergie pour avancer'),
    ]),
    section('documentation', 'Documentation & communs', [
      scale('do_documentation', 'Le projet documente ce qu’il fait (wiki, fiches)'),
      scale('do_partage', 'Les ressources produites sont partagées sous licence libre'),
      multiple('do_outils', 'Outils numériques utilisés', [
        ['wiki', 'Wiki', 1],
        ['pad', 'Pad collaboratif', 1],
        ['chat', 'Messagerie d’équipe', 1],
        ['drive', 'Espace de fichiers partagé', 1],
        ['reservation', 'Outil de réservation', 1],
      ]),
    ]),
  ],
);

const TERRITORY = starter(
  TERRITORY_STARTER_ID,
  'Diagnostic territorial',
  'Une grille pour lire un territoire avec ses élu·e·s\u00a0: les lieux qui existent, les besoins, les dispositifs à croiser et les acteurs à mobiliser.',
  'territory',
  [
    section('territoire', 'Le territoire et ses échelles', [
      single('te_echelle', 'Échelle du diagnostic', [
        ['bassin', 'Bassin de vie', null],
        ['departement', 'Département', null],
        ['region', 'Région', null],
      ]),
      info('te_habitants', 'number', 'Nombre d’habitant·e·s'),
      scale('te_lecture', 'Le territoire a une lecture partagée de ses enjeux'),
    ]),
    section('lieux', 'Lieux et réseaux existants', [
      scale('li_connaissance', 'Les tiers-lieux du territoire sont recensés', MATURITY, 2),
      scale('li_reseau', 'Les lieux se connaissent et coopèrent'),
      info('li_liste', 'long_text', 'Lieux et réseaux repérés'),
    ]),
    section('besoins', 'Besoins et publics', [
      scale('be_besoins', 'Les besoins des habitant·e·s sont identifiés', MATURITY, 2),
      scale('be_publics', 'Les publics éloignés sont pris en compte'),
      info('be_detail', 'long_text', 'Besoins exprimés'),
    ]),
    section('dispositifs', 'Dispositifs publics à croiser', [
      scale('di_connaissance', 'Les dispositifs publics mobilisables sont connus'),
      scale('di_croisement', 'Les dispositifs sont croisés plutôt qu’empilés'),
      info('di_liste', 'long_text', 'Dispositifs en place ou à mobiliser'),
    ]),
    section('acteurs', 'Acteurs à mobiliser', [
      scale('ac_elus', 'Les élu·e·s portent la démarche', MATURITY, 2),
      scale('ac_acteurs', 'Les acteurs économiques et associatifs sont associés'),
      info('ac_liste', 'long_text', 'Acteurs à rencontrer'),
    ]),
    section('opportunites', 'Opportunités', [
      scale('op_foncier', 'Un lieu ou un foncier est disponible'),
      scale('op_calendrier', 'Le calendrier politique et budgétaire est favorable'),
      info('op_pistes', 'long_text', 'Pistes et prochaines étapes'),
    ]),
  ],
);

export const STARTER_TEMPLATES: readonly DiagnosticTemplate[] = [PROJECT, TERRITORY];
