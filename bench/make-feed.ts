/**
 * Generates a large, valid synthetic feed for tests and benchmarks: `tsx bench/make-feed.ts 10000 [out.json]`.
 * Deterministic (seeded), so two runs compare the same data; varied like the real agenda (statuses, sessions,
 * online and in-person, members-only, accents), spread over the years around 2020 in Paris time.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** A small seeded generator (mulberry32): the same feed for the same count. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const topics = [
  'Réunion du Club des référents RSE',
  'Atelier mobilité durable',
  'Formation management de la mobilité',
  'Webinaire économie circulaire',
  'Petit-déjeuner achats responsables',
  'Soirée des nouveaux adhérents',
  'Visite d’entreprise engagée',
  'Conférence qualité de vie au travail',
  'Rencontre mécénat et fondations',
  'Forum de l’économie responsable',
];
const categories = [
  'club',
  'atelier',
  'formation',
  'webinaire',
  'petit-dejeuner',
  'soiree',
  'visite',
  'conference',
  'rencontre',
  'forum',
];
const programmes = ['Déclic Mobilités', 'SOBIZHUB', 'Cycle Habiter', 'Club des référents RSE', undefined];
const cities = [
  ['Lille', '59000'],
  ['Roubaix', '59100'],
  ['Arras', '62000'],
  ['Amiens', '80000'],
  ['Loos-en-Gohelle', '62750'],
] as const;
const statuses = [
  'EventScheduled',
  'EventScheduled',
  'EventScheduled',
  'EventScheduled',
  'EventPostponed',
  'EventCancelled',
  'EventMovedOnline',
  'EventRescheduled',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** Paris wall-clock time with its offset (summer time from the last Sunday of March to the last of October). */
function parisDateTime(date: Date, hour: number, minute: number): string {
  const year = date.getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return last.getUTCDate() - last.getUTCDay();
  };
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const summer =
    (month > 2 && month < 9) || (month === 2 && day >= lastSunday(2)) || (month === 9 && day < lastSunday(9));
  return `${year}-${pad(month + 1)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00${summer ? '+02:00' : '+01:00'}`;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function makeFeed(count: number, seed = 2020): object {
  const next = random(seed + count);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const firstDay = Date.UTC(2018, 0, 1);
  const events = Array.from({ length: count }, (_, index) => {
    const day = new Date(firstDay + Math.floor(next() * 365 * 6) * 86_400_000);
    const hour = 8 + Math.floor(next() * 10);
    const category = pick(categories);
    const [city, postalCode] = pick(cities);
    const status = pick(statuses);
    const online = status === 'EventMovedOnline' || category === 'webinaire';
    const programme = pick(programmes);
    const sessions = category === 'formation' ? 3 : 1;
    const capacity = 10 + Math.floor(next() * 90);
    return {
      id: `evenement-${index + 1}`,
      name: `${pick(topics)} n°${index + 1}`,
      summary:
        'Un temps d’échange entre entreprises engagées des Hauts-de-France, autour de témoignages concrets.',
      description: '<p>Au programme : <strong>témoignages</strong>, ateliers et échanges.</p>',
      startDate: parisDateTime(day, hour, 0),
      endDate: parisDateTime(day, hour + 2, 30),
      ...(sessions > 1
        ? {
            subEvent: Array.from({ length: sessions }, (_, session) => {
              const sessionDay = new Date(day.getTime() + session * 21 * 86_400_000);
              return {
                startDate: parisDateTime(sessionDay, 9, 0),
                endDate: parisDateTime(sessionDay, 17, 0),
              };
            }),
          }
        : {}),
      eventStatus: status,
      ...(status === 'EventRescheduled'
        ? { previousStartDate: isoDay(new Date(day.getTime() - 7 * 86_400_000)) }
        : {}),
      eventAttendanceMode: online ? 'OnlineEventAttendanceMode' : 'OfflineEventAttendanceMode',
      location: online
        ? { '@type': 'VirtualLocation', url: 'https://example.org/visio' }
        : {
            '@type': 'Place',
            name: 'Maison de l’économie responsable',
            address: { streetAddress: '1 rue de l’Exemple', postalCode, addressLocality: city },
          },
      category: [category],
      ...(programme ? { programme } : {}),
      membersOnly: next() < 0.25,
      isAccessibleForFree: next() < 0.7,
      maximumAttendeeCapacity: capacity,
      remainingAttendeeCapacity: Math.floor(next() * capacity),
      registration: {
        required: true,
        mode: 'inline',
        endpoint: `https://example.org/api/events/evenement-${index + 1}/registrations`,
      },
    };
  });
  return {
    version: 1,
    publisher: { name: 'Réseau Alliances', url: 'https://www.reseau-alliances.org' },
    updated: '2020-06-15T10:00:00+02:00',
    events,
    members: [],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 10_000);
  if (!Number.isInteger(count) || count < 0) {
    console.error('Usage: tsx bench/make-feed.ts <count> [out.json]');
    process.exit(2);
  }
  const json = JSON.stringify(makeFeed(count));
  if (process.argv[3]) writeFileSync(process.argv[3], json);
  else process.stdout.write(json);
}
