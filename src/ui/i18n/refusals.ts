// A change the server refused, said to a concierge: its code and field issues in this
// device's language, the field named as the forms name it. A code this version does not know,
// or a server that sent none (older releases), leaves the server's own sentence.
import type { RejectedMutation } from '../../db/schema';
import type { Language } from '../../state/ui';
import { describeIssue } from './validation';

type Words = Record<string, string>;

/** Fields as people call them (a map entry, `answers.q12`, is named by its field). */
const FIELD_LABELS: Record<Language, Words> = {
  fr: {
    name: 'Nom',
    notes: 'Notes',
    description: 'Description',
    title: 'Titre',
    purpose: 'Objet',
    visitedAt: 'Date de la visite',
    services: 'Services',
    website: 'Site web',
    email: 'E-mail',
    phone: 'Téléphone',
    address: 'Adresse',
    postcode: 'Code postal',
    commune: 'Commune',
    inseeCode: 'Code INSEE',
    kind: 'Type',
    typology: 'Typologie',
    legalStructure: 'Statut juridique',
    territoryScale: 'Échelle du territoire',
    startsAt: 'Début',
    endsAt: 'Fin',
    timeZone: 'Fuseau horaire',
    placeLabel: 'Lieu',
    organisationId: 'Lieu',
    organisationIds: 'Lieux',
    contactIds: 'Personnes',
    attendees: 'Participants',
    answers: 'Réponses de la grille',
    sectionComments: 'Commentaires de la grille',
    dueDate: 'Échéance',
    label: 'Libellé',
    text: 'Texte',
    role: 'Rôle',
    status: 'État',
    fileName: 'Nom du fichier',
    quantity: 'Quantité',
    packed: 'Affaires emballées',
    tripDate: 'Date du déplacement',
  },
  en: {
    name: 'Name',
    notes: 'Notes',
    description: 'Description',
    title: 'Title',
    purpose: 'Purpose',
    visitedAt: 'Visit date',
    services: 'Services',
    website: 'Website',
    email: 'Email',
    phone: 'Phone',
    address: 'Address',
    postcode: 'Postcode',
    commune: 'Town',
    inseeCode: 'INSEE code',
    kind: 'Kind',
    typology: 'Typology',
    legalStructure: 'Legal structure',
    territoryScale: 'Territory scale',
    startsAt: 'Start',
    endsAt: 'End',
    timeZone: 'Time zone',
    placeLabel: 'Place',
    organisationId: 'Place',
    organisationIds: 'Places',
    contactIds: 'People',
    attendees: 'Attendees',
    answers: 'Grid answers',
    sectionComments: 'Grid comments',
    dueDate: 'Due date',
    label: 'Label',
    text: 'Text',
    role: 'Role',
    status: 'Status',
    fileName: 'File name',
    quantity: 'Quantity',
    packed: 'Packed items',
    tripDate: 'Trip date',
  },
};

const FIELD_PROBLEM: Record<Language, (label: string, problem: string) => string> = {
  fr: (label, problem) => `«\u00a0${label}\u00a0»\u00a0: ${problem}`,
  en: (label, problem) => `“${label}”: ${problem}`,
};

const SENTENCES: Record<Language, Words> = {
  fr: {
    reserved_name: 'ce nom de champ est réservé et ne peut pas être enregistré.',
    not_finite: 'ce nombre est trop grand pour être enregistré.',
    clock: 'l’heure de cette modification n’est pas une heure réelle.',
    stray_entry: 'ce champ n’a pas d’entrées.',
    max_entries: 'trop d’entrées pour une seule fiche.',
    too_large: 'La fiche serait trop volumineuse (plus de 1 Mo)\u00a0: raccourcissez un texte ou retirez des éléments.',
    unknown_type:
      'Le serveur ne connaît pas encore ce type de fiche\u00a0: la modification reste ici et repartira après sa mise à jour.',
    not_found: 'Cette fiche n’existe pas (ou plus) sur le serveur.',
    forbidden: 'Votre rôle dans le réseau ne permet pas cette modification.',
    wrong_type: 'Le serveur connaît cette fiche sous un autre type\u00a0: la modification n’a pas été enregistrée.',
    repeated_id:
      'La même modification a été envoyée deux fois différemment\u00a0: cette version n’a pas été enregistrée.',
    invalid_record: 'La fiche n’est pas valide pour le serveur.',
    server: 'Raison donnée par le serveur\u00a0: ',
  },
  en: {
    reserved_name: 'this field name is reserved and cannot be saved.',
    not_finite: 'this number is too large to be saved.',
    clock: 'the time of this change is not a real time.',
    stray_entry: 'this field has no entries.',
    max_entries: 'too many entries for one record.',
    too_large: 'The record would be too large (over 1 MB): shorten a text or remove items.',
    unknown_type:
      'The server does not know this kind of record yet: the change stays here and goes again after its update.',
    not_found: 'This record does not exist (any more) on the server.',
    forbidden: 'Your role in the network does not allow this change.',
    wrong_type: 'The server knows this record as another kind: the change was not saved.',
    repeated_id: 'The same change was sent twice, differently: this version was not saved.',
    invalid_record: 'The record is not valid for the server.',
    server: 'Reason given by the server: ',
  },
};

/** One sentence per refusal: its fields' problems, its code's words, or the server's own sentence. */
export function describeRefusal(refusal: Pick<RejectedMutation, 'code' | 'issues' | 'reason'>, lang: Language): string {
  const words = SENTENCES[lang];
  if (refusal.code === 'invalid_record' && refusal.issues && refusal.issues.length > 0)
    return refusal.issues
      .map((issue) => {
        const label = fieldLabel(issue.field, lang);
        const problem = wordFor(words, issue.type) ?? lowerFirst(describeIssue(issue, lang));
        return label === '' ? problem : FIELD_PROBLEM[lang](label, problem);
      })
      .join(' ');
  const known = refusal.code ? wordFor(words, refusal.code) : undefined;
  return known ?? `${words.server}${refusal.reason}`;
}

/** A field (or a map entry) as the forms name it; a field they do not name keeps its own name. */
export function fieldLabel(field: string, lang: Language): string {
  const name = field.split('.')[0] ?? '';
  return wordFor(FIELD_LABELS[lang], name) ?? name;
}

/**
 * A table's own entry for a server's word: `words[key]` would also find Object.prototype's
 * (`constructor`, `toString`), and a hostile answer would print a function's source in Réglages.
 */
function wordFor(words: Words, key: string): string | undefined {
  return Object.hasOwn(words, key) ? words[key] : undefined;
}

function lowerFirst(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
