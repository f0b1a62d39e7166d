// The translations spreadsheet of the questionnaires screen (download per version, import).
import { defineDictionary } from '../../i18n/i18n.tsx';

export const translations = defineDictionary({
  fr: {
    'translations.download': 'Traductions (XLSX)',
    'translations.downloadLabel': 'Chaînes à traduire de la version {version} (XLSX)',
    'translations.title': 'Importer des traductions',
    'translations.hint':
      'Téléchargez « Traductions (XLSX) » d’une version, ajoutez une colonne par langue (code en en-tête : es, pt, ar, tr, uk…) ou corrigez les textes, puis importez le fichier : une nouvelle version est créée avec ces langues. Le fichier est vérifié en entier : rien n’est appliqué s’il reste une erreur.',
    'translations.target': 'Questionnaire',
    'translations.file': 'Fichier rempli (.xlsx)',
    'translations.submit': 'Importer',
    'translations.created': 'Version {version} de « {title} » créée. Langues : fr, {locales}.',
    'translations.createdFrOnly': 'Version {version} de « {title} » créée (français seulement).',
    'translations.rejected':
      '{n} erreur(s) : aucune version créée. Corrigez le fichier et importez-le à nouveau.',
    'translations.caption': 'Erreurs du fichier, par ligne et colonne',
    'translations.row': 'Ligne',
    'translations.column': 'Colonne',
    'translations.message': 'Erreur',
    'translations.noRow': '—',
  },
  en: {
    'translations.download': 'Translations (XLSX)',
    'translations.downloadLabel': 'Strings to translate of version {version} (XLSX)',
    'translations.title': 'Import translations',
    'translations.hint':
      'Download a version’s “Translations (XLSX)”, add one column per language (code in the header: es, pt, ar, tr, uk…) or correct the texts, then import the file: a new version is created with these languages. The whole file is checked: nothing is applied while an error remains.',
    'translations.target': 'Questionnaire',
    'translations.file': 'Filled file (.xlsx)',
    'translations.submit': 'Import',
    'translations.created': 'Version {version} of “{title}” created. Languages: fr, {locales}.',
    'translations.createdFrOnly': 'Version {version} of “{title}” created (French only).',
    'translations.rejected': '{n} error(s): no version created. Correct the file and import it again.',
    'translations.caption': 'Errors in the file, by row and column',
    'translations.row': 'Row',
    'translations.column': 'Column',
    'translations.message': 'Error',
    'translations.noRow': '—',
  },
});
