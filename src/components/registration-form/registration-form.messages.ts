import type { FieldErrorKey } from '../../registration/contract.js';
import type { FixedFieldMessageKey } from '../../registration/fields.js';
import { defineCatalogue } from '../../i18n/locale.js';

/** How a field is named in error messages, and what kind of control it is (the wording depends on it). */
export interface FieldDescription {
  label: string;
  kind: 'text' | 'choice' | 'checkbox';
}

/** Every fixed field's label and hint (keys from `registration/fields.ts`: a new field fails here until named). */
export interface RegistrationFormMessages extends Record<FixedFieldMessageKey, string> {
  optional: string;
  questionsLegend: string;
  choose: string;
  /** After the consent label, before the privacy policy link. */
  consentPolicy: string;
  consentLink: string;
  newWindow: string;
  honeypot: string;
  submit: string;
  /** The submit button when the request goes to the waiting list: the card's button says the same. */
  submitWaitingList: string;
  sending: string;
  retry: string;
  close: string;
  dialogTitle: (eventName: string) => string;
  waitlistNotice: string;
  errorPrefix: string;
  summaryTitle: string;
  fieldError: (key: FieldErrorKey | string, field: FieldDescription) => string;
  loading: string;
  feedError: string;
  unknownEvent: string;
  unknownEventTitle: string;
  unknownEventBody: string;
  unavailableTitle: string;
  /** The answers are kept; `seconds` until the automatic retry. */
  unavailableRetrying: (seconds: number) => string;
  unavailableRetryingNow: string;
  unavailableGaveUp: string;
  confirmedTitle: string;
  /** `when` is undefined while the event's date is not announced. */
  confirmedBody: (when: string | undefined) => string;
  reference: (id: string) => string;
  addToCalendar: string;
  waitlistedTitle: string;
  waitlistedBody: (position: number) => string;
  alreadyRegisteredTitle: string;
  alreadyRegisteredBody: string;
  closedTitle: string;
  closedBody: string;
  opensOn: (when: string) => string;
  noRegistrationTitle: string;
  noRegistration: string;
  fullTitle: string;
  fullBody: string;
  membersOnlyTitle: string;
  membersOnlyBody: string;
  invalidTitle: string;
  rateLimitedTitle: string;
  rateLimitedBody: (seconds: number | undefined) => string;
  failedTitle: string;
  /** No answer came back (network down, timeout): the person's connection may be at fault. */
  failedBody: string;
  /** The server answered with an error (5xx): the fault is ours, not the person's connection. */
  serverErrorBody: string;
  cancelledTitle: string;
  cancelledBody: string;
  externalLink: string;
  externalIntro: string;
}

const frErrors: Record<FieldErrorKey, (field: FieldDescription) => string> = {
  required: ({ label, kind }) =>
    kind === 'choice'
      ? `Choisissez une réponse : « ${label} »`
      : kind === 'checkbox'
        ? `Cochez « ${label} »`
        : `Renseignez « ${label} »`,
  invalid: ({ label }) => `« ${label} » n’est pas valide`,
  email: () => 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr',
  phone: () => 'Saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89',
  'too-long': ({ label }) => `« ${label} » est trop long`,
  'too-many': () => 'Il y a trop de réponses',
  consent: () => 'Cochez la case pour accepter le traitement de vos données',
  'not-member': () => 'Choisissez une organisation adhérente du réseau dans la liste',
  malformed: ({ label }) =>
    `« ${label} » contient un caractère illisible (un emoji ou un caractère coupé) : retapez-le`,
  'control-character': ({ label }) =>
    `« ${label} » contient un caractère invisible (de contrôle ou de sens d’écriture) : retirez-le`,
};

const enErrors: Record<FieldErrorKey, (field: FieldDescription) => string> = {
  required: ({ label, kind }) =>
    kind === 'choice'
      ? `Choose an answer: “${label}”`
      : kind === 'checkbox'
        ? `Tick “${label}”`
        : `Enter “${label}”`,
  invalid: ({ label }) => `“${label}” is not valid`,
  email: () => 'Enter a valid e-mail address, like name@example.com',
  phone: () => 'Enter a valid phone number, like +44 20 7946 0000',
  'too-long': ({ label }) => `“${label}” is too long`,
  'too-many': () => 'There are too many answers',
  consent: () => 'Tick the box to agree to the processing of your data',
  'not-member': () => 'Choose a member organisation of the network from the list',
  malformed: ({ label }) =>
    `“${label}” contains an unreadable character (a broken emoji or symbol): type it again`,
  'control-character': ({ label }) =>
    `“${label}” contains an invisible character (a control or text-direction character): remove it`,
};

/** Keys from another server version fall back to "not valid" rather than showing a raw key. */
function errorText(errors: Record<FieldErrorKey, (field: FieldDescription) => string>) {
  return (key: string, field: FieldDescription) => (errors[key as FieldErrorKey] ?? errors.invalid)(field);
}

export const messages = defineCatalogue<RegistrationFormMessages>({
  fr: {
    firstName: 'Prénom',
    lastName: 'Nom',
    email: 'Adresse e-mail',
    emailHint: 'Pour vous joindre au sujet de votre inscription.',
    organisation: 'Organisation',
    jobTitle: 'Fonction',
    phone: 'Téléphone',
    optional: '(facultatif)',
    memberOrganisation: 'Organisation adhérente',
    memberOrganisationHint:
      'Cet événement est réservé aux adhérents : indiquez votre organisation adhérente.',
    questionsLegend: 'Questions de l’organisateur',
    choose: 'Choisir…',
    consent: 'J’accepte que mes données soient traitées pour gérer mon inscription',
    consentPolicy: ', selon la ',
    consentLink: 'politique de confidentialité',
    newWindow: '(nouvelle fenêtre)',
    newsletter: 'Je souhaite recevoir la lettre d’information du réseau',
    honeypot: 'Ne remplissez pas ce champ',
    submit: 'S’inscrire',
    submitWaitingList: 'S’inscrire sur liste d’attente',
    sending: 'Envoi…',
    retry: 'Réessayer',
    close: 'Fermer',
    dialogTitle: (name) => `Inscription : ${name}`,
    waitlistNotice: 'Cet événement est complet : votre demande sera placée sur liste d’attente.',
    errorPrefix: 'Erreur :',
    summaryTitle: 'Il y a un problème',
    fieldError: errorText(frErrors),
    loading: 'Chargement…',
    feedError: 'Impossible de charger les informations de l’événement.',
    unknownEvent: 'Cet événement est introuvable.',
    unknownEventTitle: 'Cet événement n’est plus au programme',
    unknownEventBody:
      'Votre inscription n’a pas été enregistrée : l’événement a été retiré du programme entre-temps. Consultez l’agenda pour les autres rendez-vous.',
    unavailableTitle: 'Le service d’inscription est momentanément indisponible',
    unavailableRetrying: (seconds) =>
      `Vos réponses sont conservées. Nouvel essai automatique ${seconds > 0 ? `dans ${seconds} seconde${seconds > 1 ? 's' : ''}` : 'dans un instant'}.`,
    unavailableRetryingNow: 'Vos réponses sont conservées. Nouvel essai en cours…',
    unavailableGaveUp: 'Vos réponses sont conservées. Réessayez dans quelques minutes.',
    confirmedTitle: 'Votre inscription est confirmée',
    confirmedBody: (when) =>
      when
        ? `Nous vous attendons ${when}.`
        : 'L’organisateur vous communiquera la date dès qu’elle sera fixée.',
    reference: (id) => `Référence : ${id}`,
    addToCalendar: 'Ajouter à mon agenda',
    waitlistedTitle: 'Vous êtes sur liste d’attente',
    waitlistedBody: (position) =>
      `Vous êtes en position ${position} sur la liste d’attente. Nous vous écrirons si une place se libère.`,
    alreadyRegisteredTitle: 'Vous êtes déjà inscrit·e',
    alreadyRegisteredBody: 'Une inscription existe déjà avec cette adresse e-mail pour cet événement.',
    closedTitle: 'Les inscriptions sont closes',
    closedBody: 'Il n’est plus possible de s’inscrire à cet événement.',
    opensOn: (when) => `Les inscriptions ouvriront le ${when}.`,
    noRegistrationTitle: 'Pas d’inscription en ligne',
    noRegistration: 'Cet événement ne prend pas d’inscription en ligne.',
    fullTitle: 'Cet événement est complet',
    fullBody: 'Toutes les places ont été attribuées.',
    membersOnlyTitle: 'Réservé aux adhérents',
    membersOnlyBody: 'Cet événement est réservé aux organisations adhérentes du réseau.',
    invalidTitle: 'Certaines réponses ont été refusées',
    rateLimitedTitle: 'Trop de tentatives',
    rateLimitedBody: (seconds) =>
      seconds
        ? `Réessayez dans ${seconds} seconde${seconds > 1 ? 's' : ''}.`
        : 'Réessayez dans quelques instants.',
    failedTitle: 'Votre inscription n’a pas pu être envoyée',
    failedBody: 'Vos réponses sont conservées. Vérifiez votre connexion puis réessayez.',
    serverErrorBody:
      'Vos réponses sont conservées. Le service d’inscription a rencontré une erreur de son côté : réessayez dans quelques minutes.',
    cancelledTitle: 'Événement annulé',
    cancelledBody: 'Cet événement est annulé : les inscriptions sont fermées.',
    externalLink: 'S’inscrire sur le site de l’organisateur',
    externalIntro: 'Les inscriptions à cet événement se font sur le site de l’organisateur.',
  },
  en: {
    firstName: 'First name',
    lastName: 'Last name',
    email: 'E-mail address',
    emailHint: 'So that we can reach you about your registration.',
    organisation: 'Organisation',
    jobTitle: 'Job title',
    phone: 'Phone',
    optional: '(optional)',
    memberOrganisation: 'Member organisation',
    memberOrganisationHint: 'This event is for members only: give your member organisation.',
    questionsLegend: 'Questions from the organiser',
    choose: 'Choose…',
    consent: 'I agree to my data being processed to manage my registration',
    consentPolicy: ', as described in the ',
    consentLink: 'privacy policy',
    newWindow: '(opens in a new window)',
    newsletter: 'I would like to receive the network’s newsletter',
    honeypot: 'Leave this field empty',
    submit: 'Register',
    submitWaitingList: 'Join the waiting list',
    sending: 'Sending…',
    retry: 'Try again',
    close: 'Close',
    dialogTitle: (name) => `Registration: ${name}`,
    waitlistNotice: 'This event is full: your request will be put on the waiting list.',
    errorPrefix: 'Error:',
    summaryTitle: 'There is a problem',
    fieldError: errorText(enErrors),
    loading: 'Loading…',
    feedError: 'The event’s details could not be loaded.',
    unknownEvent: 'This event could not be found.',
    unknownEventTitle: 'This event is no longer on the programme',
    unknownEventBody:
      'Your registration was not recorded: the event was removed from the programme meanwhile. See the agenda for other events.',
    unavailableTitle: 'Registration is briefly unavailable',
    unavailableRetrying: (seconds) =>
      `Your answers are kept. We will try again ${seconds > 0 ? `in ${seconds} second${seconds > 1 ? 's' : ''}` : 'in a moment'}.`,
    unavailableRetryingNow: 'Your answers are kept. Trying again…',
    unavailableGaveUp: 'Your answers are kept. Please try again in a few minutes.',
    confirmedTitle: 'Your registration is confirmed',
    confirmedBody: (when) =>
      when
        ? `We look forward to seeing you ${when}.`
        : 'The organiser will tell you the date as soon as it is set.',
    reference: (id) => `Reference: ${id}`,
    addToCalendar: 'Add to my calendar',
    waitlistedTitle: 'You are on the waiting list',
    waitlistedBody: (position) =>
      `You are number ${position} on the waiting list. We will write to you if a place becomes free.`,
    alreadyRegisteredTitle: 'You are already registered',
    alreadyRegisteredBody: 'A registration with this e-mail address already exists for this event.',
    closedTitle: 'Registration is closed',
    closedBody: 'It is no longer possible to register for this event.',
    opensOn: (when) => `Registration opens on ${when}.`,
    noRegistrationTitle: 'No online registration',
    noRegistration: 'This event does not take registrations online.',
    fullTitle: 'This event is full',
    fullBody: 'All places have been taken.',
    membersOnlyTitle: 'Members only',
    membersOnlyBody: 'This event is reserved for the network’s member organisations.',
    invalidTitle: 'Some answers were refused',
    rateLimitedTitle: 'Too many attempts',
    rateLimitedBody: (seconds) =>
      seconds ? `Try again in ${seconds} second${seconds > 1 ? 's' : ''}.` : 'Try again in a moment.',
    failedTitle: 'Your registration could not be sent',
    failedBody: 'Your answers are kept. Check your connection, then try again.',
    serverErrorBody:
      'Your answers are kept. The registration service had an error on its side: please try again in a few minutes.',
    cancelledTitle: 'Event cancelled',
    cancelledBody: 'This event is cancelled: registration is closed.',
    externalLink: 'Register on the organiser’s website',
    externalIntro: 'Registration for this event is on the organiser’s website.',
  },
});
