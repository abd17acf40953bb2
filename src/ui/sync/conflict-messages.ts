// The words of a text's concurrent versions (ConflictNotice), loaded with the screens that show one.

import { formatNumber } from '../../domain/numbers';
import type { Messages } from '../i18n/messages';

export const messages = {
  fr: {
    conflictTitle: (count: number) =>
      count === 1 ? '2 versions de ce texte' : `${formatNumber(count + 1, 'fr')} versions de ce texte`,
    conflictExplain:
      'Ce texte a été modifié en même temps sur un autre appareil. Rien n’a été perdu\u00a0: choisissez la version à garder, ou fusionnez-les.',
    conflictOther: (author: string, when: string) => `Autre version, par ${author || 'un autre appareil'}, ${when}`,
    conflictNoteOfOther: (author: string) =>
      `Cette note a été modifiée en même temps sur deux appareils. Rien n’a été perdu\u00a0: seuls ${author || 'son auteur'} et les admins du réseau peuvent choisir la version à garder.`,
    conflictShown: 'Version affichée',
    conflictEmpty: '(texte vide)',
    conflictKeepShown: 'Garder cette version',
    conflictTake: 'Prendre cette version',
    conflictMerge: 'Fusionner les deux',
    conflictMergeLabel: 'Texte fusionné',
    conflictMergeSave: 'Enregistrer la fusion',
    conflictCancel: 'Annuler',
    conflictFailed: 'La résolution n’a pas pu être enregistrée. Réessayez\u202f; les deux versions sont conservées.',
    conflictSettled: 'Choix enregistré\u00a0: ce texte n’a plus qu’une version.',
  },
  en: {
    conflictTitle: (count: number) => `${formatNumber(count + 1, 'en')} versions of this text`,
    conflictExplain:
      'This text was changed at the same time on another device. Nothing was lost: choose the version to keep, or merge them.',
    conflictOther: (author: string, when: string) => `Other version, by ${author || 'another device'}, ${when}`,
    conflictNoteOfOther: (author: string) =>
      `This note was changed at the same time on two devices. Nothing was lost: only ${author || 'its author'} and the network’s admins can choose the version to keep.`,
    conflictShown: 'Shown version',
    conflictEmpty: '(empty text)',
    conflictKeepShown: 'Keep this version',
    conflictTake: 'Take this version',
    conflictMerge: 'Merge both',
    conflictMergeLabel: 'Merged text',
    conflictMergeSave: 'Save the merge',
    conflictCancel: 'Cancel',
    conflictFailed: 'The choice could not be saved. Try again; both versions are kept.',
    conflictSettled: 'Choice saved: this text has one version again.',
  },
} satisfies Messages;
