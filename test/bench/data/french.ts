// Words and phrases of a concierge's notes, so benchmark records look (and weigh) like the field.
export const FIRST_NAMES = [
  'Camille',
  'Dominique',
  'Hugo',
  'Léa',
  'Nadia',
  'Yann',
  'Maëlle',
  'Karim',
  'Sophie',
  'Thomas',
  'Inès',
  'Gaël',
  'Chloé',
  'Mathis',
  'Awa',
  'Bastien',
  'Elsa',
  'Loïc',
  'Rose',
  'Nicolas',
];

export const LAST_NAMES = [
  'Martin',
  'Le Goff',
  'Bernard',
  'Durand',
  'Lefebvre',
  'Moreau',
  'Kerjean',
  'Garnier',
  'Diallo',
  'Roux',
  'Fournier',
  'Morvan',
  'Girard',
  'Bonnet',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Le Bihan',
  'Mercier',
  'Blanc',
];

export const PLACE_WORDS = [
  'La Forge',
  'L’Établi',
  'La Ruche',
  'Le Quai',
  'La Fabrique',
  'Le Hangar',
  'La Grange',
  'L’Atelier',
  'La Coopé',
  'Le Moulin',
  'La Serre',
  'Le Local',
  'La Cantine',
  'Le Garage',
  'La Station',
  'Le Bocal',
];

export const PLACE_SUFFIXES = [
  'des Possibles',
  'partagée',
  'du Bourg',
  'numérique',
  'des Communs',
  'solidaire',
  'du Port',
  'des Makers',
];

export const COMMUNES: readonly { name: string; postcode: string; insee: string }[] = [
  { name: 'Saint-Malo', postcode: '35400', insee: '35288' },
  { name: 'Lannion', postcode: '22300', insee: '22113' },
  { name: 'Quimper', postcode: '29000', insee: '29232' },
  { name: 'Vannes', postcode: '56000', insee: '56260' },
  { name: 'Redon', postcode: '35600', insee: '35236' },
  { name: 'Guingamp', postcode: '22200', insee: '22070' },
  { name: 'Morlaix', postcode: '29600', insee: '29151' },
  { name: 'Pontivy', postcode: '56300', insee: '56178' },
];

export const PURPOSES = [
  'Premier rendez-vous',
  'Suivi du projet',
  'Diagnostic du lieu',
  'Préparation de la rencontre régionale',
  'Point sur le modèle économique',
  'Accueil d’un nouveau porteur de projet',
];

export const NOTE_SENTENCES = [
  'Le collectif se retrouve chaque mardi soir pour faire le point sur les chantiers en cours.',
  'Besoin d’un accompagnement sur le modèle économique et la recherche de financements.',
  'La mairie soutient le projet et propose un bâtiment communal à rénover.',
  'Une vingtaine de bénévoles actifs, dont cinq très investis dans la gouvernance.',
  'Le fablab ouvre ses machines aux habitants deux après-midis par semaine.',
  'Idée de cuisine partagée à côté de l’atelier, avec un traiteur du bourg.',
  'Ils aimeraient rencontrer d’autres lieux ruraux pour un échange entre pairs.',
  'Le bail se termine en juin : il faut anticiper un déménagement possible.',
  'La coordinatrice est à mi-temps, le reste repose sur des volontaires.',
  'Question sur le statut : association ou SCIC, à creuser avec un juriste.',
  'Fréquentation en hausse depuis l’ouverture du coworking le samedi.',
  'Le réseau peut relayer leur appel à bénévoles dans la prochaine lettre.',
];

export const FOLLOW_UP_TEXTS = [
  'Envoyer la fiche méthode « modèle économique »',
  'Mettre en relation avec le fablab de Lannion',
  'Relancer la mairie pour le bâtiment',
  'Proposer une date de diagnostic',
  'Partager la liste des financements régionaux',
  'Inviter à la rencontre des concierges',
];

export const EVENT_TITLES = [
  'Rencontre régionale des tiers-lieux',
  'Pair-à-pair : gouvernance partagée',
  'Atelier modèle économique',
  'Apéro des concierges',
  'Formation accueil des publics',
  'Salon de l’économie sociale et solidaire',
];
