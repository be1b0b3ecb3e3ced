import worldCountries, { type Country } from "world-countries";
import type { Registry } from "@parley/registry";
import { escapeRegExp } from "./_patterns.ts";
import type { Token } from "./_tokens.ts";

// The package is CommonJS: its default import is the array itself, whatever its typings say.
const countries = worldCountries as unknown as readonly Country[];

// Only sovereign countries: territories share demonyms ("American", "Indian") with their country.
const sovereign = countries.filter((c) => c.independent || c.unMember);

/** Country names, demonyms and curated cities → ISO alpha-3, from the country library and the registry. */
export type CountryWords = Map<string, string>;

const cache = new WeakMap<Registry, CountryWords>();

export function countryWords(registry: Registry): CountryWords {
  const cached = cache.get(registry);
  if (cached) return cached;
  const words: CountryWords = new Map();
  for (const country of sovereign) {
    for (const name of [country.name.common, country.name.official, country.demonyms?.eng?.m, country.demonyms?.eng?.f]) {
      if (name && !words.has(name)) words.set(name, country.cca3);
    }
  }
  for (const alias of registry.country_aliases) for (const name of alias.names) words.set(name, alias.country);
  // Curated cities stand for their country too ("Beijing said", "officials in Tehran").
  for (const place of registry.places) for (const name of [place.city, ...place.aliases]) if (!words.has(name)) words.set(name, place.country);
  cache.set(registry, words);
  return words;
}

/** The country named by the tokens starting at i (longest match, possessive allowed on the last word). */
export function countryAt(words: CountryWords, tokens: readonly Token[], i: number): { code: string; length: number } | null {
  const first = tokens[i];
  const starts = firstWords(words);
  if (!first || (!starts.has(first.word) && !starts.has(first.text))) return null;
  for (let length = Math.min(4, tokens.length - i); length >= 1; length--) {
    const parts = tokens.slice(i, i + length);
    if (parts.slice(0, -1).some((t) => t.possessive || t.punct)) continue;
    const phrase = parts.map((t) => t.word).join(" ");
    const code = words.get(phrase);
    if (code) return { code, length };
  }
  return null;
}

const firstWordCache = new WeakMap<CountryWords, Set<string>>();

// The first word of every country phrase: most tokens are rejected with one set lookup.
function firstWords(words: CountryWords): Set<string> {
  let set = firstWordCache.get(words);
  if (!set) {
    set = new Set([...words.keys()].map((phrase) => phrase.split(" ")[0] ?? phrase));
    firstWordCache.set(words, set);
  }
  return set;
}

/** The first country named in a token range, or null. */
export function firstCountry(words: CountryWords, tokens: readonly Token[], from = 0, to = tokens.length): string | null {
  for (let i = from; i < to; i++) {
    const hit = countryAt(words, tokens, i);
    if (hit && i + hit.length <= to) return hit.code;
  }
  return null;
}

/** A word or name in the text that stands for a country. */
export interface CountryMention {
  code: string;
  start: number;
  end: number;
  form: string;
}

// Capitalized library forms, alternative spellings included; a form shared by two countries is dropped later.
function libraryForms(): Map<string, Set<string>> {
  const forms = new Map<string, Set<string>>();
  const add = (form: string, code: string): void => {
    if (!/^\p{Lu}/u.test(form) || form.length < 3) return;
    forms.set(form, (forms.get(form) ?? new Set()).add(code));
  };
  for (const c of sovereign) {
    add(c.name.common, c.cca3);
    add(c.name.official, c.cca3);
    const demonym = c.demonyms["eng"];
    if (demonym) {
      add(demonym.m, c.cca3);
      add(demonym.f, c.cca3);
    }
    // Alternative spellings, but not two-letter codes or native-script names.
    for (const alt of c.altSpellings) if (alt.length > 3 && /^[\p{Lu}][\p{L} .'-]+$/u.test(alt)) add(alt, c.cca3);
  }
  return forms;
}

let LIBRARY: Map<string, Set<string>> | undefined;

/** Country names and demonyms found in running text: world-countries for sovereign states, overridden by the registry's curated forms. */
export class CountryLexicon {
  private readonly byForm = new Map<string, string>();
  private readonly pattern: RegExp | null;
  private readonly sticky: RegExp | null;

  constructor(registry: Registry) {
    LIBRARY ??= libraryForms();
    for (const [form, codes] of LIBRARY) if (codes.size === 1) this.byForm.set(form, [...codes][0] as string);
    for (const entry of registry.country_aliases) for (const name of entry.names) this.byForm.set(name, entry.country);
    const forms = [...this.byForm.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const source = `(?<![\\p{L}\\p{N}.])(?:${forms.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}]|\\.\\p{L})`;
    this.pattern = forms.length > 0 ? new RegExp(source, "gu") : null;
    this.sticky = forms.length > 0 ? new RegExp(source, "uy") : null;
  }

  /** The country's capital cities, as the library names them ("QAT" → ["Doha"]). */
  capitalsOf(code: string): string[] {
    return countries.find((c) => c.cca3 === code)?.capital ?? [];
  }

  /** The country's common English name ("IRN" → "Iran"), or the code when the library lacks it. */
  nameOf(code: string): string {
    return countries.find((c) => c.cca3 === code)?.name.common ?? code;
  }

  /** The country a single word or name stands for ("Iranian" → IRN), or null. */
  codeOf(form: string): string | null {
    return this.byForm.get(form.trim().replace(/['’]s$/, "")) ?? null;
  }

  /** The country mention starting exactly at `position`, if any. */
  at(text: string, position: number): CountryMention | null {
    if (!this.sticky) return null;
    this.sticky.lastIndex = position;
    const m = this.sticky.exec(text);
    return m ? { code: this.byForm.get(m[0]) as string, start: position, end: position + m[0].length, form: m[0] } : null;
  }

  /** Every country mention in a text, in order; offsets are relative to `text` plus `offset`. */
  find(text: string, offset = 0): CountryMention[] {
    if (!this.pattern) return [];
    return [...text.matchAll(this.pattern)].map((m) => ({
      code: this.byForm.get(m[0]) as string,
      start: offset + (m.index ?? 0),
      end: offset + (m.index ?? 0) + m[0].length,
      form: m[0],
    }));
  }
}

const lexicons = new WeakMap<Registry, CountryLexicon>();

/** The registry's country lexicon, built once: its pattern over every country form is costly to build. */
export function countryLexicon(registry: Registry): CountryLexicon {
  let lexicon = lexicons.get(registry);
  if (!lexicon) {
    lexicon = new CountryLexicon(registry);
    lexicons.set(registry, lexicon);
  }
  return lexicon;
}
