// The starter valise: what a new network finds in its toolbox before anyone curated it.
// Fixed ids (every device seeds the same records, so they merge instead of doubling) and a
// fixed old clock (any real edit or delete, from any device, wins over the seed).
import type { NewRecord } from '../record-types';
import { isSeedClock, seedClock } from '../seed-clock';

/**
 * The clock of the starter's current text. Its revision goes up with each correction of that
 * text (1: the typography of 2026-12), so the correction wins over the text it corrects on
 * every device and at the server, while any real edit, dated now, still wins over both.
 */
export const STARTER_CLOCK = seedClock(1);

const itemId = (n: number) => `01900000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;
const listId = (n: number) => `01900000-0000-7000-8000-0000000002${String(n).padStart(2, '0')}`;

export const SHELF_DIGITAL = 'Conciergerie numérique';
export const SHELF_METHODS = 'Fiches méthode';
export const SHELF_KIT = 'Kit matériel';

type ItemInput = NewRecord<'toolboxItems'> & { id: string };
type ListInput = NewRecord<'packingLists'> & { id: string };

const digital = (n: number, title: string, description: string, tags: string[], link: string | null): ItemInput => ({
  id: itemId(n),
  kind: 'digital_tool',
  shelf: SHELF_DIGITAL,
  title,
  description,
  tags,
  link,
  status: 'published',
  availableOffline: false,
});

const method = (n: number, title: string, description: string, tags: string[]): ItemInput => ({
  id: itemId(n),
  kind: 'method_sheet',
  shelf: SHELF_METHODS,
  title,
  description,
  tags,
  link: null,
  status: 'published',
  availableOffline: true,
});

const kit = (n: number, title: string, description: string, tags: string[], quantity: number): ItemInput => ({
  id: itemId(n),
  kind: 'kit',
  shelf: SHELF_KIT,
  title,
  description,
  tags,
  link: null,
  status: 'published',
  availableOffline: false,
  quantity,
});

export const STARTER_IDS = {
  wiki: itemId(1),
  pad: itemId(2),
  booking: itemId(3),
  forum: itemId(4),
  chat: itemId(5),
  drive: itemId(6),
  map: itemId(7),
  agenda: itemId(8),
  welcoming: itemId(20),
  peerExchange: itemId(21),
  diagnostic: itemId(22),
  documenting: itemId(23),
  badges: itemId(40),
  markers: itemId(41),
  projector: itemId(42),
  extension: itemId(43),
  banner: itemId(44),
  paymentTerminal: itemId(45),
  firstAid: itemId(46),
} as const;

export const STARTER_ITEMS: readonly ItemInput[] = [
  digital(
    1,
    'Wiki de documentation',
    'Le **code source** du réseau\u00a0: chaque lieu y documente ce qu’il fait, ce qui a marché, ce qui a raté.\n\n- Une page par lieu et par action\n- Des modèles de page pour aller vite\n- Des exports depuis Valise en wikitexte',
    ['documentation', 'wiki', 'communs'],
    'https://www.mediawiki.org/',
  ),
  digital(
    2,
    'Pad collaboratif',
    'Prendre des notes à plusieurs en direct pendant une rencontre (HedgeDoc). Le lien du pad se partage dans la messagerie avant la réunion.',
    ['prise de notes', 'réunion', 'hedgedoc'],
    'https://hedgedoc.org/',
  ),
  digital(
    3,
    'Réservation et facturation',
    'Réserver les salles et les machines des lieux du réseau, et facturer les usages. À proposer aux lieux qui gèrent encore tout au tableur.',
    ['réservation', 'salles', 'machines', 'facturation'],
    null,
  ),
  digital(
    4,
    'Forum du réseau',
    'Les questions qui méritent une réponse durable\u00a0: statuts, assurances, modèle économique. Ce qui se dit au forum se retrouve des années après.',
    ['entraide', 'questions', 'forum'],
    null,
  ),
  digital(
    5,
    'Messagerie instantanée',
    'Le fil du quotidien entre concierges (Matrix, Mattermost ou Rocket.Chat)\u00a0: un salon par bassin de vie, un salon pour les urgences matériel.',
    ['chat', 'matrix', 'mattermost'],
    'https://matrix.org/',
  ),
  digital(
    6,
    'Drive partagé',
    'Les fichiers communs du réseau (Nextcloud)\u00a0: modèles de conventions, kits de communication, comptes rendus.',
    ['fichiers', 'nextcloud', 'partage'],
    'https://nextcloud.com/',
  ),
  digital(
    7,
    'Carte collaborative',
    'La carte des tiers-lieux du territoire (GoGoCarto), tenue à jour par les lieux eux-mêmes.',
    ['carte', 'gogocarto', 'recensement'],
    'https://gogocarto.fr/',
  ),
  digital(
    8,
    'Agenda local et entraide',
    'Les événements des lieux et les coups de main proposés ou demandés sur le territoire.',
    ['agenda', 'événements', 'entraide'],
    null,
  ),
  method(
    20,
    'Accueillir',
    '# Avant\n- Savoir qui vient et pourquoi\n- Préparer un café et un lieu calme\n\n# Pendant\n1. Se présenter, présenter le lieu et le réseau\n2. **Écouter d’abord**\u00a0: le projet, les envies, les freins\n3. Orienter vers une personne ou une ressource précise\n\n# Après\nNoter la visite dans Valise et la suite à donner, avec une date.',
    ['accueil', 'porteur de projet', 'visite'],
  ),
  method(
    21,
    'Animer un échange pair-à-pair',
    'Faire se rencontrer des lieux qui vivent les mêmes questions.\n\n1. Une question de départ concrète, choisie avec les participants\n2. Un tour de table court\u00a0: chacun dit où il en est\n3. Deux ou trois lieux racontent *comment ils ont fait*\n4. On repart avec une idée à essayer et un binôme\n\nPrévoir un pad pour les notes et les contacts.',
    ['pair-à-pair', 'fédérer', 'animation'],
  ),
  method(
    22,
    'Conduire un diagnostic',
    'Un diagnostic se fait **avec** le lieu, pas sur lui.\n\n# Préparer\n- Choisir la grille (projet de tiers-lieu, territoire)\n- Prévoir deux heures et les bonnes personnes\n\n# Conduire\n- Parcourir la grille section par section\u00a0: communauté et finalité, gouvernance, modèle économique, ancrage local\n- Noter les leviers et les freins avec les mots des personnes\n\n# Restituer\nPartager les résultats sous quinze jours et convenir des prochaines étapes.',
    ['diagnostic', 'accompagnement', 'grille'],
  ),
  method(
    23,
    'Documenter une action',
    'Documenter, c’est permettre à un autre lieu de refaire.\n\n- **Quoi**\u00a0: l’action en une phrase\n- **Pourquoi**\u00a0: le besoin de départ\n- **Comment**\u00a0: les étapes, les outils, le budget\n- **Et alors**\u00a0: ce qui a marché, ce qui a raté\n\nPublier sur le wiki du réseau avec des photos.',
    ['documentation', 'valoriser', 'wiki'],
  ),
  kit(
    40,
    'Badges et porte-noms',
    'Un lot de badges vierges, des étiquettes et un feutre pour les rencontres.',
    ['accueil', 'rencontre'],
    1,
  ),
  kit(
    41,
    'Marqueurs et papier',
    'Feutres, Post-it, paperboard et ruban adhésif pour animer un atelier.',
    ['atelier', 'animation'],
    2,
  ),
  kit(
    42,
    'Vidéoprojecteur',
    'Le vidéoprojecteur du réseau, avec ses câbles HDMI et un adaptateur USB-C. Vérifier la lampe au retour.',
    ['projection', 'atelier', 'salon'],
    1,
  ),
  kit(43, 'Rallonge électrique', 'Enrouleur de 25\u00a0m et multiprise.', ['électricité', 'salon'], 2),
  kit(
    44,
    'Kakémono du réseau',
    'Le kakémono à enrouleur aux couleurs du réseau, dans sa housse.',
    ['salon', 'communication'],
    1,
  ),
  kit(
    45,
    'Terminal de paiement',
    'Pour les adhésions et les ventes sur un stand. Le recharger avant le départ.',
    ['salon', 'paiement'],
    1,
  ),
  kit(46, 'Trousse de secours', 'À prendre pour chaque événement avec du public.', ['sécurité', 'événement'], 1),
];

const I = STARTER_IDS;

const template = (n: number, title: string, tripKind: ListInput['tripKind'], itemIds: string[]): ListInput => ({
  id: listId(n),
  title,
  tripKind,
  isTemplate: true,
  templateId: null,
  tripDate: null,
  itemIds,
  packed: {},
  notes: null,
});

export const STARTER_PACKING_LISTS: readonly ListInput[] = [
  template(1, 'Visite de terrain', 'field_visit', [I.welcoming, I.diagnostic, I.badges]),
  template(2, 'Animation d’atelier', 'workshop', [I.peerExchange, I.markers, I.projector, I.extension, I.badges]),
  template(3, 'Stand sur un salon', 'fair_stand', [
    I.banner,
    I.projector,
    I.extension,
    I.paymentTerminal,
    I.badges,
    I.markers,
    I.firstAid,
  ]),
  template(4, 'Rencontre réseau', 'network_meeting', [I.peerExchange, I.documenting, I.badges, I.markers, I.firstAid]),
];

const STARTER_ID_SET = new Set([...STARTER_ITEMS, ...STARTER_PACKING_LISTS].map((record) => record.id));

function isStarterId(id: string): boolean {
  return STARTER_ID_SET.has(id);
}

/** A starter record nobody changed: every field still carries a seed's clock. */
export function isUntouchedStarter(record: { id: string; hlc: Record<string, string> }): boolean {
  return isStarterId(record.id) && Object.values(record.hlc).every(isSeedClock);
}
