import { defineCatalogue } from '../../i18n/locale.js';

export const messages = defineCatalogue({
  fr: {
    member: 'Adhérent Réseau Alliances',
    memberShort: 'Adhérent',
    since: (year: string) => `depuis ${year}`,
    linkLabel: (name: string, year?: string) =>
      `${name} est adhérent de Réseau Alliances${year ? ` depuis ${year}` : ''} : voir sa fiche sur le site du réseau`,
    linkSuffix: (name: string) => ` : ${name}, voir sa fiche sur le site du réseau`,
  },
  en: {
    member: 'Réseau Alliances member',
    memberShort: 'Member',
    since: (year: string) => `since ${year}`,
    linkLabel: (name: string, year?: string) =>
      `${name} is a member of Réseau Alliances${year ? ` since ${year}` : ''}: see its page on the network's site`,
    linkSuffix: (name: string) => `: ${name}, see its page on the network's site`,
  },
});
