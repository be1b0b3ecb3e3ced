import type { Article, Span } from "@parley/model";
import type { Registry } from "@parley/registry";
import { findDatesInSentences, refinePublished, type DateMention } from "./_dates.ts";
import { gazetteer, resolveCity, titleCase, type City, type Gazetteer } from "./_gazetteer.ts";
import { lexicon, type Lexicon } from "./_lexicon.ts";
import { findPeople, type PersonMention } from "./_people.ts";
import { WORDS } from "./_words.ts";
import { paragraphs, quotationMarks, sentences as splitParagraph, unwrapLines } from "./_sentences.ts";
import { tokenize, type Token } from "./_tokens.ts";

// One reading of an article, used by every extractor (spaCy's Doc): the unwrapped text, its sentences (never
// split inside a quotation), tokens with tags, and the mentions of people, countries, places and dates.

export interface DocSentence {
  index: number;
  start: number;
  end: number;
  text: string;
  paragraph: number;
  /** Tokens [first, last) of the sentence. */
  first: number;
  last: number;
}

export interface CountryMention {
  code: string;
  start: number;
  end: number;
  /** Tokens [first, last]. */
  first: number;
  last: number;
  form: string;
}

export interface PlaceMention {
  city: City;
  /** The name as the text writes it, in its usual case ("NUR-SULTAN" → "Nur-Sultan"). */
  name: string;
  start: number;
  end: number;
  first: number;
  last: number;
}

/** A named group of countries ("five Central Asian republics", "the guarantor states") with its members at the time. */
export interface GroupMention {
  name: string;
  codes: string[];
  start: number;
  end: number;
  first: number;
  last: number;
}

export interface Dateline {
  place: PlaceMention;
  /** Where the dateline ends: text after it is the story. */
  end: number;
}

export interface Doc {
  article: Article;
  registry: Registry;
  /** The article text with hard-wrapped lines joined (same length, so offsets are the article's). */
  text: string;
  /** The publication date, refined by a dateline that gives the day. */
  published: string;
  /** Paragraphs: spans of the text between blank lines. */
  paragraphs: readonly Span[];
  sentences: DocSentence[];
  tokens: Token[];
  /** Token index → sentence index. */
  sentenceOf: number[];
  quotations: Array<{ start: number; end: number }>;
  people: PersonMention[];
  countries: CountryMention[];
  places: PlaceMention[];
  groups: GroupMention[];
  dates: DateMention[];
  dateline: Dateline | null;
  gazetteer: Gazetteer;
  lexicon: Lexicon;
  /** Countries the article names anywhere: they decide between cities of one name. */
  namedCountries: Set<string>;
  countryAt: (i: number) => { code: string; length: number } | null;
  /** The mentions of one sentence (every rule reads a sentence at a time: no scan of the whole article). */
  in: (s: DocSentence) => SentenceMentions;
  /** The quotation that holds this offset (marks excluded), or null. */
  quoteAt: (offset: number) => { start: number; end: number } | null;
  /** The sentence that holds this offset (or the last one before it). */
  sentenceAt: (offset: number) => DocSentence | null;
}

export interface SentenceMentions {
  people: PersonMention[];
  countries: CountryMention[];
  places: PlaceMention[];
  dates: DateMention[];
  groups: GroupMention[];
}

/**
 * A sentence's mentions; its dates are read (with its paragraph's) when first asked for. A class, not an object
 * given a getter with defineProperty: that made each of an article's hundreds of buckets a slow dictionary object.
 */
class SentenceBucket implements SentenceMentions {
  people: PersonMention[] = [];
  countries: CountryMention[] = [];
  places: PlaceMention[] = [];
  groups: GroupMention[] = [];
  constructor(
    private readonly sentence: DocSentence,
    private readonly datesOfParagraph: (p: number) => DateMention[],
    private readonly sentenceDates: DateMention[][],
  ) {}
  get dates(): DateMention[] {
    this.datesOfParagraph(this.sentence.paragraph);
    return this.sentenceDates[this.sentence.index] as DateMention[];
  }
}

const docs = new WeakMap<Article, { registry: Registry; doc: Doc }>();

/** Reads an article once; every extractor asks for the same Doc. */
export function readDocument(article: Article, registry: Registry): Doc {
  const hit = docs.get(article);
  if (hit && hit.registry === registry) return hit.doc;
  const doc = buildDocument(article, registry);
  docs.set(article, { registry, doc });
  return doc;
}

function buildDocument(article: Article, registry: Registry): Doc {
  const text = quotationMarks(unwrapLines(article.text));
  const g = gazetteer(registry);
  const lx = lexicon();
  // The paragraphs, split once: the quotations, the sentences and the dateline all read them.
  const paras = paragraphs(text);
  const quotations = findQuotations(text, paras);
  const sentenceSpans: Array<{ start: number; end: number; paragraph: number }> = [];
  paras.forEach((p, paragraph) => {
    // Only the quotations of this paragraph: the splitter looks each boundary up among them.
    const from = Math.max(0, lastAtOrBefore(quotations, p.start));
    const inside = quotations.slice(from, lastAtOrBefore(quotations, p.end) + 1).filter((q) => q.start >= p.start);
    for (const s of splitParagraph(text, p, inside)) sentenceSpans.push({ start: s.start, end: s.end, paragraph });
  });
  const tokens = tokenize(text);
  const sentenceOf: number[] = new Array<number>(tokens.length).fill(0);
  const sentences: DocSentence[] = [];
  let t = 0;
  sentenceSpans.forEach((s, index) => {
    while (t < tokens.length && tokens[t]!.end <= s.start) sentenceOf[t++] = Math.max(0, index - 1);
    const first = t;
    while (t < tokens.length && tokens[t]!.start < s.end) sentenceOf[t++] = index;
    sentences.push({
      index,
      start: s.start,
      end: s.end,
      text: text.slice(s.start, s.end),
      paragraph: s.paragraph,
      first,
      last: t,
    });
  });
  while (t < tokens.length) sentenceOf[t++] = Math.max(0, sentences.length - 1);

  // Token index → the country named there (null: none; undefined: not asked yet). The loop below asks every
  // token, so an array, not a Map of a thousand entries per article.
  const countryAtCache = new Array<{ code: string; length: number } | null | undefined>(tokens.length).fill(undefined);
  const countryAt = (i: number): { code: string; length: number } | null => {
    if (i < 0 || i >= tokens.length) return null; // no token there: matchCountry says null too
    let hit = countryAtCache[i];
    if (hit === undefined) countryAtCache[i] = hit = matchCountry(text, tokens, i, g);
    return hit;
  };
  const countries: CountryMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const c = countryAt(i);
    if (!c) continue;
    const last = i + c.length - 1;
    countries.push({
      code: c.code,
      start: tokens[i]!.start,
      end: tokens[last]!.end,
      first: i,
      last,
      form: text.slice(tokens[i]!.start, tokens[last]!.end),
    });
    i = last;
  }
  const namedCountries = new Set(countries.map((c) => c.code));
  const published = refinePublished(text, article.published ?? "");
  const people = findPeople({ text, tokens, sentenceOf, registry, gazetteer: g, lexicon: lx, countryAt });
  const byParagraph: DocSentence[][] = [];
  for (const s of sentences) (byParagraph[s.paragraph] ??= []).push(s);
  const sentenceAt = (offset: number): DocSentence | null => sentences[lastAtOrBefore(sentences, offset)] ?? null;
  // Dates are read a paragraph at a time, when a rule first asks for one of its sentences' dates (or a place in it
  // needs telling from a date): the parser is the costliest reader, and most paragraphs are never asked about.
  const sentenceDates: DateMention[][] = sentences.map(() => []);
  const paragraphDates: Array<DateMention[] | undefined> = [];
  const datesOfParagraph = (p: number): DateMention[] => {
    let list = paragraphDates[p];
    if (list === undefined) {
      list = paragraphDates[p] = findDatesInSentences(text, byParagraph[p] ?? [], published).flat();
      for (const d of list) {
        const s = sentenceAt(d.start);
        if (s) sentenceDates[s.index]!.push(d);
      }
    }
    return list;
  };
  // A place inside a date ("March", "Sun") is no place. A date's text holds a date word or digits and a place's
  // name is one of its words: a name with neither ("Kabul") is never one, and its paragraph is not read for them.
  const places = findPlaces(text, tokens, g, namedCountries, people, countries).filter((p) => {
    const paragraph = sentenceAt(p.start)?.paragraph;
    return (
      paragraph === undefined ||
      !WORDS.dateCue.test(text.slice(p.start, p.end)) ||
      !datesOfParagraph(paragraph).some((d) => d.start < p.end && p.start < d.end)
    );
  });
  const groups = findGroups(text, tokens, registry, published, lx);
  const buckets: SentenceMentions[] = sentences.map((s) => new SentenceBucket(s, datesOfParagraph, sentenceDates));
  const byToken = <T extends { first: number }>(list: T[], key: keyof SentenceMentions): void => {
    for (const m of list) (buckets[sentenceOf[m.first] ?? 0]![key] as unknown as T[]).push(m);
  };
  byToken(people, "people");
  byToken(countries, "countries");
  byToken(places, "places");
  byToken(groups, "groups");
  const doc: Doc = {
    article,
    registry,
    text,
    published,
    paragraphs: paras,
    sentences,
    tokens,
    sentenceOf,
    quotations,
    people,
    countries,
    places,
    groups,
    in: (s: DocSentence) => buckets[s.index] as SentenceMentions,
    quoteAt: (offset: number) => {
      const q = quotations[lastAtOrBefore(quotations, offset)];
      return q && offset > q.start && offset < q.end ? q : null;
    },
    sentenceAt,
    // Every paragraph's dates, read when first asked for. A getter of the literal: defineProperty on the built
    // object would turn it into a dictionary, and every rule reads its fields many times an article.
    get dates() {
      return byParagraph.flatMap((_, p) => datesOfParagraph(p));
    },
    dateline: findDateline(text, places, paras),
    gazetteer: g,
    lexicon: lx,
    namedCountries,
    countryAt,
  };
  return doc;
}

/**
 * Group names from the registry. Only a name of two words or more stands for the members ("BRICS countries",
 * "the six world powers"): a bare acronym ("SCO") names the organisation, not who came. Aliases with a capital
 * match as written; lowercase ones ("six world powers") in any case.
 */
interface GroupIndex {
  /** The alias's first word, lowercase → aliases starting with it, longest first. */
  byFirstWord: Map<string, AliasForm[]>;
  byAlias: Map<string, Registry["groups"][number]>;
}

/** An alias with what every look-up asks of it, worked out once per registry. */
interface AliasForm {
  alias: string;
  lower: string;
  /** Written with a capital: it matches as written, else in any case. */
  capital: boolean;
}

const groupIndexes = new WeakMap<Registry, GroupIndex>();
const FIRST_WORD = /^[\p{L}\d]+/u;
const PLAIN_WORD = /^[\p{L}\d]*$/u;
const WORD_CHAR = /[\p{L}\d]/u;

/** PLAIN_WORD.test(word), with ASCII letters and digits told apart without the regular expression. */
function isPlainWord(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 128) return PLAIN_WORD.test(word);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORD_CHAR.test(ch);

function groupIndexOf(registry: Registry): GroupIndex {
  const hit = groupIndexes.get(registry);
  if (hit) return hit;
  const byAlias = new Map<string, Registry["groups"][number]>();
  for (const group of registry.groups)
    for (const alias of [group.name, ...group.aliases])
      if (!byAlias.has(alias.toLowerCase())) byAlias.set(alias.toLowerCase(), group);
  const byFirstWord = new Map<string, AliasForm[]>();
  for (const alias of new Set(registry.groups.flatMap((g) => [g.name, ...g.aliases]))) {
    const first = (alias.match(FIRST_WORD)?.[0] ?? "").toLowerCase();
    if (first === "") continue;
    byFirstWord.set(first, [
      ...(byFirstWord.get(first) ?? []),
      { alias, lower: alias.toLowerCase(), capital: /\p{Lu}/u.test(alias) },
    ]);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.alias.length - a.alias.length);
  const built = { byFirstWord, byAlias };
  groupIndexes.set(registry, built);
  return built;
}

/** The longest alias written at `start` (a word start), as written or, for a lowercase alias, in any case. */
function aliasAt(text: string, start: number, aliases: readonly AliasForm[], withCapital: boolean): string | null {
  for (const { alias, lower, capital } of aliases) {
    if (capital !== withCapital) continue;
    if (
      !(withCapital ? text.startsWith(alias, start) : writtenInAnyCase(text, start, alias, lower)) ||
      isWordChar(text[start + alias.length])
    )
      continue;
    return text.slice(start, start + alias.length);
  }
  return null;
}

/**
 * text.slice(start, start + alias.length).toLowerCase() === lower, without the copies: most words starting where a
 * lowercase alias may ("the", "six") differ from it within a few letters. Letters outside ASCII take the long way.
 */
function writtenInAnyCase(text: string, start: number, alias: string, lower: string): boolean {
  if (lower.length !== alias.length || start + alias.length > text.length)
    return text.slice(start, start + alias.length).toLowerCase() === lower;
  for (let k = 0; k < alias.length; k++) {
    let c = text.charCodeAt(start + k);
    if (c >= 128) return text.slice(start, start + alias.length).toLowerCase() === lower;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(k)) return false;
  }
  return true;
}

function findGroups(
  text: string,
  tokens: readonly Token[],
  registry: Registry,
  published: string,
  lx: Lexicon,
): GroupMention[] {
  const out: GroupMention[] = [];
  const { byFirstWord, byAlias } = groupIndexOf(registry);
  // Word starts where an alias may begin: token starts, and starts after a hyphen inside a token ("non-BRICS").
  const candidates: Array<{ start: number; aliases: AliasForm[] }> = [];
  const consider = (start: number, word: string): void => {
    const aliases = byFirstWord.get(word);
    if (aliases && !isWordChar(text[start - 1])) candidates.push({ start, aliases });
  };
  for (const t of tokens) {
    if (byFirstWord.has(t.lower)) consider(t.start, t.lower);
    else if (!isPlainWord(t.lower)) {
      consider(t.start, t.lower.match(FIRST_WORD)?.[0] ?? "");
      for (let k = t.lower.indexOf("-"); k >= 0; k = t.lower.indexOf("-", k + 1))
        consider(t.start + k + 1, t.lower.slice(k + 1).match(FIRST_WORD)?.[0] ?? "");
    }
  }
  // Aliases with a capital first, then lowercase ones, as two passes: a capitalized name wins where both fit.
  for (const withCapital of [true, false]) {
    for (const { start, aliases } of candidates) {
      const alias = aliasAt(text, start, aliases, withCapital);
      if (alias === null) continue;
      const group = byAlias.get(alias.toLowerCase());
      const period = group?.members.find(
        (p) =>
          p.from.slice(0, published.length) <= published && (p.to === null || published.slice(0, p.to.length) <= p.to),
      );
      if (!group || !period) continue;
      const end = start + alias.length;
      if (out.some((g) => g.start < end && start < g.end)) continue;
      const first = Math.max(0, lastAtOrBefore(tokens, start));
      let last = first;
      while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
      const members =
        alias
          .toLowerCase()
          .split(/\s+/)
          .some((w) => lx.groupMemberNouns.has(w)) ||
        [1, 2].some((k) => lx.groupMemberNouns.has(tokens[last + k]?.lower ?? ""));
      if (!members) continue;
      out.push({ name: group.name, codes: period.countries, start, end, first, last });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Index of the last span starting at or before `offset` in a list sorted by start (-1 when none). */
function lastAtOrBefore(spans: ReadonlyArray<{ start: number }>, offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The longest country form starting at token i; "Russia's" counts as "Russia". */
function matchCountry(
  text: string,
  tokens: readonly Token[],
  i: number,
  g: Gazetteer,
): { code: string; length: number } | null {
  const first = tokens[i];
  const longest = first?.cap ? g.countryFirstWords.get(first.lower) : undefined;
  if (!first || longest === undefined) return null;
  const most = Math.min(longest, g.countryFormWords, tokens.length - i);
  // A form is looked up as written: one longer than every country form with its first word is none of them.
  const shape = spanShape(text, first.start, (tokens[i + most - 1] as Token).end);
  const bound =
    shape.firstWordEnd < 0
      ? Number.POSITIVE_INFINITY
      : (g.countryLengths.get(text.slice(first.start, shape.firstWordEnd).toLowerCase()) ?? 0);
  for (let length = most; length >= 1; length--) {
    const last = tokens[i + length - 1] as Token;
    if (last.end > shape.firstWordEnd && last.end - first.start > bound) continue;
    const form = text.slice(first.start, last.end);
    const code = g.countryForms.get(form);
    if (code) return { code, length };
  }
  return null;
}

// A name written in capitals ("NUR-SULTAN", "NEW DELHI"), as datelines write it.
const ALL_CAPS = /^[\p{Lu}\s.-]+$/u;

/** Cities written with a capital that are not part of a person's name or a country's. */
function findPlaces(
  text: string,
  tokens: readonly Token[],
  g: Gazetteer,
  named: ReadonlySet<string>,
  people: readonly PersonMention[],
  countries: readonly CountryMention[],
): PlaceMention[] {
  const out: PlaceMention[] = [];
  const busy = new Set<number>();
  for (const p of people) for (let k = p.first; k <= p.last; k++) busy.add(k);
  // "Kabul", "Beijing" may stand for a government; written as a city they are still a place.
  for (const c of countries) if (!g.cities.has(c.form)) for (let k = c.first; k <= c.last; k++) busy.add(k);
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as Token;
    if (!first.cap || busy.has(i) || !g.firstWords.has(first.lower)) continue;
    const longest = Math.min(g.cityFormWords + 2, tokens.length - i);
    // An ASCII span is looked up as written or title-cased, at its own length: one longer than every city name
    // with its first word finds none, and is not sliced and hashed.
    const shape = spanShape(text, first.start, (tokens[i + longest - 1] as Token).end);
    const bound =
      shape.firstWordEnd < 0
        ? Number.POSITIVE_INFINITY
        : (g.cityLengths.get(text.slice(first.start, shape.firstWordEnd).toLowerCase()) ?? 0);
    for (let length = longest; length >= 1; length--) {
      const last = tokens[i + length - 1] as Token;
      if (last.end <= shape.ascii && last.end > shape.firstWordEnd && last.end - first.start > bound) continue;
      const form = text.slice(first.start, last.end);
      if (form.includes("\n")) continue;
      const written = form.length > 3 && ALL_CAPS.test(form) ? titleCase(form) : form;
      const city = resolveCity(g, written, named);
      if (!city) continue;
      // Part of a longer name ("Palace of Independence", "Astana Format", "Heart of Asia"): not a place here.
      if (insideName(text, tokens, i, i + length - 1)) break;
      out.push({ city, name: written, start: first.start, end: last.end, first: i, last: i + length - 1 });
      i += length - 1;
      break;
    }
  }
  return out;
}

/**
 * The shape of text[start, end) that bounds the names it can hold, read without copying it: the text is ASCII up
 * to `ascii`; `firstWordEnd` is where its first word (firstWordOf: up to a space or hyphen) ends, when that is an
 * ASCII space or hyphen before `ascii` (-1 otherwise). A span running past it has the first word before it.
 */
function spanShape(text: string, start: number, end: number): { ascii: number; firstWordEnd: number } {
  let ascii = start;
  let firstWordEnd = -1;
  for (; ascii < end; ascii++) {
    const c = text.charCodeAt(ascii);
    if (c >= 128) break;
    // The separators of firstWordOf (/[\s-]/) that ASCII has: space, tab, line breaks, hyphen.
    if (firstWordEnd < 0 && (c === 32 || (c >= 9 && c <= 13) || c === 45)) firstWordEnd = ascii;
  }
  return { ascii, firstWordEnd };
}

/** The words i..j sit inside a capitalized name: a capital word before (not opening a sentence) or after. */
function insideName(text: string, tokens: readonly Token[], i: number, j: number): boolean {
  const before = tokens[i - 1];
  const before2 = tokens[i - 2];
  const after = tokens[j + 1];
  const sentenceStart = !before || /[.!?:\n"“]$/.test(text.slice(before.start, tokens[i]!.start).trim() || before.text);
  const capBefore =
    before !== undefined && !sentenceStart && /^\p{Lu}/u.test(before.text) && before.end + 1 >= tokens[i]!.start;
  const ofName =
    before?.lower === "of" &&
    before2 !== undefined &&
    /^\p{Lu}/u.test(before2.text) &&
    !["City", "Capital", "Town"].includes(before2.text);
  const capAfter =
    after !== undefined &&
    /^\p{Lu}\p{Ll}/u.test(after.text) &&
    after.start === tokens[j]!.end + 1 &&
    !text.slice(tokens[j]!.end, after.start).includes("\n");
  return capBefore || ofName || capAfter;
}

// A dateline opens a paragraph near the top: "HANOI - ", "Dushanbe [Tajikistan], September 17 (ANI):",
// "NUR-SULTAN, July 8. /TASS/.", "New York, September 23" on a line of its own.
const DATELINE_TAIL = /^\s*(?:\[[^\]\n]{1,40}\]\s*)?(?:\([^)\n]{1,30}\)\s*)?(?:[,–—:-]|$)/u;

function findDateline(text: string, places: readonly PlaceMention[], paras: readonly Span[]): Dateline | null {
  const heads = paras.slice(0, 5);
  for (const place of places) {
    const para = heads.find((p) => p.start === place.start);
    if (!para) continue;
    const rest = text.slice(place.end, para.end);
    if (DATELINE_TAIL.test(rest)) return { place, end: place.end };
  }
  return null;
}

// The codes of these opening marks are tested in findQuotations: “ U+201C, " U+0022, « U+00AB.
const OPEN_CLOSE: Record<string, string> = { "“": "”", '"': '"', "«": "»" };

/** Spans of quoted words, marks included; a quotation never runs past its paragraph. */
export function findQuotations(
  text: string,
  paras: readonly Span[] = paragraphs(text),
): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const para of paras) {
    let i = para.start;
    while (i < para.end) {
      // A code per character, not text[i]: no one-character string for each character of the article.
      const c = text.charCodeAt(i);
      if (c !== 0x201c && c !== 0x22 && c !== 0xab) {
        i++;
        continue;
      }
      const close = OPEN_CLOSE[text[i] as string] as string;
      const end = text.indexOf(close, i + 1);
      if (end < 0 || end >= para.end) break;
      out.push({ start: i, end: end + 1 });
      i = end + 1;
    }
  }
  return out;
}
