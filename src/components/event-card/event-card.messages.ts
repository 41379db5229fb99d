import { lazyCatalogue } from '../../i18n/lazy-catalogue.js';

/** The feed's category slugs (docs/feed-format.md), as readers call them; an unknown slug shows as is. */
const frCategories: Record<string, string> = {
  club: 'Club',
  atelier: 'Atelier',
  formation: 'Formation',
  webinaire: 'Webinaire',
  forum: 'Forum',
  conference: 'Conférence',
  soiree: 'Soirée',
  'portes-ouvertes': 'Portes ouvertes',
  visite: 'Visite',
  'petit-dejeuner': 'Petit-déjeuner',
  rencontre: 'Rencontre',
  autre: 'Autre',
};

const fr = {
  register: 'S’inscrire',
  newWindow: '(nouvelle fenêtre)',
  postponed: 'Reporté',
  rescheduled: 'Reprogrammé',
  previously: (dates: string) => `initialement le ${dates}`,
  cancelled: 'Annulé',
  online: 'En ligne',
  full: 'Complet',
  registrationClosed: 'Inscriptions closes',
  waitingList: 'Liste d’attente',
  registerWaitingList: 'S’inscrire sur liste d’attente',
  opensOn: (date: string) => `Inscriptions à partir du ${date}`,
  opensSoon: 'Inscriptions bientôt ouvertes',
  placesLeft: (count: number) => (count === 1 ? 'Plus qu’une place' : `Plus que ${count} places`),
  free: 'Gratuit',
  membersOnly: 'Réservé aux adhérents',
  audience: (audiences: string) => `Public : ${audiences}`,
  allDay: 'Toute la journée',
  dateToCome: 'Date à venir',
  dateToComeShort: 'À venir',
  sessions: (count: number) => `${count} sessions`,
  map: 'Voir sur la carte',
  addToCalendar: 'Ajouter à mon agenda',
  // Shown on narrow cards; the full label stays the button's name, and contains it (WCAG 2.5.3, label in name).
  addToCalendarShort: 'Mon agenda',
  downloadIcs: 'Fichier .ics (Apple, Outlook…)',
  google: 'Google Agenda',
  outlook: 'Outlook.com',
  copyLink: 'Copier le lien',
  linkCopied: 'Lien copié',
  copyFallback: 'Copiez ce lien :',
  moreDetails: 'Plus de détails',
  loadingDescription: 'Chargement de la description…',
  contact: 'Contact',
  phone: 'Téléphone',
  email: 'Courriel',
  organizers: 'Organisé par',
  partners: 'Partenaires',
  eventPage: 'Page de l’événement',
  loading: 'Chargement de l’événement…',
  loadError: 'L’événement n’a pas pu être chargé.',
  retry: 'Réessayer',
  notFound: 'Événement introuvable.',
  category: (slug: string) => frCategories[slug] ?? slug,
};

/** What an event card says, in each language. Functions take the values they show. English loads when asked for. */
export const eventCardMessages = lazyCatalogue(fr, {
  en: () => import('./event-card.messages.en.js').then((module) => module.en),
});

export type EventCardMessages = typeof fr;
