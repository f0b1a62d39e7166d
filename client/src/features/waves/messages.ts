// Reminders of a participant wave: its non-respondents and the relaunch sheet (new links as QR codes).
import { defineDictionary } from '../../i18n/i18n.tsx';

export const reminders = defineDictionary({
  fr: {
    open: 'Relancer',
    openLabel: 'Relancer les non-répondants de la vague {period}',
    title: 'Relance · vague {period}',
    hashed:
      'Les liens sont conservés chiffrés : imprimer la feuille de relance crée de nouveaux liens et désactive les anciens.',
    intro:
      'Personnes sans réponse à cette vague. La feuille (PDF, A4) donne à chacune une carte à découper avec son code, un QR code et son nouveau lien.',
    refusals: 'Les personnes qui ont refusé de participer ne sont pas relancées.',
    loading: 'Chargement des non-répondants…',
    none: 'Tout le monde a répondu à cette vague : personne à relancer.',
    all: 'Tout sélectionner ({n})',
    selected: '{n} sélectionnée(s) sur {total}',
    listLabel: 'Non-répondants',
    issued: 'lien du {date}',
    draft: 'commencé le {date}',
    revoked: 'lien révoqué',
    tooMany: '500 personnes au plus par feuille : sélectionnez-en moins, ou toutes.',
    printCount: 'Créer {n} nouveau(x) lien(s) et télécharger la feuille',
    done: '{n} nouveau(x) lien(s) créé(s) : la feuille « {file} » est téléchargée. Les anciens liens de ces personnes ne fonctionnent plus.',
    close: 'Fermer',
  },
  en: {
    open: 'Remind',
    openLabel: 'Remind the non-respondents of wave {period}',
    title: 'Reminders · wave {period}',
    hashed:
      'Links are stored encrypted: printing the reminder sheet creates new links and disables the old ones.',
    intro:
      'People who have not answered this wave. The sheet (PDF, A4) gives each of them a card to cut out with their code, a QR code and their new link.',
    refusals: 'People who declined to take part are not reminded.',
    loading: 'Loading the non-respondents…',
    none: 'Everyone has answered this wave: nobody to remind.',
    all: 'Select all ({n})',
    selected: '{n} selected out of {total}',
    listLabel: 'Non-respondents',
    issued: 'link of {date}',
    draft: 'started on {date}',
    revoked: 'link revoked',
    tooMany: 'At most 500 people per sheet: select fewer, or all of them.',
    printCount: 'Create {n} new link(s) and download the sheet',
    done: '{n} new link(s) created: the sheet “{file}” is downloaded. These people’s old links no longer work.',
    close: 'Close',
  },
});
