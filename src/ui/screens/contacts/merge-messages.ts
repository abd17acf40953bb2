import type { DuplicateReason } from '../../../domain/duplicate-keys';
import type { MergeRefusalReason } from '../../../domain/merge-plan';
import type { Messages } from '../../i18n/messages';

export const mergeMessages = {
  fr: {
    duplicates: 'Doublons possibles',
    duplicatesHint: 'Une même fiche saisie deux fois\u202f? Comparez, puis fusionnez\u00a0: rien n’est perdu.',
    reason: (reason: DuplicateReason) =>
      ({
        name_commune: 'même nom, même commune',
        name: 'même nom',
        email: 'même e-mail',
        phone: 'même téléphone',
      })[reason],
    compare: (name: string) => `Comparer et fusionner avec «\u00a0${name}\u00a0»`,
    title: 'Fusionner deux fiches',
    intro: (kept: string, merged: string) =>
      `«\u00a0${merged}\u00a0» sera fusionnée dans «\u00a0${kept}\u00a0»\u00a0: ses visites, événements, diagnostics et personnes passent sur la fiche gardée, et les autres appareils suivront à leur prochaine synchronisation.`,
    choose: 'Valeurs à garder',
    nothingToChoose: 'Aucune valeur ne diffère\u00a0: les champs vides de la fiche gardée prennent ceux de l’autre.',
    keepOther: 'Garder plutôt l’autre fiche',
    merge: 'Fusionner',
    cancel: 'Annuler',
    merged: 'Fiches fusionnées.',
    failed: 'La fusion a échoué\u202f; rien n’a changé. Réessayez.',
    refused: (reason: MergeRefusalReason) =>
      ({
        same_record: 'Une fiche ne peut pas être fusionnée avec elle-même.',
        different_types: 'Un lieu et une personne ne peuvent pas être fusionnés.',
        already_merged: 'L’une des deux fiches a déjà été fusionnée ou supprimée.',
      })[reason],
    notFound: 'L’une des deux fiches n’existe plus sur cet appareil.',
    lieuMergedInto: (from: string, kept: string) =>
      `Ce lieu, «\u00a0${from}\u00a0», a été fusionné avec «\u00a0${kept}\u00a0»\u00a0: voici la fiche gardée.`,
    personMergedInto: (from: string, kept: string) =>
      `Cette fiche, «\u00a0${from}\u00a0», a été fusionnée avec «\u00a0${kept}\u00a0»\u00a0: voici la fiche gardée.`,
  },
  en: {
    duplicates: 'Possible duplicates',
    duplicatesHint: 'The same record entered twice? Compare, then merge: nothing is lost.',
    reason: (reason: DuplicateReason) =>
      ({ name_commune: 'same name, same town', name: 'same name', email: 'same email', phone: 'same phone' })[reason],
    compare: (name: string) => `Compare and merge with “${name}”`,
    title: 'Merge two records',
    intro: (kept: string, merged: string) =>
      `“${merged}” will be merged into “${kept}”: its visits, events, diagnostics and people move to the kept record; other devices follow at their next sync.`,
    choose: 'Values to keep',
    nothingToChoose: 'No value differs: empty fields of the kept record take the other’s.',
    keepOther: 'Keep the other record instead',
    merge: 'Merge',
    cancel: 'Cancel',
    merged: 'Records merged.',
    failed: 'The merge failed; nothing changed. Try again.',
    refused: (reason: MergeRefusalReason) =>
      ({
        same_record: 'A record cannot be merged with itself.',
        different_types: 'A place and a person cannot be merged.',
        already_merged: 'One of the two records was already merged or deleted.',
      })[reason],
    notFound: 'One of the two records no longer exists on this device.',
    lieuMergedInto: (from: string, kept: string) =>
      `This place, “${from}”, was merged with “${kept}”: here is the kept record.`,
    personMergedInto: (from: string, kept: string) =>
      `This record, “${from}”, was merged with “${kept}”: here is the kept record.`,
  },
} satisfies Messages;
