import countries from "world-countries/countries.json" with { type: "json" };
import type { Registry } from "@parley/registry";
import type { Token } from "./_tokens.ts";

/** Country names, demonyms and curated cities → ISO alpha-3, from the country library and the registry. */
export type CountryWords = Map<string, string>;

const cache = new WeakMap<Registry, CountryWords>();

export function countryWords(registry: Registry): CountryWords {
  const cached = cache.get(registry);
  if (cached) return cached;
  const words: CountryWords = new Map();
  // Only sovereign countries: territories share demonyms ("American") with their country.
  for (const country of countries) {
    if (!country.independent && !country.unMember) continue;
    for (const name of [country.name.common, country.name.official, country.demonyms?.eng?.m, country.demonyms?.eng?.f]) {
      if (name && !words.has(name)) words.set(name, country.cca3);
    }
  }
  for (const alias of registry.country_aliases) for (const name of alias.names) words.set(name, alias.country);
  // Curated cities stand for their country too ("Moscow said", "officials in Kabul").
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
