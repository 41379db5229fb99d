import { formatCount } from '../../i18n/format.js';
import { lazyCatalogue } from '../../i18n/lazy-catalogue.js';

const fr = {
  regionLabel: 'Agenda du réseau',
  filtersLabel: 'Filtrer les événements',
  search: 'Rechercher',
  searchPlaceholder: 'Rechercher : mot-clé, lieu, programme…',
  filters: 'Filtres',
  categories: 'Catégories',
  programmes: 'Programmes',
  view: 'Période',
  upcoming: 'À venir',
  past: 'Passés',
  membersOnly: 'Réservés aux adhérents',
  mode: 'Format',
  anyMode: 'Tous les formats',
  online: 'En ligne',
  offline: 'En présentiel',
  clearFilters: 'Effacer les filtres',
  loading: 'Chargement de l’agenda…',
  error: 'Impossible de charger l’agenda pour le moment.',
  retry: 'Réessayer',
  noUpcoming: 'Aucun événement à venir',
  undatedHeading: 'Dates à venir',
  noPast: 'Aucun événement passé',
  showPast: 'Voir les événements passés',
  showUpcoming: 'Voir les événements à venir',
  noMatch: 'Aucun événement ne correspond à votre recherche',
  more: 'Voir plus',
  results: (n: number) => `${formatCount(n, 'fr')} ${n > 1 ? 'événements' : 'événement'}`,
  moreShown: (n: number) => `${formatCount(n, 'fr')} ${n > 1 ? 'événements' : 'événement'} de plus`,
};

export type AgendaMessages = typeof fr;

/** What `<ra-agenda>` says, in each language the widgets speak; English loads when asked for. */
export const messages = lazyCatalogue(fr, {
  en: () => import('./agenda.messages.en.js').then((module) => module.en),
});
