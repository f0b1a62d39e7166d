// The experimenter's pages (/r/:token). Plain words, short sentences: many read them on a phone,
// some in a language that is not their first.
import { defineDictionary } from '../../i18n/i18n.tsx';

export const participant = defineDictionary({
  fr: {
    'doc.title': 'Questionnaire — {caisse}',
    'header.home': 'Accueil du questionnaire',
    loading: 'Chargement du questionnaire…',
    'invalid.title': 'Ce lien ne fonctionne pas',
    'invalid.body':
      'Il est peut-être incomplet, ou il a été remplacé ou désactivé. Demandez un nouveau lien à la personne qui coordonne votre caisse.',
    'loadError.title': 'Impossible de charger le questionnaire',
    'none.title': 'Pas de questionnaire ouvert en ce moment',
    'none.body':
      'Il n’y a rien à remplir pour l’instant. Gardez ce lien : il servira aussi pour le prochain questionnaire.',
    'choose.title': 'Choisissez un questionnaire',
    'choose.intro':
      'Plusieurs questionnaires sont ouverts pour vous. Vous pouvez les remplir dans l’ordre que vous voulez.',
    'wave.period': 'Période : {period}',
    'wave.closes': 'Ouvert jusqu’au {date}',
    'wave.submitted': 'Réponses envoyées le {date}',
    'wave.started': 'Commencé',
    'wave.todo': 'À remplir',
    'wave.done': 'Envoyé',
    'wave.start': 'Commencer',
    'wave.resume': 'Reprendre',
    'wave.edit': 'Modifier mes réponses',
    'draft.saving': 'Enregistrement…',
    'draft.saved': 'Progression enregistrée',
    'draft.offline': 'Hors ligne : vos réponses restent sur cet appareil',
    'draft.restored': 'Vos réponses précédentes ont été retrouvées : vous pouvez reprendre où vous en étiez.',
    'submit.title': 'Envoi de vos réponses',
    'submit.sending': 'Envoi en cours…',
    'submit.waitingOffline': 'Hors ligne : nouvel essai dans {s} s',
    'submit.waitingServer': 'Le serveur ne répond pas : nouvel essai dans {s} s',
    'submit.srOffline': 'Hors ligne : l’envoi reprendra automatiquement.',
    'submit.srServer': 'Le serveur ne répond pas : l’envoi reprendra automatiquement.',
    'submit.keep':
      'Vos réponses sont gardées sur cet appareil jusqu’à ce que le serveur les reçoive. Laissez cette page ouverte : l’envoi reprendra tout seul.',
    'submit.retryNow': 'Réessayer maintenant',
    'submit.invalid':
      'Quelques réponses sont à corriger avant l’envoi. Les questions concernées sont signalées.',
    'submit.failed': 'L’envoi a échoué : {message}',
    'closed.title': 'Ce questionnaire est fermé',
    'closed.body':
      'Il n’accepte plus de réponses. Si vous pensez que c’est une erreur, contactez la personne qui coordonne votre caisse.',
    'thanks.title': 'Merci pour vos réponses !',
    'thanks.body':
      'Elles ont bien été reçues le {date}. Elles aideront votre caisse à suivre ce qui change pour ses membres.',
    'thanks.close': 'Vous pouvez fermer cette page.',
    'thanks.next': 'Questionnaire suivant',
    'refused.title': 'C’est noté, merci',
    'refused.body':
      'Vous avez choisi de ne pas répondre. Seul ce choix est enregistré : aucune autre réponse n’est gardée. Cela ne change rien à votre place dans la caisse.',
    'refused.change':
      'Si vous changez d’avis, vous pouvez rouvrir ce lien tant que le questionnaire est ouvert.',
    'submitted.title': 'Vous avez déjà répondu',
    'submitted.body':
      'Vos réponses ont été envoyées le {date}. Vous pouvez les modifier tant que le questionnaire est ouvert.',
    'answers.title': 'Mes réponses',
    'answers.body':
      'Téléchargez une copie de toutes les réponses que vous avez envoyées. Le fichier (format JSON) contient votre code de participant et vos réponses, question par question.',
    'answers.code': 'Votre code de participant : {code}',
    'answers.download': 'Télécharger mes réponses',
    'answers.rights':
      'Vous pouvez demander à la personne qui coordonne votre caisse de corriger ou d’effacer vos réponses à tout moment.',
    'answers.back': 'Retour au questionnaire',
    'footer.answers': 'Télécharger mes réponses',
    'footer.privacy': 'Vous êtes identifié(e) par un code, jamais par votre nom.',
    'locale.label': 'Langue du questionnaire',
    'listen.label': 'Écouter',
    'listen.stop': 'Arrêter',
    'listen.aria': 'Écouter la question',
    'listen.ariaStop': 'Arrêter la lecture',
  },
  en: {
    'doc.title': 'Questionnaire — {caisse}',
    'header.home': 'Questionnaire home',
    loading: 'Loading the questionnaire…',
    'invalid.title': 'This link does not work',
    'invalid.body':
      'It may be incomplete, or it has been replaced or deactivated. Ask the person who coordinates your caisse for a new link.',
    'loadError.title': 'The questionnaire could not be loaded',
    'none.title': 'No questionnaire open at the moment',
    'none.body':
      'There is nothing to fill in for now. Keep this link: it will also work for the next questionnaire.',
    'choose.title': 'Choose a questionnaire',
    'choose.intro': 'Several questionnaires are open for you. You can fill them in in any order.',
    'wave.period': 'Period: {period}',
    'wave.closes': 'Open until {date}',
    'wave.submitted': 'Answers sent on {date}',
    'wave.started': 'Started',
    'wave.todo': 'To fill in',
    'wave.done': 'Sent',
    'wave.start': 'Start',
    'wave.resume': 'Resume',
    'wave.edit': 'Change my answers',
    'draft.saving': 'Saving…',
    'draft.saved': 'Progress saved',
    'draft.offline': 'Offline: your answers stay on this device',
    'draft.restored': 'Your previous answers were found: you can carry on where you left off.',
    'submit.title': 'Sending your answers',
    'submit.sending': 'Sending…',
    'submit.waitingOffline': 'Offline: trying again in {s} s',
    'submit.waitingServer': 'The server is not responding: trying again in {s} s',
    'submit.srOffline': 'Offline: sending will resume automatically.',
    'submit.srServer': 'The server is not responding: sending will resume automatically.',
    'submit.keep':
      'Your answers are kept on this device until the server receives them. Leave this page open: sending will resume by itself.',
    'submit.retryNow': 'Try again now',
    'submit.invalid': 'A few answers need correcting before sending. The questions concerned are marked.',
    'submit.failed': 'Sending failed: {message}',
    'closed.title': 'This questionnaire is closed',
    'closed.body':
      'It no longer accepts answers. If you think this is a mistake, contact the person who coordinates your caisse.',
    'thanks.title': 'Thank you for your answers!',
    'thanks.body':
      'They were received on {date}. They will help your caisse follow what changes for its members.',
    'thanks.close': 'You can close this page.',
    'thanks.next': 'Next questionnaire',
    'refused.title': 'Noted, thank you',
    'refused.body':
      'You chose not to answer. Only this choice is recorded: no other answer is kept. It changes nothing about your place in the caisse.',
    'refused.change':
      'If you change your mind, you can open this link again while the questionnaire is open.',
    'submitted.title': 'You have already answered',
    'submitted.body':
      'Your answers were sent on {date}. You can change them while the questionnaire is open.',
    'answers.title': 'My answers',
    'answers.body':
      'Download a copy of all the answers you have sent. The file (JSON format) contains your participant code and your answers, question by question.',
    'answers.code': 'Your participant code: {code}',
    'answers.download': 'Download my answers',
    'answers.rights':
      'You can ask the person who coordinates your caisse to correct or erase your answers at any time.',
    'answers.back': 'Back to the questionnaire',
    'footer.answers': 'Download my answers',
    'footer.privacy': 'You are identified by a code, never by your name.',
    'locale.label': 'Questionnaire language',
    'listen.label': 'Listen',
    'listen.stop': 'Stop',
    'listen.aria': 'Listen to the question',
    'listen.ariaStop': 'Stop reading',
  },
});
