import { MAX_TAGS } from '../../../domain/fields';
import type { LieuImportTarget, LieuSourceFormat, LieuSourceProblem } from '../../../domain/lieu-import';
import { formatNumber } from '../../../domain/numbers';
import type { TextEncodingName } from '../../../domain/text-file';
import type { Messages } from '../../i18n/messages';

const ENCODINGS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (avec BOM)',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252 (Excel)',
};

export const importMessages = {
  fr: {
    openImport: 'Importer des lieux',
    title: 'Importer des lieux',
    purpose:
      'Depuis une carte GoGoCarto (export JSON ou CSV), le recensement des tiers-lieux ou tout tableau CSV\u00a0: rien n’est écrit avant votre confirmation.',
    pick: 'Choisir un fichier',
    pickHint: 'JSON ou CSV\u202f; les fichiers enregistrés par Excel (Windows-1252) sont lus correctement.',
    readingShare: (percent: number) => `Lecture du fichier… ${percent}\u00a0%`,
    checking: (done: number, total: number) =>
      `Vérification des lignes… ${formatNumber(done, 'fr')} sur ${formatNumber(total, 'fr')}`,
    problem: (problem: LieuSourceProblem) =>
      ({
        blank:
          'Ce fichier est vide\u202f; rien n’a été importé. Vérifiez que vous avez choisi le bon fichier, ou exportez-le de nouveau.',
        empty: 'Ce fichier ne contient aucune ligne de lieu.',
        bad_json: 'Ce fichier JSON est illisible (coupé ou abîmé\u202f?). Réexportez-le depuis la carte.',
        no_elements: 'Ce fichier JSON ne contient aucun élément de carte.',
        spreadsheet:
          'Ce fichier est un classeur (Excel, LibreOffice) ou une archive, pas un CSV\u00a0: dans le tableur, enregistrez-le au format CSV, puis choisissez ce fichier CSV.',
        binary: 'Ce fichier n’est pas du texte\u00a0: choisissez un fichier CSV ou JSON.',
        too_large:
          'Ce fichier pèse plus de 50 Mo\u00a0: trop pour être lu sur cet appareil. Découpez-le dans le tableur (par exemple une région par fichier) et importez les morceaux l’un après l’autre\u202f; rien n’a été importé.',
        too_many_columns:
          'Ce fichier a plus de 1\u202f000 colonnes\u00a0: ce n’est sans doute pas une liste de lieux (un export GoGoCarto ou le recensement en a moins de 100). Vérifiez le fichier choisi\u202f; rien n’a été importé.',
        too_deep:
          'Ce fichier JSON est imbriqué sur plus de 64 niveaux\u00a0: ce n’est pas un export de carte (GoGoCarto en a moins de 10). Vérifiez le fichier choisi\u202f; rien n’a été importé.',
      })[problem],
    unclosedQuote: (line: number) =>
      `Ligne ${line}\u00a0: un guillemet ouvert n’est jamais refermé, le reste du fichier serait lu comme une seule case. Corrigez cette ligne dans le tableur\u202f; rien n’a été importé.`,
    unreadable: 'Impossible de lire ce fichier. Rien n’a été importé.',
    format: (format: LieuSourceFormat): string => (format === 'csv' ? 'Tableau CSV' : 'Export GoGoCarto (JSON)'),
    encoding: (encoding: TextEncodingName) => `encodage ${ENCODINGS[encoding]}`,
    rows: (count: number) => (count === 1 ? '1 ligne' : `${formatNumber(count, 'fr')} lignes`),
    mapping: 'Colonnes',
    mappingHint: 'Chaque colonne remplit un champ du lieu\u202f; changez ce qui a été deviné si besoin.',
    example: (value: string) => `ex.\u00a0: ${value}`,
    noExample: 'vide sur les premières lignes',
    sameField: (header: string, column: number, field: string) =>
      `Comme «\u00a0${header}\u00a0» (colonne ${column}), elle donne le champ «\u00a0${field}\u00a0»\u00a0: elle va dans les notes, pour ne rien perdre.`,
    target: (target: LieuImportTarget) =>
      ({
        name: 'Nom',
        typology: 'Typologie',
        legalStructure: 'Forme juridique',
        address: 'Adresse',
        postcode: 'Code postal',
        commune: 'Commune',
        inseeCode: 'Code INSEE',
        website: 'Site web',
        email: 'E-mail',
        phone: 'Téléphone',
        latitude: 'Latitude',
        longitude: 'Longitude',
        tags: 'Étiquettes',
        notes: 'Notes',
        ignore: 'Ne pas importer',
      })[target],
    communesLoading: 'Chargement des communes…',
    communesUnavailable:
      'La liste des communes n’a pas pu être chargée\u00a0: les codes INSEE, départements et régions ne seront pas remplis.',
    preview: 'Ce qui sera fait',
    summary: (added: number, merged: number, refused: number) =>
      `${formatNumber(added, 'fr')} à ajouter · ${formatNumber(merged, 'fr')} à fusionner avec un lieu existant · ${formatNumber(refused, 'fr')} refusée${refused > 1 ? 's' : ''}`,
    noName: 'pas de nom',
    tooManyTags: (into: string, tags: number) =>
      `fusionné avec «\u00a0${into}\u00a0», le lieu aurait ${formatNumber(tags, 'fr')} étiquettes, ${formatNumber(MAX_TAGS, 'fr')} au plus. Retirez-en dans le tableur`,
    extraCells: (cells: number, columns: number) =>
      `${formatNumber(cells, 'fr')} cases remplies pour ${formatNumber(columns, 'fr')} colonnes\u00a0: une case contient sans doute un séparateur («\u00a0;\u00a0») sans guillemets, ce qui décale les colonnes. Corrigez cette ligne dans le tableur`,
    confirm: (count: number) => (count === 1 ? 'Importer 1 lieu' : `Importer ${formatNumber(count, 'fr')} lieux`),
    cancel: 'Annuler',
    writing: 'Import en cours…',
    writingCount: (done: number, total: number) =>
      `Écriture des lieux… ${formatNumber(done, 'fr')} sur ${formatNumber(total, 'fr')}`,
    failed: 'L’import a échoué\u202f; aucun lieu n’a été écrit. Réessayez.',
    doneTitle: 'Import terminé',
    done: (added: number, merged: number, refused: number) =>
      `${formatNumber(added, 'fr')} ajouté${added > 1 ? 's' : ''}, ${formatNumber(merged, 'fr')} fusionné${merged > 1 ? 's' : ''}, ${formatNumber(refused, 'fr')} refusé${refused > 1 ? 's' : ''}.`,
    report: 'Rapport ligne par ligne',
    lineLabel: (line: number) => `Ligne ${line}`,
    added: 'ajouté',
    toAdd: 'à ajouter',
    merged: (name: string, reason: string) => `fusionné avec «\u00a0${name}\u00a0» (${reason})`,
    toMerge: (name: string, reason: string) => `à fusionner avec «\u00a0${name}\u00a0» (${reason})`,
    intoLine: (name: string, line: number) => `${name}, ligne ${line}`,
    refused: (reason: string) => `refusé\u00a0: ${reason}`,
    moreLines: (count: number) =>
      count === 1 ? '… et 1 autre ligne' : `… et ${formatNumber(count, 'fr')} autres lignes`,
    seeLieux: 'Voir les lieux',
  },
  en: {
    openImport: 'Import places',
    title: 'Import places',
    purpose:
      'From a GoGoCarto map (JSON or CSV export), the census of third places or any CSV table: nothing is written before you confirm.',
    pick: 'Choose a file',
    pickHint: 'JSON or CSV; files saved by Excel (Windows-1252) are read correctly.',
    readingShare: (percent: number) => `Reading the file… ${percent}%`,
    checking: (done: number, total: number) =>
      `Checking lines… ${formatNumber(done, 'en')} of ${formatNumber(total, 'en')}`,
    problem: (problem: LieuSourceProblem) =>
      ({
        blank: 'This file is empty; nothing was imported. Check you picked the right file, or export it again.',
        empty: 'This file holds no line of places.',
        bad_json: 'This JSON file cannot be read (cut or damaged?). Export it again from the map.',
        no_elements: 'This JSON file holds no map element.',
        spreadsheet:
          'This file is a workbook (Excel, LibreOffice) or an archive, not a CSV: save it as CSV in the spreadsheet, then choose that CSV file.',
        binary: 'This file is not text: choose a CSV or JSON file.',
        too_large:
          'This file is over 50 MB: too large to read on this device. Split it in the spreadsheet (one region per file, say) and import the parts one after the other; nothing was imported.',
        too_many_columns:
          'This file has over 1,000 columns: it is most likely no list of places (a GoGoCarto export or the census has fewer than 100). Check the file you picked; nothing was imported.',
        too_deep:
          'This JSON file is nested more than 64 levels deep: it is no map export (GoGoCarto nests fewer than 10). Check the file you picked; nothing was imported.',
      })[problem],
    unclosedQuote: (line: number) =>
      `Line ${line}: a quote opened here is never closed, the rest of the file would be read as one cell. Fix this line in the spreadsheet; nothing was imported.`,
    unreadable: 'This file cannot be read. Nothing was imported.',
    format: (format: LieuSourceFormat) => (format === 'csv' ? 'CSV table' : 'GoGoCarto export (JSON)'),
    encoding: (encoding: TextEncodingName) => `${ENCODINGS[encoding]} encoding`,
    rows: (count: number) => (count === 1 ? '1 line' : `${formatNumber(count, 'en')} lines`),
    mapping: 'Columns',
    mappingHint: 'Each column fills a field of the place; change what was guessed if needed.',
    example: (value: string) => `e.g. ${value}`,
    noExample: 'empty on the first lines',
    sameField: (header: string, column: number, field: string) =>
      `Like “${header}” (column ${column}), it gives the field “${field}”: it goes to the notes, so nothing is lost.`,
    target: (target: LieuImportTarget) =>
      ({
        name: 'Name',
        typology: 'Typology',
        legalStructure: 'Legal structure',
        address: 'Address',
        postcode: 'Postcode',
        commune: 'Town',
        inseeCode: 'INSEE code',
        website: 'Website',
        email: 'Email',
        phone: 'Phone',
        latitude: 'Latitude',
        longitude: 'Longitude',
        tags: 'Tags',
        notes: 'Notes',
        ignore: 'Do not import',
      })[target],
    communesLoading: 'Loading towns…',
    communesUnavailable:
      'The list of towns could not be loaded: INSEE codes, départements and regions will stay empty.',
    preview: 'What will be done',
    summary: (added: number, merged: number, refused: number) =>
      `${formatNumber(added, 'en')} to add · ${formatNumber(merged, 'en')} to merge with an existing place · ${formatNumber(refused, 'en')} refused`,
    noName: 'no name',
    tooManyTags: (into: string, tags: number) =>
      `merged into “${into}”, this place would have ${formatNumber(tags, 'en')} tags, ${formatNumber(MAX_TAGS, 'en')} at most. Remove some in the spreadsheet`,
    extraCells: (cells: number, columns: number) =>
      `${formatNumber(cells, 'en')} filled cells for ${formatNumber(columns, 'en')} columns: a cell probably holds a separator (";") without quotes, which shifts the columns. Fix this line in the spreadsheet`,
    confirm: (count: number) => (count === 1 ? 'Import 1 place' : `Import ${formatNumber(count, 'en')} places`),
    cancel: 'Cancel',
    writing: 'Importing…',
    writingCount: (done: number, total: number) =>
      `Writing places… ${formatNumber(done, 'en')} of ${formatNumber(total, 'en')}`,
    failed: 'The import failed; no place was written. Try again.',
    doneTitle: 'Import finished',
    done: (added: number, merged: number, refused: number) =>
      `${formatNumber(added, 'en')} added, ${formatNumber(merged, 'en')} merged, ${formatNumber(refused, 'en')} refused.`,
    report: 'Line by line',
    lineLabel: (line: number) => `Line ${line}`,
    added: 'added',
    toAdd: 'to add',
    merged: (name: string, reason: string) => `merged with “${name}” (${reason})`,
    toMerge: (name: string, reason: string) => `to merge with “${name}” (${reason})`,
    intoLine: (name: string, line: number) => `${name}, line ${line}`,
    refused: (reason: string) => `refused: ${reason}`,
    moreLines: (count: number) => (count === 1 ? '… and 1 more line' : `… and ${formatNumber(count, 'en')} more lines`),
    seeLieux: 'See places',
  },
} satisfies Messages;
