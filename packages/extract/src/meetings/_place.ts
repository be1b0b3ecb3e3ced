import type { Registry, RegistryPlace, RegistrySeries } from "@parley/registry";
import { escapeRegExp, type CountryLexicon } from "../text/index.ts";
import type { NarrativeSentence } from "./_narrative.ts";

export interface PlaceFound {
  place: RegistryPlace;
  start: number;
}

interface PlacePattern {
  pattern: RegExp;
  byForm: Map<string, RegistryPlace>;
}
// One pattern per registry over every city form; "In Termez, ..." opens a sentence with its place.
const patterns = new WeakMap<Registry, PlacePattern>();
function placePattern(registry: Registry): PlacePattern {
  let built = patterns.get(registry);
  if (!built) {
    const byForm = new Map<string, RegistryPlace>();
    for (const place of registry.places) for (const form of [place.city, ...place.aliases]) byForm.set(form, place);
    const f = [...byForm.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|") || "(?!)";
    const pattern = new RegExp(
      `\\b(?:[Ii]n|to|at|into)\\s+(?:the\\s+(?:[\\p{Lu}][\\p{L}]+\\s+)?(?:city|capital|town|resort)\\s+(?:of\\s+)?)?(${f})(?![\\p{L}])|\\b[Tt]he\\s+[\\p{Lu}][\\p{L}]+\\s+(?:city|town)\\s+of\\s+(${f})\\s+(?:hosted|played host|welcomed)\\b|(?<![\\p{L}])(${f})\\s+(?:meetings?|talks|summit|conference|consultations|session|gathering|forum|round)\\b`,
      "gu",
    );
    built = { pattern, byForm };
    patterns.set(registry, built);
  }
  return built;
}

/** Cities named as where something happens: "in Doha", "held in the city of Samarkand", "a Tashkent summit". */
export function findPlaces(narrative: string, registry: Registry): PlaceFound[] {
  const { pattern, byForm } = placePattern(registry);
  const found: PlaceFound[] = [];
  for (const m of narrative.matchAll(pattern)) {
    const form = m[1] ?? m[2] ?? m[3] ?? "";
    const place = byForm.get(form);
    if (place) found.push({ place, start: (m.index ?? 0) + m[0].indexOf(form) });
  }
  return found;
}

// A dateline opens a wire report with the place it was filed from: "DOHA –", "Tashkent, July 26 (Reuters) -".
const DATELINE = /^\s*([\p{Lu}][\p{L}.'’ -]{1,40}?)(?:\s*,[^\n–—:]{1,40}?)?\s*(?:\([^)\n]{1,30}\)\s*)?[–—-]{1,2}\s/u;

/** The city of an article's dateline, when the registry knows it. */
export function findDatelinePlace(text: string, registry: Registry): RegistryPlace | null {
  const m = DATELINE.exec(text);
  const word = m?.[1]?.trim().toLowerCase();
  if (!word) return null;
  return registry.places.find((p) => [p.city, ...p.aliases].some((form) => form.toLowerCase() === word)) ?? null;
}

const CAPITAL = /\b(?:in|to|at)\s+the\s+([\p{Lu}][\p{L}.]*(?:['’]s)?)\s+capital\b(?!\s+of\b)/gu;

/** "in the Russian capital", "to Qatar's capital": the country's capital, when the registry knows it as a city. */
export function findCapital(narrative: string, registry: Registry, countries: CountryLexicon): PlaceFound | null {
  for (const m of narrative.matchAll(CAPITAL)) {
    const code = countries.codeOf(m[1] ?? "");
    if (!code) continue;
    const capitals = countries.capitalsOf(code);
    const place = registry.places.find((p) => p.country === code && capitals.some((c) => c === p.city || p.aliases.includes(c)));
    if (place) return { place, start: m.index ?? 0 };
  }
  return null;
}

/** A meeting series named in the text, by the registry's phrases. */
export function findSeries(text: string, registry: Registry): RegistrySeries | null {
  let best: { series: RegistrySeries; at: number } | null = null;
  for (const series of registry.series) {
    for (const form of [series.name, ...series.aliases]) {
      const m = new RegExp(`(?<![\\p{L}])${escapeRegExp(form)}(?![\\p{L}])`, "u").exec(text);
      if (m && (best === null || m.index < best.at)) best = { series, at: m.index };
    }
  }
  return best?.series ?? null;
}

const ORDINALS = [
  "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
];
const ROUND = new RegExp(
  `\\b(${ORDINALS.join("|")}|\\d{1,2}(?:st|nd|rd|th))\\s+(?:round|meeting|session|gathering|edition|iteration|installment|instalment)\\s+of\\b`,
  "i",
);

/** The round of a series: "the seventh round of ...", "the 6th meeting of ..." → 7, 6. */
export function findRound(text: string): number | null {
  const m = ROUND.exec(text);
  if (!m?.[1]) return null;
  const word = m[1].toLowerCase();
  const n = ORDINALS.indexOf(word);
  return n >= 0 ? n + 1 : Number.parseInt(word, 10);
}

const HOST_VERB = /(?:^|[\s,(])(\S+?)(?:['’]s)?(?:\s+government)?\s+(?:hosted|hosts|convened|welcomed)\b(?!\s+by\b)/;

/** The country that hosted, from "Qatar hosted ..." or "hosted by the Qatari government". */
export function hostOf(sentence: NarrativeSentence, countries: CountryLexicon): string | null {
  const by = /\bhosted by (?:the )?(\S+)/.exec(sentence.narrative);
  const subject = HOST_VERB.exec(sentence.narrative);
  for (const word of [by?.[1], subject?.[1]]) {
    const code = word ? countries.codeOf(word) : null;
    if (code) return code;
  }
  return null;
}
