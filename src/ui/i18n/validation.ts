// Turns a domain validation issue into a sentence a concierge understands, shown next to the
// field at fault. The domain's own messages are English and technical (for logs and the API).

import { RecordValidationError } from '../../db/errors';
import { formatNumber } from '../../domain/numbers';
import type { FieldIssue } from '../../domain/validation';
import type { Language } from '../../state/ui';

type Sentence = (limit: string) => string;

interface Sentences {
  required: string;
  tooShortText: Sentence;
  tooFewItems: Sentence;
  tooLongText: Sentence;
  tooManyItems: Sentence;
  email: string;
  url: string;
  picklist: string;
  format: string;
  isoDate: string;
  isoTimestamp: string;
  number: string;
  integer: string;
  minValue: Sentence;
  maxValue: Sentence;
  inconsistent: string;
  invalid: string;
  /** Sentences for one field whose rule needs words of its own (by field name, last segment). */
  fields: Record<string, string>;
}

const SENTENCES: Record<Language, Sentences> = {
  fr: {
    required: 'Ce champ est obligatoire.',
    tooShortText: (n) => `Trop court\u00a0: au moins ${n} caractères.`,
    tooFewItems: (n) => `Choisissez-en au moins ${n}.`,
    tooLongText: (n) => `Trop long\u00a0: ${n} caractères au maximum.`,
    tooManyItems: (n) => `Trop d’éléments\u00a0: ${n} au maximum.`,
    email: 'Adresse e-mail non valide (exemple\u00a0: prenom.nom@exemple.fr).',
    url: 'Adresse web non valide\u00a0: elle commence par https:// (exemple\u00a0: https://exemple.fr).',
    picklist: 'Choisissez une des valeurs proposées.',
    format: 'Le format n’est pas reconnu.',
    isoDate: 'Saisissez une date valide.',
    isoTimestamp: 'Saisissez une date et une heure valides.',
    number: 'Saisissez un nombre.',
    integer: 'Saisissez un nombre entier, sans virgule.',
    minValue: (n) => `La valeur doit être au moins ${n}.`,
    maxValue: (n) => `La valeur doit être au plus ${n}.`,
    inconsistent: 'Cette valeur ne va pas avec les autres champs.',
    invalid: 'Cette valeur n’est pas valide.',
    fields: {
      'regex:phone': 'Numéro de téléphone non valide\u00a0: chiffres, espaces, +, points ou tirets.',
      'regex:postcode': 'Le code postal compte 5 chiffres.',
      'regex:inseeCode': 'Le code INSEE compte 5 caractères (exemple\u00a0: 35238 ou 2A004).',
      'partial_check:endsAt': 'La fin ne peut pas précéder le début.',
      'check:timeZone': 'Fuseau horaire inconnu\u00a0: choisissez-en un de la liste (exemple\u00a0: Europe/Paris).',
      'url:website':
        'Adresse d’une page web attendue (exemple\u00a0: https://exemple.fr)\u202f; un téléphone ou un e-mail a son propre champ.',
    },
  },
  en: {
    required: 'This field is required.',
    tooShortText: (n) => `Too short: at least ${n} characters.`,
    tooFewItems: (n) => `Choose at least ${n}.`,
    tooLongText: (n) => `Too long: ${n} characters at most.`,
    tooManyItems: (n) => `Too many items: ${n} at most.`,
    email: 'Not a valid email address (example: first.last@example.org).',
    url: 'Not a valid web address: it starts with https:// (example: https://example.org).',
    picklist: 'Choose one of the proposed values.',
    format: 'This format is not recognised.',
    isoDate: 'Enter a valid date.',
    isoTimestamp: 'Enter a valid date and time.',
    number: 'Enter a number.',
    integer: 'Enter a whole number.',
    minValue: (n) => `The value must be at least ${n}.`,
    maxValue: (n) => `The value must be at most ${n}.`,
    inconsistent: 'This value does not fit with the other fields.',
    invalid: 'This value is not valid.',
    fields: {
      'regex:phone': 'Not a valid phone number: digits, spaces, +, dots or dashes.',
      'regex:postcode': 'A French postcode has 5 digits.',
      'regex:inseeCode': 'An INSEE code has 5 characters (example: 35238 or 2A004).',
      'partial_check:endsAt': 'The end cannot come before the start.',
      'check:timeZone': 'Unknown time zone: choose one from the list (example: Europe/Paris).',
      'url:website':
        'The address of a web page is expected (example: https://example.org); a phone or an e-mail has its own field.',
    },
  },
};

export function describeIssue(issue: FieldIssue, lang: Language): string {
  const words = SENTENCES[lang];
  const fieldName = issue.field.split('.').pop() ?? '';
  const specific = words.fields[`${issue.type}:${fieldName}`];
  if (specific) return specific;
  const limit = issue.limit === undefined ? '' : formatNumber(issue.limit, lang);
  switch (issue.type) {
    case 'required':
      return words.required;
    case 'min_length':
      if (issue.limit === undefined || issue.limit <= 1) return words.required;
      return issue.of === 'list' ? words.tooFewItems(limit) : words.tooShortText(limit);
    case 'max_length':
      if (issue.limit === undefined) return words.invalid;
      return issue.of === 'list' ? words.tooManyItems(limit) : words.tooLongText(limit);
    case 'email':
      return words.email;
    case 'url':
      return words.url;
    case 'picklist':
    case 'custom': // an open enumeration (openPicklist), the only custom check of the domain
      return words.picklist;
    case 'regex':
      return words.format;
    case 'iso_date':
      return words.isoDate;
    case 'iso_timestamp':
      return words.isoTimestamp;
    case 'number':
      return words.number;
    case 'integer':
      return words.integer;
    case 'min_value':
      return issue.limit === undefined ? words.invalid : words.minValue(limit);
    case 'max_value':
      return issue.limit === undefined ? words.invalid : words.maxValue(limit);
    case 'partial_check':
    case 'check':
      return words.inconsistent;
    default:
      return words.invalid;
  }
}

/** One sentence per field (its first issue), keyed by the issue's dotted field path. */
export function issuesByField(issues: readonly FieldIssue[], lang: Language): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) byField[issue.field] ??= describeIssue(issue, lang);
  return byField;
}

/**
 * Why a save was refused at `field` (a text past its limit), or undefined when the failure is
 * not the field's: then a retry may mend it, and the screen says so instead.
 */
export function fieldRefusal(error: unknown, field: string, lang: Language): string | undefined {
  return error instanceof RecordValidationError ? issuesByField(error.issues, lang)[field] : undefined;
}

/** The field a person knows an issue by: an item of a list ("tags.3") is named by its list. */
export function fieldNamed(issue: FieldIssue): string {
  return issue.field.split('.')[0] ?? '';
}
