import type { DateMention } from "../doc/_dates.ts";
import { WORDS } from "../doc/_words.ts";
import type { CountryMention, Doc, DocSentence, PlaceMention } from "../doc/_document.ts";
import type { City } from "../doc/_gazetteer.ts";
import type { PatternToken, TriggerRule } from "../doc/_lexicon.ts";
import type { PersonMention } from "../doc/_people.ts";
import type { Token } from "../doc/_tokens.ts";

// A meeting frame: a trigger ("met", "held talks", "took place", "Friday's meeting") with the participants,
// place and time the text attaches to it. Frames are read sentence by sentence; ./_meetings.ts then joins
// frames that tell of the same meeting and decides which are certain enough to publish.

export type DateBasis = "text" | "today" | "nearby" | "month" | "inherited";
export type CityBasis = "text" | "dateline" | "here" | "capital" | "inherited";

export interface Frame {
  sentence: DocSentence;
  /** Trigger tokens [first, last]. */
  first: number;
  last: number;
  kind: "verb" | "noun";
  /** "The meeting took place …": refers back to a meeting already told of. */
  definite: boolean;
  date: string | null;
  dateBasis: DateBasis | null;
  city: City | null;
  cityName: string | null;
  cityBasis: CityBasis | null;
  /** A country named as the place when no city is ("held a meeting in the United Arab Emirates"). */
  placeCountry: string | null;
  people: PersonMention[];
  countries: string[];
  absentPeople: string[];
  absentCountries: string[];
  remote: boolean;
  /** "the two met again": the people of the previous meeting. */
  theTwo: boolean;
  /** The larger event named by "on the sidelines of …", a meeting of its own. */
  context: { name: string; start: number; end: number } | null;
  round: number | null;
  present: boolean;
  /** "bilateral", "quadrilateral": a meeting of its own kind. */
  kindWord: string | null;
}

const PRESENT_FORMS = new Set([
  "meets",
  "commences",
  "begins",
  "opens",
  "kicks",
  "starts",
  "resumes",
  "return",
  "returns",
  "hosts",
  "holds",
  "gathers",
  "convenes",
  "wraps",
  "is",
  "are",
  "has",
  "have",
]);
const OBJECT_STOPS = new Set([
  "on",
  "to",
  "for",
  "after",
  "before",
  "during",
  "which",
  "who",
  "where",
  "while",
  "as",
  "amid",
  "over",
  "about",
  "since",
  "following",
  ";",
  "that",
  "and",
  "but",
  "said",
  "says",
]);
const PLACE_PREPOSITIONS = new Set(["in", "at", "of"]);
const RELATIVES = new Set(["which", "who", "whom", "whose", "where"]);
const CLAUSE_OPENERS = new Set([
  "after",
  "before",
  "as",
  "while",
  "when",
  "because",
  "since",
  "that",
  "which",
  "where",
  "whereas",
  "although",
  "though",
  "if",
  "whether",
]);
// One word before the meeting noun (the tagger splits "Friday's" and "the two": such entries could never match).
const DEFINITE = new Set(["the", "this", "that", "these", "during"]);

/** Token index i matches the pattern: returns the last token of the match, or -1. */
export function matchPattern(
  tokens: readonly Token[],
  i: number,
  to: number,
  pattern: readonly PatternToken[],
): number {
  // Most tokens fail on the first word: decide that before any recursion.
  const head = pattern[0];
  if (head && !head.gap && !head.optional && !head.words.has(tokens[i]?.lower ?? "")) return -1;
  return matchFrom(tokens, to, pattern, 0, i);
}

function matchFrom(
  tokens: readonly Token[],
  to: number,
  pattern: readonly PatternToken[],
  p: number,
  at: number,
): number {
  if (p === pattern.length) return at - 1;
  const part = pattern[p] as PatternToken;
  if (part.gap) {
    for (let gap = 1; gap <= 3 && at + gap < to; gap++) {
      if (SENTENCE_MARKS.has(tokens[at + gap - 1]!.text)) break;
      const r = matchFrom(tokens, to, pattern, p + 1, at + gap);
      if (r >= 0) return r;
    }
    return -1;
  }
  const t = tokens[at];
  if (t && at < to && part.words.has(t.lower)) return matchFrom(tokens, to, pattern, p + 1, at + 1);
  return part.optional ? matchFrom(tokens, to, pattern, p + 1, at) : -1;
}

const SENTENCE_MARKS = new Set([".", ";", ":", "!", "?"]);

interface HeadIndex {
  /** A word some pattern's first token accepts → the patterns that may start at it, in list order. */
  byWord: Map<string, number[]>;
  /** Patterns whose first token is a gap or optional: they may start anywhere. */
  open: number[];
}

const headIndexes = new WeakMap<readonly unknown[], HeadIndex>();

/**
 * The patterns of a lexicon list (by index, in list order) that may match at a token whose lowercase form is
 * `word`. matchPattern fails at once on the others, so a scan of every token asks only these: most tokens start none.
 */
export function patternsAt<T>(
  list: readonly T[],
  patternOf: (item: T) => readonly PatternToken[],
  word: string,
): readonly number[] {
  let index = headIndexes.get(list);
  if (!index) {
    const open: number[] = [];
    const words = new Set<string>();
    list.forEach((item, k) => {
      const head = patternOf(item)[0];
      if (!head || head.gap || head.optional) open.push(k);
      else for (const w of head.words) words.add(w);
    });
    const byWord = new Map<string, number[]>();
    for (const w of words) {
      byWord.set(
        w,
        list.flatMap((item, k) => {
          const head = patternOf(item)[0];
          return !head || head.gap || head.optional || head.words.has(w) ? [k] : [];
        }),
      );
    }
    index = { byWord, open };
    headIndexes.set(list, index);
  }
  return index.byWord.get(word) ?? index.open;
}

/** True when the lowercase words of `phrase` stand at token i. */
export function phraseAt(tokens: readonly Token[], i: number, phrase: string): boolean {
  return wordsAt(tokens, i, phraseWords(phrase));
}

/** True when `words` (a phrase split by phraseWords) stand at token i. */
export function wordsAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  if (tokens[i]?.lower !== words[0]) return false;
  for (let k = 1; k < words.length; k++) if (tokens[i + k]?.lower !== words[k]) return false;
  return true;
}

// Phrases come from the lexicon, a few hundred at most: split once.
const split = new Map<string, string[]>();
/** A phrase's words; a caller scanning many tokens asks once, not per token (a Map lookup hashes the phrase). */
export const phraseWords = (phrase: string): string[] => {
  let words = split.get(phrase);
  if (!words) split.set(phrase, (words = phrase.split(/\s+/)));
  return words;
};
export const firstWord = (phrase: string): string => phraseWords(phrase)[0] as string;

const phraseIndexes = new WeakMap<readonly string[], Map<string, string[]>>();

/**
 * The first phrase of a lexicon list (in the list's order) that stands at token i, or undefined: the same as
 * `list.find((p) => phraseAt(tokens, i, p))`, with the list indexed by first word once, since most tokens start none.
 */
export function phraseStartingAt(tokens: readonly Token[], i: number, list: readonly string[]): string | undefined {
  let index = phraseIndexes.get(list);
  if (!index) {
    index = new Map();
    for (const phrase of list) {
      const first = firstWord(phrase);
      const bucket = index.get(first);
      if (bucket) bucket.push(phrase);
      else index.set(first, [phrase]);
    }
    phraseIndexes.set(list, index);
  }
  const t = tokens[i];
  const candidates = t === undefined ? undefined : index.get(t.lower);
  if (!candidates) return undefined;
  for (const phrase of candidates) if (wordsAt(tokens, i, phraseWords(phrase))) return phrase;
  return undefined;
}

/** Some phrase of a lexicon list stands in tokens [from, to). */
function anyPhraseIn(tokens: readonly Token[], from: number, to: number, list: readonly string[]): boolean {
  for (let i = from; i < to; i++) if (phraseStartingAt(tokens, i, list) !== undefined) return true;
  return false;
}

const ON_THE_EVE_OF = ["on", "the", "eve", "of"];

/** Token ranges whose place and time belong to another event: "after visiting X in Y on Z", "on the eve of …". */
function subordinateRanges(doc: Doc, s: DocSentence): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const { tokens, lexicon: lx } = doc;
  for (let i = s.first; i < s.last; i++) {
    const t = tokens[i] as Token;
    const opener =
      lx.subordinateOpeners.has(t.lower) && (tokens[i + 1]?.pos === "VERB" || tokens[i + 1]?.text.endsWith("ing"));
    const eve = wordsAt(tokens, i, ON_THE_EVE_OF);
    if (!opener && !eve) continue;
    let j = i + 1;
    while (j < s.last && tokens[j]!.text !== "," && tokens[j]!.text !== ";") j++;
    out.push([i, j]);
    i = j;
  }
  return out;
}

const inRanges = (ranges: ReadonlyArray<[number, number]>, i: number): boolean =>
  ranges.some(([a, b]) => i >= a && i < b);

export function insideQuotation(doc: Doc, offset: number): boolean {
  return doc.quoteAt(offset) !== null;
}

/** Every frame of the article, in text order. */
export function findFrames(doc: Doc): Frame[] {
  const frames: Frame[] = [];
  for (const s of doc.sentences) frames.push(...framesOfSentence(doc, s));
  return frames;
}

function framesOfSentence(doc: Doc, s: DocSentence): Frame[] {
  const { tokens, lexicon: lx } = doc;
  // Most sentences hold no trigger word: they are told apart before their clauses are read.
  let any = false;
  for (let i = s.first; i < s.last && !any; i++) any = triggersStartingWith(doc, tokens[i]!.lower).length > 0;
  if (!any) return [];
  // "after holding talks in X": a clause that opens with a trigger tells of the event itself.
  const excluded = subordinateRanges(doc, s).filter(
    ([a]) => !lx.triggers.some((r) => r.kind === "verb" && matchPattern(tokens, a + 1, s.last, r.tokens) >= 0),
  );
  const found: Array<{ first: number; last: number; rule: TriggerRule }> = [];
  for (let i = s.first; i < s.last; i++) {
    if (inRanges(excluded, i)) continue;
    const rules = triggersStartingWith(doc, tokens[i]!.lower);
    if (rules.length === 0) continue;
    const quoted = insideQuotation(doc, tokens[i]!.start);
    for (const rule of rules) {
      // Quoted words may report that a meeting was held ("… was held in Lima," she said); a quoted noun names nothing.
      if (quoted && rule.kind === "noun") continue;
      const last = matchPattern(tokens, i, s.last, rule.tokens);
      if (last < 0) continue;
      if (rule.next && !rule.next.includes(tokens[last + 1]?.lower ?? "")) continue;
      // The tagger reads some past forms as adjectives ("held", "met") and some verbs as nouns ("return").
      const verbLike =
        rule.any_pos ||
        tokens[i]!.pos === "VERB" ||
        tokens[i]!.pos === "AUX" ||
        ["met", "held", "had", "took", "was", "were"].includes(tokens[i]!.lower);
      if (rule.kind === "verb" && !verbLike) continue;
      if (rule.kind === "noun" && tokens[i]!.pos === "VERB") continue;
      found.push({ first: i, last, rule });
      break;
    }
  }
  const frames: Frame[] = [];
  const verb = found.find(
    (f) =>
      f.rule.kind === "verb" && happened(doc, s, f.first, f.last) && (!f.rule.requires_today || mentionsToday(doc, s)),
  );
  if (verb) frames.push(buildFrame(doc, s, verb.first, verb.last, "verb", excluded));
  for (const noun of found.filter((f) => f.rule.kind === "noun")) {
    if (verb && noun.first <= verb.last + 6 && noun.first >= verb.first - 6) continue;
    if (!happened(doc, s, noun.first, noun.last) || futureBefore(doc, s, noun.first)) continue;
    const frame = buildFrame(doc, s, noun.first, noun.last, "noun", excluded);
    // A noun makes a meeting only with a date of its own ("Friday's meeting", "the meeting … on 19 November").
    const ownDate = frame.dateBasis === "text" && nounPhraseDate(doc, s, noun.first, noun.last);
    // "using a high-profile meeting in Lima" on a day the sentence gives: the noun has its own place.
    const ownPlace =
      !verb && frame.dateBasis === "text" && frame.city !== null && nounPlace(doc, s, noun.last) !== null;
    if (
      (ownDate || ownPlace) &&
      (frame.city !== null || frame.date === doc.published) &&
      !frames.some((f) => f.date === frame.date)
    )
      frames.push(frame);
    else if (!verb && frames.length === 0 && frame.definite && !futureBefore(doc, s, s.last)) {
      // "The meeting in X was …": it places the meeting told of before; its other words are not participants.
      frames.push({
        ...frame,
        date: ownDate ? frame.date : null,
        dateBasis: ownDate ? frame.dateBasis : null,
        people: [],
        countries: [],
      });
    }
  }
  return frames;
}

/** "the meeting in Lima", "the Lima talks": the place named inside the meeting's noun phrase. */
function nounPlace(doc: Doc, s: DocSentence, last: number): PlaceMention | null {
  const first = last;
  return (
    doc
      .in(s)
      .places.find(
        (p) =>
          (p.first > last + 1 && p.first <= last + 6 && ["in", "at"].includes(doc.tokens[last + 1]?.lower ?? "")) ||
          p.last === first - 1 ||
          (p.last === first - 2 && doc.lexicon.kindWords.has(doc.tokens[first - 1]?.lower ?? "")),
      ) ?? null
  );
}

/** A future or planning word anywhere before token i in the sentence ("will hold talks … on the sidelines of the conference"). */
export function futureBefore(
  doc: Doc,
  s: DocSentence,
  i: number,
  words = doc.lexicon.futureBeforeNoun,
  outsideQuotes = false,
): boolean {
  for (let k = s.first; k < i; k++) {
    if (words.has(doc.tokens[k]!.lower) && !(outsideQuotes && insideQuotation(doc, doc.tokens[k]!.start))) return true;
  }
  return false;
}

/** The date belongs to the noun: "Friday's meeting", "the July 7-8 meeting", "the meeting … on November 19" (no verb between). */
function nounPhraseDate(doc: Doc, s: DocSentence, first: number, last: number): boolean {
  const { tokens } = doc;
  return doc.in(s).dates.some((d) => {
    if (d.end > s.end || d.dateline) return false;
    const at = tokenAt(doc, d.start);
    const end = tokenAt(doc, d.end - 1);
    // "the October 7 meeting", "Friday's meeting": a calendar date right before the noun ("the weeks before the
    // meeting" is not one).
    const calendar = WORDS.calendar.test(doc.text.slice(d.start, d.end));
    if (
      calendar &&
      at < first &&
      first - end <= 3 &&
      !tokens.slice(end + 1, first).some((t) => t.pos === "ADP" || t.pos === "VERB")
    )
      return true;
    if (at > last && at - last <= 14)
      return !tokens.slice(last + 1, at).some((t) => t.pos === "VERB" || t.pos === "AUX" || t.text === ";");
    return false;
  });
}

const triggerIndex = new WeakMap<TriggerRule[], Map<string, TriggerRule[]>>();

/** The trigger rules whose first word is `word` (in the lexicon's order): most tokens start none. */
function triggersStartingWith(doc: Doc, word: string): TriggerRule[] {
  let index = triggerIndex.get(doc.lexicon.triggers);
  if (!index) {
    index = new Map();
    for (const rule of doc.lexicon.triggers) {
      const first = rule.tokens[0];
      if (!first || first.gap) continue;
      for (const w of first.words) index.set(w, [...(index.get(w) ?? []), rule]);
    }
    triggerIndex.set(doc.lexicon.triggers, index);
  }
  return index.get(word) ?? NO_RULES;
}

const NO_RULES: TriggerRule[] = [];

function mentionsToday(doc: Doc, s: DocSentence): boolean {
  return anyPhraseIn(doc.tokens, s.first, s.last, doc.lexicon.todayWords);
}

/** False when the words around the trigger make it future, planned, cancelled, negated or hypothetical. */
function happened(doc: Doc, s: DocSentence, first: number, last: number): boolean {
  const { tokens, lexicon: lx } = doc;
  for (let k = first - 1; k >= Math.max(s.first, first - 5); k--) {
    const t = tokens[k] as Token;
    if (t.text === "." || t.text === ";") break;
    if (lx.notHappenedBefore.has(t.lower)) return false;
  }
  for (let k = last + 1; k <= Math.min(s.last - 1, last + 4); k++) {
    const t = tokens[k] as Token;
    if (t.text === "," || t.text === ".") break;
    if (lx.notHappenedAfter.has(t.lower)) return false;
  }
  return true;
}

function buildFrame(
  doc: Doc,
  s: DocSentence,
  first: number,
  last: number,
  kind: "verb" | "noun",
  excluded: Array<[number, number]>,
): Frame {
  const { tokens, lexicon: lx } = doc;
  const prev = tokens[first - 1];
  // "has already hosted", "are now meeting": an auxiliary of the present before the trigger, adverbs between.
  let aux = first - 1;
  while (aux > s.first && tokens[aux]!.pos === "ADV") aux--;
  const present =
    PRESENT_FORMS.has(tokens[first]!.lower) || ["is", "are", "has", "have"].includes(tokens[aux]?.lower ?? "");
  let subjectFrom = Math.max(
    s.first,
    doc.dateline && doc.dateline.end > tokens[s.first]!.start && doc.dateline.end < s.end
      ? firstTokenAfter(doc, doc.dateline.end)
      : s.first,
  );
  // The trigger's own clause: "Lavrov's comments come days after Uzbekistan hosted …" starts after "after".
  // "X and Y held a press conference after holding talks": a participle after "after"/"before" shares the main subject.
  const participle = lx.subordinateOpeners.has(tokens[first - 1]?.lower ?? "") && tokens[first]!.lower.endsWith("ing");
  for (let k = first - 1; k > subjectFrom && !participle; k--) {
    const w = tokens[k]!.lower;
    // "as well as", "such as" join a list; "debuted as host" is a preposition; ", which neighbours X," is a parenthesis.
    if (w === "as" && tokens[k - 1]?.text !== ",") continue;
    if (RELATIVES.has(w) && tokens[k - 1]?.text === ",") continue;
    if (CLAUSE_OPENERS.has(w) && k > s.first) {
      subjectFrom = k + 1;
      break;
    }
  }
  const quote = doc.quoteAt(tokens[first]!.start);
  if (quote) subjectFrom = Math.max(subjectFrom, firstTokenAfter(doc, quote.start + 1));
  const context = sidelinesOf(doc, s);
  const regionEnd = context ? context.tokenStart : s.last;
  const subject: [number, number] = [subjectFrom, participle ? first - 1 : first];
  const object: [number, number] = [last + 1, objectEnd(doc, s, last + 1, regionEnd)];
  const sameQuote = (i: number): boolean =>
    quote ? tokens[i]!.start > quote.start && tokens[i]!.start < quote.end : !insideQuotation(doc, tokens[i]!.start);
  const inRegion = (i: number): boolean =>
    ((i >= subject[0] && i < subject[1]) || (i >= object[0] && i < object[1])) &&
    !inRanges(excluded, i) &&
    sameQuote(i);
  const subjectText = tokens
    .slice(subject[0], subject[1])
    .map((t) => t.lower)
    .join(" ");
  const theTwo = lx.theTwo.some(
    (w) => subjectText === w || subjectText.endsWith(` ${w}`) || subjectText.startsWith(`${w} `),
  );
  const definite =
    kind === "noun"
      ? DEFINITE.has(prev?.lower ?? "") ||
        /^(?:during|at) the\b/.test(subjectText) ||
        tokens.slice(Math.max(s.first, first - 3), first).some((t) => t.lower === "the" || t.lower === "this")
      : /^(?:the|this) (\S+)/.exec(subjectText)?.[1] !== undefined &&
        lx.anaphoraNouns.has(/^(?:the|this) (\S+)/.exec(subjectText)?.[1] ?? "");

  const mentions = doc.in(s);
  const people = mentions.people.filter((p) => p.last < s.last && inRegion(p.first) && !reportedSpeaker(doc, p));
  const countries = participantCountries(doc, s, inRegion);
  // "Special Envoy X said: 'The meeting of special envoys … was held in Y'": a speaker whose title names the
  // people the meeting brought together was one of them.
  if (quote) {
    const speaker = mentions.people.filter((p) => p.end <= quote.start).pop();
    const heads = (speaker?.role ?? "")
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => lx.titleHeads.has(w));
    const told = tokens.slice(subject[0], first).map((t) => t.lower);
    if (speaker && heads.some((h) => told.includes(`${h}s`))) people.push(speaker);
  }
  // "Speaking at a press conference with X in Y, Z said": the speaker was there.
  if (
    kind === "noun" &&
    /^(?:speaking|addressing) /.test(
      tokens
        .slice(s.first, first)
        .map((t) => t.lower)
        .join(" "),
    )
  ) {
    for (const p of mentions.people)
      if (p.first >= object[1] && p.last < s.last && reportedSpeaker(doc, p)) people.push(p);
  }
  const date = dateOf(doc, s, first, excluded);
  const place = placeOf(doc, s, first, last, excluded, quote ?? null);
  let dateValue = date?.date ?? null;
  let dateBasis: DateBasis | null = date ? "text" : null;
  // "Dushanbe, September 17 (ANI): X met Y": the lead of a dated dateline tells of that day.
  const datedDateline =
    doc.dateline !== null &&
    doc.dateline.place.start >= s.start &&
    doc.dateline.end <= s.end &&
    mentions.dates.some((d) => d.dateline);
  if (dateValue === null && (mentionsToday(doc, s) || present || datedDateline) && doc.published.length === 10) {
    dateValue = doc.published;
    dateBasis = "today";
  }
  return {
    sentence: s,
    first,
    last,
    kind,
    definite,
    date: dateValue,
    dateBasis,
    city: place.city,
    cityName: place.name,
    cityBasis: place.basis,
    placeCountry: place.country,
    people,
    countries,
    absentPeople: [],
    absentCountries: [],
    remote: anyPhraseIn(tokens, s.first, s.last, doc.lexicon.remoteCues),
    theTwo,
    context: context ? { name: context.name, start: context.start, end: context.end } : null,
    round: roundOf(doc, s),
    present,
    kindWord: kindWordOf(doc, subject[0], first, last),
  };
}

/** "a bilateral meeting", "The quadrilateral meeting of special envoys": the kind word of the trigger's noun. */
function kindWordOf(doc: Doc, subjectFrom: number, first: number, last: number): string | null {
  for (let k = Math.max(0, first - 3); k <= Math.min(doc.tokens.length - 1, last + 1); k++) {
    if (doc.lexicon.kindWords.has(doc.tokens[k]!.lower)) return doc.tokens[k]!.lower;
  }
  // "The quadrilateral meeting of special envoys … was held": the kind word opens the subject.
  for (let k = subjectFrom; k < Math.min(first, subjectFrom + 4); k++) {
    if (doc.lexicon.kindWords.has(doc.tokens[k]!.lower)) return doc.tokens[k]!.lower;
  }
  return null;
}

/** The first token starting at or after `offset` (tokens.length when none), by binary search: starts never decrease. */
function firstTokenAfter(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The object of a trigger runs to the first preposition of time or purpose, a verb, or a clause break. */
function objectEnd(doc: Doc, s: DocSentence, from: number, to: number): number {
  let complement = false;
  const { places, dates } = doc.in(s);
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i] as Token;
    // "gathered in Tianjin last week, Afghanistan was …": after a place or time, a comma ends the object.
    if (t.text === "," && complement) return i;
    complement ||= places.some((p) => p.first === i) || dates.some((d) => d.start === t.start);
    if (OBJECT_STOPS.has(t.lower) && !(t.lower === "and" && doc.tokens[i + 1]?.pos !== "VERB")) return i;
    if ((t.pos === "VERB" || t.pos === "AUX") && i > from) return i;
  }
  return to;
}

/** A person the sentence quotes or cites ("said X", "X told reporters", "according to X") is a reporter, not a participant. */
function reportedSpeaker(doc: Doc, p: PersonMention): boolean {
  const before = doc.tokens[p.first - 1]?.lower ?? "";
  const after = doc.tokens[p.last + 1]?.lower ?? "";
  const after2 = doc.tokens[p.last + 2]?.lower ?? "";
  const reporting = doc.lexicon.reportingVerbs;
  return (
    reporting.has(after) ||
    (after === "," && reporting.has(after2)) ||
    (after === "," && reporting.has(afterAside(doc, p.last + 2))) ||
    before === "said" ||
    (before === "to" && doc.tokens[p.first - 2]?.lower === "according") ||
    reporting.has(before)
  );
}

/**
 * The word after an aside set off by commas that starts at token i ("Jane Roe, a spokeswoman for the ministry, said",
 * "Jane Roe, speaking in Canberra, said"): the aside is short and holds no quotation or clause break; "" when none.
 */
function afterAside(doc: Doc, i: number): string {
  for (let j = i; j < i + 12; j++) {
    const t = doc.tokens[j];
    if (!t || t.text === ";" || t.text === "." || doc.quoteAt(t.start) !== null) return "";
    if (t.text === ",") return doc.tokens[j + 1]?.lower ?? "";
  }
  return "";
}

/** Countries in the participant positions: the subject and object of the trigger, lists after "ministers of". */
function participantCountries(doc: Doc, s: DocSentence, inRegion: (i: number) => boolean): string[] {
  const out: string[] = [];
  const { tokens } = doc;
  const { countries, people, groups } = doc.in(s);
  for (const c of countries) {
    if (c.last >= s.last || !inRegion(c.first)) continue;
    if (isLocation(doc, c)) continue;
    // A country inside a person's title belongs to the person, who carries it (unless former).
    if (
      people.some(
        (p) =>
          p.first > c.last &&
          p.first - c.last <= 6 &&
          tokens
            .slice(c.last + 1, p.first)
            .every(
              (t) =>
                t.cap ||
                t.lower === "of" ||
                t.lower === "'s" ||
                t.lower === "’s" ||
                t.lower === "for" ||
                t.lower === "and" ||
                t.lower === "the",
            ),
      )
    )
      continue;
    if (!out.includes(c.code)) out.push(c.code);
  }
  for (const g of groups) {
    if (g.last >= s.last || !inRegion(g.first)) continue;
    for (const code of g.codes) if (!out.includes(code)) out.push(code);
  }
  return out;
}

/** "in Cambodia", "Phnom Penh, Cambodia", "the Swiss city of", "a visit to Japan": a place, not a participant. */
export function isLocation(doc: Doc, c: CountryMention): boolean {
  const { tokens } = doc;
  const before = tokens[c.first - 1]?.lower ?? "";
  const after = tokens[c.last + 1]?.lower ?? "";
  if (
    before === "from" &&
    tokens.slice(Math.max(0, c.first - 5), c.first - 1).some((t) => doc.lexicon.participantNouns.has(t.lower))
  )
    return false;
  if (["in", "at", "to", "from", "into", "across", "inside", "near"].includes(before)) return true;
  // "Afghanistan's neighbours": others, named by their relation to the country.
  const after2 = tokens[c.last + 2]?.lower ?? "";
  if ((after === "'s" || after === "’s") && doc.lexicon.relationNouns.has(after2)) return true;
  // "talks on Syria", "envoys on Afghanistan": the topic, not a party.
  if (["on", "about", "over", "regarding", "concerning"].includes(before)) return true;
  if (["city", "capital", "town", "border", "territory", "soil", "region", "embassy"].includes(after)) return true;
  const s = doc.sentenceAt(c.start);
  if (before === "," && s && doc.in(s).places.some((p) => p.last === c.first - 2)) return true;
  if (before === "of" && ["capital", "city", "town"].includes(tokens[c.first - 2]?.lower ?? "")) return true;
  // "Dushanbe [Tajikistan]", "Phnom Penh (Cambodia)": the country of the city before it.
  if ((before === "[" || before === "(") && s && doc.in(s).places.some((p) => p.last === c.first - 2)) return true;
  return false;
}

/** "said in a statement issued late Thursday", "told reporters on Monday": when it was reported, not when it met. */
function reportDate(doc: Doc, d: DateMention): boolean {
  const at = tokenAt(doc, d.start);
  for (let k = at - 1; k >= Math.max(0, at - 4); k--)
    if (doc.lexicon.reportDateCues.has(doc.tokens[k]!.lower)) return true;
  return false;
}

/** The date of the event: a date of the sentence outside subordinate clauses, nearest the trigger. */
function dateOf(doc: Doc, s: DocSentence, trigger: number, excluded: Array<[number, number]>): DateMention | null {
  const at = doc.tokens[trigger]!.start;
  const candidates = doc
    .in(s)
    .dates.filter(
      (d) =>
        d.end <= s.end &&
        !d.dateline &&
        !insideQuotation(doc, d.start) &&
        !inRanges(excluded, tokenAt(doc, d.start)) &&
        !reportDate(doc, d),
    );
  candidates.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
  return candidates[0] ?? null;
}

function tokenAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.tokens[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

interface PlaceFound {
  city: City | null;
  name: string | null;
  basis: CityBasis | null;
  country: string | null;
}

/** The place of the event: "in X", "at … in X", "the Swiss city of X", "X had held", "here", "in the capital". */
// Words that join parties to a meeting: a city after one stands for its government, not the venue.
const PARTY_LINKS = new Set(["and", "between", "&"]);

function placeOf(
  doc: Doc,
  s: DocSentence,
  first: number,
  last: number,
  excluded: Array<[number, number]>,
  quote: { start: number; end: number } | null,
): PlaceFound {
  const { tokens, lexicon: lx } = doc;
  const quotedAlike = (offset: number): boolean =>
    quote ? offset > quote.start && offset < quote.end : !insideQuotation(doc, offset);
  const usable = (p: PlaceMention): boolean =>
    p.first >= s.first && p.last < s.last && !inRanges(excluded, p.first) && quotedAlike(p.start);
  const placeWord = (p: PlaceMention): boolean => {
    const before = tokens[p.first - 1]?.lower ?? "";
    if (before === "of") return ["city", "capital", "town"].includes(tokens[p.first - 2]?.lower ?? "");
    return PLACE_PREPOSITIONS.has(before);
  };
  // "Seoul had held the summit": a city as the subject, just before the trigger verb (not the last of the parties
  // in "talks between Moscow and Kyiv were held …": a city standing for its government).
  const subjectCity = (p: PlaceMention): boolean =>
    p.last < first &&
    first - p.last <= 2 &&
    tokens.slice(p.last + 1, first).every((t) => t.pos === "AUX" || t.pos === "ADV") &&
    !PARTY_LINKS.has(tokens[p.first - 1]?.lower ?? "");
  // "the Lima talks", "a Lima summit": a city before the meeting noun.
  const modifier = (p: PlaceMention): boolean => p.last === first - 1 && doc.tokens[first]!.pos !== "VERB";
  // "invited to Lima to take part": a trip's destination, when nothing else places the event.
  const travel = (p: PlaceMention): boolean =>
    tokens[p.first - 1]?.lower === "to" &&
    tokens.slice(Math.max(s.first, p.first - 4), p.first - 1).some((t) => lx.travelWords.has(t.lower));
  const here = doc.in(s);
  // A place the sentence says the event is in ("in X", "the city of X") before a city beside the trigger.
  let candidates = here.places.filter((p) => usable(p) && placeWord(p));
  if (candidates.length === 0) candidates = here.places.filter((p) => usable(p) && (subjectCity(p) || modifier(p)));
  if (candidates.length === 0) candidates = here.places.filter((p) => usable(p) && travel(p));
  candidates.sort((a, b) => distance(a.first, first, last) - distance(b.first, first, last));
  const best = candidates[0];
  if (best) return { city: best.city, name: best.name, basis: "text", country: best.city.country };
  for (let i = s.first; i < s.last; i++) {
    if (inRanges(excluded, i) || insideQuotation(doc, tokens[i]!.start)) continue;
    if (lx.hereWords.has(tokens[i]!.lower) && doc.dateline)
      return {
        city: doc.dateline.place.city,
        name: doc.dateline.place.name,
        basis: "here",
        country: doc.dateline.place.city.country,
      };
    const before = tokens[i - 1]?.lower;
    const capital = (before === "in" || before === "at") && phraseStartingAt(tokens, i, lx.capitalWords) !== undefined;
    if (capital) {
      const host = hostCountry(doc, s) ?? doc.dateline?.place.city.country ?? null;
      if (host && doc.dateline && doc.dateline.place.city.country === host && doc.dateline.place.city.capital) {
        return { city: doc.dateline.place.city, name: doc.dateline.place.name, basis: "capital", country: host };
      }
      const name = host ? doc.gazetteer.capitals.get(host) : undefined;
      const city = name ? (doc.gazetteer.cities.get(name)?.find((c) => c.country === host) ?? null) : null;
      if (city && name) return { city, name, basis: "capital", country: host };
    }
  }
  const inCountry = here.countries.find(
    (c) => c.last < s.last && !inRanges(excluded, c.first) && ["in"].includes(tokens[c.first - 1]?.lower ?? ""),
  );
  return { city: null, name: null, basis: null, country: inCountry?.code ?? null };
}

const distance = (i: number, first: number, last: number): number => (i > last ? i - last : first - i + 0.5);

/** "India-hosted", "hosted by Peru", "chaired by Kazakhstan": the host the sentence names. */
function hostCountry(doc: Doc, s: DocSentence): string | null {
  const { tokens } = doc;
  for (const c of doc.in(s).countries) {
    if (c.last >= s.last) continue;
    const after = tokens
      .slice(c.last + 1, c.last + 3)
      .map((t) => t.lower)
      .join(" ");
    const before = tokens
      .slice(Math.max(s.first, c.first - 2), c.first)
      .map((t) => t.lower)
      .join(" ");
    if (/^-? ?hosted/.test(after) || /(?:hosted|chaired|led) by$/.test(before)) return c.code;
  }
  return null;
}

/** "on the sidelines of the fifth East Asia Summit": the larger event, named up to a place, date or clause end. */
function sidelinesOf(
  doc: Doc,
  s: DocSentence,
): { name: string; start: number; end: number; tokenStart: number } | null {
  const { tokens, lexicon: lx } = doc;
  for (let i = s.first; i < s.last; i++) {
    const phrase = phraseStartingAt(tokens, i, lx.sidelines);
    if (!phrase) continue;
    const from = i + phrase.split(" ").length;
    let j = from;
    while (
      j < s.last &&
      ![",", ".", ";", "in", "on", "at", "which", "that", "to", "and", "where"].includes(tokens[j]!.lower)
    )
      j++;
    let k = from;
    while (k < j && ["the", "a", "an"].includes(tokens[k]!.lower)) k++;
    if (j <= k) return null;
    const name = doc.text.slice(tokens[k]!.start, tokens[j - 1]!.end);
    const nouns = ["summit", "meeting", "session", "conference", "forum", "assembly", "council"];
    if (!tokens.slice(k, j).some((t) => nouns.includes(t.lower))) return null;
    return { name, start: tokens[k]!.start, end: tokens[j - 1]!.end, tokenStart: i };
  }
  return null;
}

/** "the 16th Astana Format meeting", "the fifth round": the number of a meeting in its series. */
function roundOf(doc: Doc, s: DocSentence): number | null {
  const { tokens, lexicon: lx } = doc;
  for (let i = s.first; i < s.last; i++) {
    const t = tokens[i] as Token;
    const ordinal = lx.ordinals.indexOf(t.lower);
    const numeric = /^(\d{1,3})(?:st|nd|rd|th)$/.exec(t.lower);
    if (ordinal < 0 && !numeric) continue;
    for (let k = i + 1; k < Math.min(s.last, i + 8); k++) {
      if (lx.roundNouns.has(tokens[k]!.lower)) return ordinal >= 0 ? ordinal + 1 : Number(numeric?.[1]);
      if (!tokens[k]!.cap && tokens[k]!.lower !== "'s" && tokens[k]!.text !== "(" && tokens[k]!.text !== ")") break;
    }
  }
  return null;
}
