import type { PickedType } from '../../db/picker-queries';
import { formatNumber } from '../../domain/numbers';
import type { Messages } from '../i18n/messages';

export const pickerMessages = {
  fr: {
    absent: (type: PickedType): string =>
      type === 'organisations' ? 'Lieu absent de cet appareil' : 'Personne absente de cet appareil',
    searchLabel: (label: string) => `Chercher\u00a0: ${label}`,
    remove: (name: string) => `Retirer ${name}`,
    change: 'Changer',
    changeNamed: (name: string) => `Changer (${name})`,
    create: (text: string) => `Créer «\u00a0${text}\u00a0»`,
    noMatch: 'Aucun résultat\u00a0: vérifiez l’orthographe.',
    searching: 'Recherche…',
    results: (count: number) =>
      count === 0 ? 'Aucun résultat' : count === 1 ? '1 résultat' : `${formatNumber(count, 'fr')} résultats`,
    more: (count: number) => `${formatNumber(count, 'fr')} autres\u00a0: précisez la recherche.`,
    suggested: 'Suggestions',
    contactName: 'Nom',
    contactRole: 'Rôle',
    contactPhone: 'Téléphone',
    contactEmail: 'E-mail',
    contactSave: 'Ajouter la personne',
    contactNotAdded:
      'Cette personne n’est pas encore ajoutée\u00a0: «\u00a0Ajouter la personne\u00a0» ou «\u00a0Annuler\u00a0», puis enregistrez.',
    contactCancel: 'Annuler',
    contactNew: 'Nouvelle personne',
    contactLinkTo: (lieu: string) => `Rattacher à «\u00a0${lieu}\u00a0»`,
    saveFailed: 'L’enregistrement a échoué. Ce qui est saisi est conservé\u202f; réessayez.',
    organisationNew: 'Nouveau lieu',
    organisationName: 'Nom du lieu',
    organisationKind: 'Type',
    organisationSave: 'Ajouter le lieu',
    organisationNotAdded:
      'Ce lieu n’est pas encore ajouté\u00a0: «\u00a0Ajouter le lieu\u00a0» ou «\u00a0Annuler\u00a0», puis enregistrez.',
  },
  en: {
    absent: (type: PickedType): string =>
      type === 'organisations' ? 'Place not on this device' : 'Person not on this device',
    searchLabel: (label: string) => `Search: ${label}`,
    remove: (name: string) => `Remove ${name}`,
    change: 'Change',
    changeNamed: (name: string) => `Change (${name})`,
    create: (text: string) => `Create “${text}”`,
    noMatch: 'No result: check the spelling.',
    searching: 'Searching…',
    results: (count: number) =>
      count === 0 ? 'No results' : count === 1 ? '1 result' : `${formatNumber(count, 'en')} results`,
    more: (count: number) => `${formatNumber(count, 'en')} more: refine the search.`,
    suggested: 'Suggestions',
    contactName: 'Name',
    contactRole: 'Role',
    contactPhone: 'Phone',
    contactEmail: 'Email',
    contactSave: 'Add the person',
    contactNotAdded: 'This person is not added yet: "Add the person" or "Cancel", then save.',
    contactCancel: 'Cancel',
    contactNew: 'New person',
    contactLinkTo: (lieu: string) => `Link to “${lieu}”`,
    saveFailed: 'Saving failed. What you typed is kept; try again.',
    organisationNew: 'New place',
    organisationName: 'Name of the place',
    organisationKind: 'Kind',
    organisationSave: 'Add the place',
    organisationNotAdded: 'This place is not added yet: "Add the place" or "Cancel", then save.',
  },
} satisfies Messages;
