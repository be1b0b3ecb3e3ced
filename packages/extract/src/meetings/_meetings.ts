import type { RegistrySeries } from "@parley/registry";
import type { AttendeeMention, MeetingMention, ReviewItem, Span } from "@parley/model";

type Participation = AttendeeMention["participation"];
import type { Doc, DocSentence } from "../doc/_document.ts";
import type { City } from "../doc/_gazetteer.ts";
import type { PersonMention } from "../doc/_people.ts";
import {
  findFrames,
  firstWord,
  futureBefore,
  insideQuotation,
  isLocation,
  matchPattern,
  patternsAt,
  phraseStartingAt,
  phraseWords,
  wordsAt,
  type DateBasis,
  type Frame,
} from "./_frames.ts";
import type { Lexicon, PatternToken } from "../doc/_lexicon.ts";

const asPattern = (p: readonly PatternToken[]): readonly PatternToken[] => p;
import { findSeries } from "./_series.ts";

// Frames become meetings in ordered steps, most certain first:
// 1. a frame with its own date and city is a meeting;
// 2. a frame that names neither refers back to the meeting before it ("the two also held a late-night meeting");
// 3. a frame with a city but no date, or a date but no city, joins the meeting it can only be, or takes the
//    missing value from the dateline (a meeting of today), a nearby sentence, or the publication month;
// 4. sentences with attendance cues ("chaired by", "also attended") add their people and countries to the
//    meeting before them; absence cues take them out;
// 5. a meeting still without a date or a city is not published (a wrong row is worse than a missing one).

export interface Meeting {
  frames: Frame[];
  date: string;
  dateBasis: DateBasis;
  city: City;
  cityName: string;
  people: Map<string, { mention: PersonMention; participation: Participation; sentence: DocSentence }>;
  countries: Map<string, { participation: Participation; sentence: DocSentence }>;
  absent: Set<string>;
  name: string | null;
  series: RegistrySeries | null;
  round: number | null;
  /** The event a side meeting was held on the sidelines of: a meeting too. */
  context: boolean;
  confidence: number;
}

interface Draft {
  frames: Frame[];
  date: string | null;
  dateBasis: DateBasis | null;
  city: City | null;
  cityName: string | null;
  placeCountry: string | null;
  context: boolean;
  name: string | null;
  round: number | null;
}

const precision = (d: string): number => d.split("-").length;
const datesAgree = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);
const names = (f: Frame): Set<string> => new Set(f.people.map((p) => p.name));

function peopleOf(d: Draft): Set<string> {
  return new Set(d.frames.flatMap((f) => [...names(f)]));
}

/** Two drafts may be one meeting: dates and places agree, and neither names two people the other lacks. */
function compatible(a: Draft, b: Draft): boolean {
  if (a.context !== b.context) return false;
  if (a.date && b.date && !datesAgree(a.date, b.date)) return false;
  if (a.city && b.city && a.city.name !== b.city.name && a.cityName !== b.cityName) return false;
  const country = (d: Draft): string | null => d.city?.country ?? d.placeCountry;
  if (country(a) && country(b) && country(a) !== country(b)) return false;
  const pa = peopleOf(a);
  const pb = peopleOf(b);
  const onlyA = [...pa].filter((n) => !pb.has(n)).length;
  const onlyB = [...pb].filter((n) => !pa.has(n)).length;
  return !(pa.size >= 2 && pb.size >= 2 && onlyA > 0 && onlyB > 0);
}

function absorb(into: WorkingDraft, d: WorkingDraft): void {
  into.frames.push(...d.frames);
  if (d.date && (!into.date || (datesAgree(into.date, d.date) && precision(d.date) > precision(into.date)))) {
    into.date = d.date;
    into.dateBasis = d.dateBasis;
  }
  if (d.city && (!into.city || (into.cityBasis() !== "text" && d.frames[0]?.cityBasis === "text"))) {
    into.city = d.city;
    into.cityName = d.cityName;
  }
  into.placeCountry ??= d.placeCountry;
  into.name ??= d.name;
  into.round ??= d.round;
}

function draftOf(f: Frame, context = false): Draft & { cityBasis(): string | null } {
  const d = {
    frames: [f],
    date: f.date,
    dateBasis: f.dateBasis,
    city: f.city,
    cityName: f.cityName,
    placeCountry: f.placeCountry,
    context,
    name: context ? (f.context?.name ?? null) : null,
    round: context ? null : f.round,
    cityBasis(): string | null {
      return this.frames.find((x) => x.city !== null)?.cityBasis ?? null;
    },
  };
  return d;
}

type WorkingDraft = ReturnType<typeof draftOf>;

export function findMeetings(doc: Doc): Meeting[] {
  return readMeetings(doc).meetings;
}

/** A meeting the text tells of with participants and a date or a city, but not both: not published, sent to review. */
export interface HeldMeeting {
  date: string | null;
  city: string | null;
  participants: string[];
  sentence: DocSentence;
}

/** Meetings the text supports, and those it tells of too vaguely to publish. */
export function readMeetings(doc: Doc): { meetings: Meeting[]; held: HeldMeeting[] } {
  const frames = findFrames(doc);
  const drafts: WorkingDraft[] = [];
  let previous: WorkingDraft | null = null;
  for (const f of frames) {
    if (f.theTwo && previous)
      f.people.push(
        ...previous.frames.flatMap((x) => x.people).filter((p) => !f.people.some((q) => q.name === p.name)),
      );
    const d = draftOf(f);
    // "The talks started on 18 November": the first day of the meeting just told of.
    if (previous && startsPrevious(doc, f, previous)) {
      previous.date = f.date;
      previous.frames.push(f);
      continue;
    }
    const target: WorkingDraft | null = seriesDraft(doc, drafts, f) ?? placeDraft(drafts, previous, d, f);
    // A dateline names where the report was filed: the place of a new meeting of today (not of one told before).
    if (
      !target &&
      !d.city &&
      d.date !== null &&
      ofToday(d.date, doc.published) &&
      doc.dateline &&
      (!d.placeCountry || d.placeCountry === doc.dateline.place.city.country)
    ) {
      d.city = doc.dateline.place.city;
      d.cityName = doc.dateline.place.name;
      f.cityBasis = "dateline";
    }
    if (target) absorb(target, d);
    else if (f.date !== null || f.city !== null || f.placeCountry !== null) drafts.push(d);
    else continue;
    previous = target ?? d;
    if (f.context) addContext(drafts, previous, f);
  }
  for (const d of drafts) fillMissing(doc, d, drafts);
  const meetings = drafts.filter((d) => d.date !== null && d.city !== null).map((d) => toMeeting(doc, d));
  attachAttendance(doc, meetings, frames);
  for (const m of meetings)
    m.series = m.context ? null : findSeries(m.frames.map((f) => f.sentence.text).join("\n"), doc.registry);
  const held = drafts
    .filter((d) => !d.context && (d.date === null) !== (d.city === null))
    .map((d) => ({
      date: d.date,
      city: d.cityName ?? d.city?.name ?? null,
      participants: [...new Set(d.frames.flatMap((f) => [...f.people.map((p) => p.name), ...f.countries]))],
      sentence: d.frames[0]!.sentence,
    }))
    .filter((h) => h.participants.length > 0);
  return { meetings, held };
}

/** Today's, or yesterday's in a report filed today: the dateline's city is where it happened. */
function ofToday(date: string, published: string): boolean {
  if (date.length !== 10 || published.length !== 10) return false;
  const days = (Date.parse(published) - Date.parse(date)) / 86_400_000;
  return days >= 0 && days <= 1;
}

function startsPrevious(doc: Doc, f: Frame, previous: WorkingDraft): boolean {
  if (!f.definite || f.date === null || f.dateBasis !== "text" || previous.date === null || previous.context)
    return false;
  if (!doc.lexicon.startVerbs.has(doc.tokens[f.first]!.lower)) return false;
  if (f.city && previous.city && f.city.name !== previous.city.name) return false;
  const days = (Date.parse(previous.date) - Date.parse(f.date)) / 86_400_000;
  return f.date.length === 10 && previous.date.length === 10 && days > 0 && days <= 14;
}

/** "the Moscow Format meeting was …": a definite frame that names a series refers to the meeting of that series. */
function seriesDraft(doc: Doc, drafts: readonly WorkingDraft[], f: Frame): WorkingDraft | null {
  if (!f.definite || f.date !== null) return null;
  const series = findSeries(f.sentence.text, doc.registry);
  if (!series) return null;
  const named = drafts.filter(
    (x) => !x.context && x.frames.some((y) => findSeries(y.sentence.text, doc.registry)?.name === series.name),
  );
  return named.length === 1 ? (named[0] as WorkingDraft) : null;
}

/** Participants the frame shares with a draft: a person, or a country. */
function overlaps(d: WorkingDraft, f: Frame): boolean {
  const people = peopleOf(d);
  const countries = new Set(
    d.frames.flatMap((x) => [...x.countries, ...x.people.map((p) => p.country).filter((c): c is string => c !== null)]),
  );
  if (f.people.some((p) => people.has(p.name))) return true;
  // Countries alone refer back only when the meeting before has them all: "Uzbekistan hosted U.S. officials" is another event.
  const own = [...f.countries, ...f.people.map((p) => p.country).filter((c): c is string => c !== null)];
  return own.length > 0 && own.every((c) => countries.has(c));
}

/** Where a frame goes: a definite or unplaced, undated frame refers back; otherwise the one draft it agrees with. */
function placeDraft(
  drafts: WorkingDraft[],
  previous: WorkingDraft | null,
  d: WorkingDraft,
  f: Frame,
): WorkingDraft | null {
  // A "quadrilateral meeting" told of beside a larger meeting is a meeting of its own.
  // A frame joins a kind-word meeting only when it names the same kind; otherwise the meeting told of before it.
  const kindOf = (x: WorkingDraft): string | null => x.frames[0]?.kindWord ?? null;
  // "The meeting took place in X" (no date of its own) refers to the meeting just told of, whatever its kind.
  const sameKind = (x: WorkingDraft): boolean =>
    kindOf(x) === f.kindWord || (f.definite && f.date === null && f.kindWord === null);
  drafts = drafts.filter(sameKind);
  if (previous && !sameKind(previous)) previous = [...drafts].reverse().find((x) => !x.context) ?? null;
  if (f.date === null && f.city === null && f.placeCountry === null) {
    // "The two also held a late-night meeting", "X opened the session": the meeting before, if it shares someone.
    const refersBack =
      f.definite ||
      f.theTwo ||
      (f.people.length === 0 && f.countries.length === 0) ||
      (previous !== null && overlaps(previous, f));
    return previous && refersBack && compatible(previous, d) ? previous : null;
  }
  if (
    f.definite &&
    previous &&
    compatible(previous, d) &&
    (f.date === null || f.dateBasis !== "text" || previous.date === null)
  )
    return previous;
  if (f.date === null && previous && compatible(previous, d)) return previous;
  const fits = drafts.filter(
    (x) =>
      !x.context &&
      compatible(x, d) &&
      (x.date !== null && d.date !== null ? datesAgree(x.date, d.date) : true) &&
      (x.city && d.city ? true : x.date !== null && d.date !== null),
  );
  return fits.length === 1 ? (fits[0] as WorkingDraft) : null;
}

/** The larger event of "on the sidelines of …": same date and place, its own meeting; the side meeting's countries were there. */
function addContext(drafts: WorkingDraft[], side: WorkingDraft, f: Frame): void {
  const existing = drafts.find(
    (d) =>
      d.context &&
      d.date !== null &&
      side.date !== null &&
      datesAgree(d.date, side.date) &&
      d.city?.name === side.city?.name,
  );
  if (existing) {
    existing.frames.push(f);
    return;
  }
  const d = draftOf(f, true);
  d.date = side.date;
  d.dateBasis = side.dateBasis;
  d.city = side.city;
  d.cityName = side.cityName;
  drafts.push(d);
}

/** A missing date from a sentence that names the same city with a date, or the publication month for recent news. */
function fillMissing(doc: Doc, d: WorkingDraft, drafts: readonly WorkingDraft[]): void {
  if (d.context) {
    const side = drafts.find((x) => !x.context && x.frames.some((f) => d.frames.includes(f)));
    if (side) {
      d.date ??= side.date;
      d.city ??= side.city;
      d.cityName ??= side.cityName;
    }
    return;
  }
  if (d.date !== null || d.city === null) return;
  const first = d.frames[0] as Frame;
  const near = doc.sentences.slice(first.sentence.index + 1, first.sentence.index + 4);
  for (const s of near) {
    const named = doc.in(s).places.some((p) => p.city.name === d.city?.name);
    const date = doc.in(s).dates.find((x) => !x.dateline);
    if (named && date) {
      d.date = date.date;
      d.dateBasis = "nearby";
      return;
    }
  }
  // News reports what just happened: with no date at all, the publication month, when nothing else in the article
  // is dated before it, or when it is a meeting of its own kind told in the past tense ("a quadrilateral meeting … was held").
  const datedBefore = drafts.some(
    (x) => x !== d && x.date !== null && (x.frames[0]?.sentence.index ?? 0) < first.sentence.index,
  );
  const ownKind =
    first.kindWord !== null && first.kind === "verb" && !first.present && doc.tokens[first.first - 1]?.lower !== "had";
  if (((!datedBefore && first.sentence.paragraph <= 2) || ownKind) && doc.published.length >= 7) {
    d.date = doc.published.slice(0, 7);
    d.dateBasis = "month";
  }
}

const CONFIDENCE: Record<DateBasis, number> = { text: 0.9, today: 0.85, inherited: 0.8, nearby: 0.75, month: 0.7 };
/** What each date basis means, for the review file: why a row was held back. */
const DATE_BASIS: Record<DateBasis, string> = {
  text: "date stated with the meeting",
  today: "dated by 'today' in a dated article",
  inherited: "date from an earlier sentence about the same meeting",
  nearby: "date from a nearby sentence",
  month: "only the publication month dates it",
};

function confidenceReason(m: Meeting): string {
  const city = m.frames[0]?.cityBasis === "text" ? "city stated with the meeting" : "city not stated with the meeting";
  return `${DATE_BASIS[m.dateBasis]}; ${city}`;
}

function toMeeting(_doc: Doc, d: WorkingDraft): Meeting {
  const people: Meeting["people"] = new Map();
  const countries: Meeting["countries"] = new Map();
  const participation: Participation = "in_person";
  for (const f of d.frames) {
    if (d.context && f.context) {
      // The side meeting's people were at the larger event; only its countries are counted here, so the two rows differ.
      for (const c of [
        ...f.countries,
        ...f.people.filter((p) => !p.former && p.country).map((p) => p.country as string),
      ])
        if (!countries.has(c)) countries.set(c, { participation, sentence: f.sentence });
      continue;
    }
    for (const p of f.people)
      if (!people.has(p.name))
        people.set(p.name, { mention: p, participation: f.remote ? "remote" : participation, sentence: f.sentence });
    for (const c of f.countries)
      if (!countries.has(c))
        countries.set(c, { participation: f.remote ? "remote" : participation, sentence: f.sentence });
  }
  for (const { mention, participation: mode, sentence } of people.values()) {
    if (mention.country && !mention.former && !countries.has(mention.country))
      countries.set(mention.country, { participation: mode, sentence });
  }
  return {
    frames: d.frames,
    date: d.date as string,
    dateBasis: d.dateBasis ?? "text",
    city: d.city as City,
    cityName: d.cityName ?? (d.city as City).name,
    people,
    countries,
    absent: new Set(),
    name: d.name,
    series: null,
    round: d.round,
    context: d.context,
    confidence: CONFIDENCE[d.dateBasis ?? "text"] - (d.frames[0]?.cityBasis === "text" ? 0 : 0.05),
  };
}

/** Sentences with attendance cues add their people and countries to the meeting told of before them. */
function attachAttendance(doc: Doc, meetings: Meeting[], frames: readonly Frame[]): void {
  const framed = new Set(meetings.flatMap((m) => m.frames.map((f) => f.sentence.index)));
  const allFramed = new Set(frames.map((f) => f.sentence.index));
  const ownerOf = new Map<number, Meeting>();
  for (const m of meetings)
    if (!m.context) for (const f of m.frames) if (!ownerOf.has(f.sentence.index)) ownerOf.set(f.sentence.index, m);
  const { tokens, lexicon: lx } = doc;
  for (const s of doc.sentences) {
    // Only a sentence naming a person, a country or a group adds anyone (or tells of anyone's absence).
    const here = doc.in(s);
    if (here.people.length === 0 && here.countries.length === 0 && here.groups.length === 0) continue;
    // A sentence that tells of a meeting adds to that meeting; one that tells of none, to the meeting told of before it.
    const own = ownerOf.get(s.index);
    if (!own && allFramed.has(s.index) && !framed.has(s.index)) continue;
    // A side meeting of its own kind ("the quadrilateral meeting") takes only sentences that name its kind.
    const kindOf = (m: Meeting): string | null => m.frames[0]?.kindWord ?? null;
    const told = meetings.filter(
      (m) => !m.context && (kindOf(m) === null || phraseInSentence(doc, s, kindOf(m) as string)),
    );
    // The meeting told of earlier in the same paragraph; else the latest-dated meeting told of before (a past meeting
    // recalled in passing does not take the sentences that follow it).
    const before = told.filter((m) => m.frames[0]!.sentence.index < s.index);
    const sameParagraph = before.filter((m) => m.frames.some((f) => f.sentence.paragraph === s.paragraph)).pop();
    const owner =
      own ?? sameParagraph ?? [...before].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).pop();
    if (!owner) continue;
    const meetingWords = phrasesOfMeeting(lx);
    const written = anyPhraseInSentence(doc, s, lx.writtenCues);
    let cue = written || anyPhraseInSentence(doc, s, meetingWords.saidDuring);
    // The words a cue governs: its subject (from the sentence start) and its object, up to the next verb or clause.
    const region: Array<[number, number]> = [];
    for (let i = s.first; i < s.last; i++) {
      if (insideQuotation(doc, tokens[i]!.start)) continue;
      for (const k of patternsAt(lx.attendanceCues, asPattern, tokens[i]!.lower)) {
        const end = matchPattern(tokens, i, s.last, lx.attendanceCues[k]!);
        if (end < 0) continue;
        // "X will host the delegations", "the next round is expected to …": not who came to this one.
        if (futureBefore(doc, s, i, lx.futureBeforeCue, true)) break;
        cue = true;
        region.push([s.first, i], [end + 1, cueObjectEnd(doc, end + 1, s.last)]);
        break;
      }
    }
    if (cue && region.length === 0) region.push([s.first, s.last]);
    const governed = (i: number): boolean => region.some(([a, b]) => i >= a && i < b);
    if (!cue) {
      applyAbsence(doc, s, meetings);
      continue;
    }
    const absentFrom = absenceStart(doc, s);
    const remote = anyPhraseInSentence(doc, s, lx.remoteCues);
    // "X said during the conference": words said at the meeting put the speaker there; a written greeting, in writing.
    const saidThere =
      written || anyPhraseInSentence(doc, s, meetingWords.during) || anyPhraseInSentence(doc, s, meetingWords.at);
    const mode: Participation = written ? "written" : remote ? "remote" : "in_person";
    for (const p of here.people) {
      if (
        p.last >= s.last ||
        p.first >= absentFrom ||
        !governed(p.first) ||
        insideQuotation(doc, p.start) ||
        (speaker(doc, p) && !saidThere)
      )
        continue;
      if (!owner.people.has(p.name)) owner.people.set(p.name, { mention: p, participation: mode, sentence: s });
      if (p.country && !p.former && !owner.countries.has(p.country))
        owner.countries.set(p.country, { participation: mode, sentence: s });
    }
    for (const c of here.countries) {
      if (c.last >= s.last || c.first >= absentFrom || !governed(c.first) || insideQuotation(doc, c.start)) continue;
      if (isLocation(doc, c)) continue;
      if (here.people.some((p) => p.first > c.last && p.first - c.last <= 6)) continue;
      if (afterFormer(doc, c.first)) continue;
      if (!owner.countries.has(c.code)) owner.countries.set(c.code, { participation: mode, sentence: s });
    }
    for (const g of here.groups) {
      if (g.last >= s.last || g.first >= absentFrom || !governed(g.first) || insideQuotation(doc, g.start)) continue;
      for (const code of g.codes)
        if (!owner.countries.has(code)) owner.countries.set(code, { participation: mode, sentence: s });
    }
    applyAbsence(doc, s, meetings);
  }
}

/** A cue's object runs past commas and a copula ("were X, Y and Z") to the next verb, "in", "to" or clause word. */
function cueObjectEnd(doc: Doc, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i]!;
    if (["which", "who", "that", "while", ";"].includes(t.lower)) return i;
    if (["to", "in", "for", "after", "before", "said", "says"].includes(t.lower) && i > from) return i;
    if (t.pos === "VERB" && i > from && !["including", "includes", "included"].includes(t.lower)) return i;
  }
  return to;
}

/** "former president of Nigeria", "former South African deputy president": the country is the person's past. */
function afterFormer(doc: Doc, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) if (doc.tokens[k]!.lower === "former") return true;
  return false;
}

function phraseInSentence(doc: Doc, s: DocSentence, phrase: string): boolean {
  return anyPhraseInSentence(doc, s, [phrase]);
}

/** Some phrase of the list stands in the sentence (the sentence's words looked up once for all of them). */
function anyPhraseInSentence(doc: Doc, s: DocSentence, phrases: readonly string[]): boolean {
  const words = wordsOfSentence(doc, s);
  for (const phrase of phrases) {
    const split = phraseWords(phrase);
    // Most phrases' first word is not in the sentence at all: one set lookup says so.
    if (!words.has(split[0] as string)) continue;
    for (let i = s.first; i < s.last; i++) if (wordsAt(doc.tokens, i, split)) return true;
  }
  return false;
}

const meetingPhrases = new WeakMap<Lexicon, { saidDuring: string[]; during: string[]; at: string[] }>();

/** "said during the talks", "during the talks", "at the talks": phrases of the anaphora nouns, built once per lexicon. */
function phrasesOfMeeting(lx: Lexicon): { saidDuring: string[]; during: string[]; at: string[] } {
  let phrases = meetingPhrases.get(lx);
  if (!phrases) {
    const nouns = [...lx.anaphoraNouns];
    phrases = {
      saidDuring: nouns.map((n) => `said during the ${n}`),
      during: nouns.map((n) => `during the ${n}`),
      at: nouns.map((n) => `at the ${n}`),
    };
    meetingPhrases.set(lx, phrases);
  }
  return phrases;
}

const sentenceWords = new WeakMap<DocSentence, Set<string>>();

/** The sentence's words, lowercase, as a set (built once per sentence). */
function wordsOfSentence(doc: Doc, s: DocSentence): Set<string> {
  let words = sentenceWords.get(s);
  if (!words) {
    words = new Set<string>();
    for (let i = s.first; i < s.last; i++) words.add(doc.tokens[i]!.lower);
    sentenceWords.set(s, words);
  }
  return words;
}

/** Token where an absence clause starts ("Myanmar did not designate …" starts at its subject), or the sentence end. */
function absenceStart(doc: Doc, s: DocSentence): number {
  const words = wordsOfSentence(doc, s);
  if (!doc.lexicon.absenceCues.some((c) => words.has(firstWord(c)))) return s.last;
  for (let i = s.first; i < s.last; i++) {
    const cue = phraseStartingAt(doc.tokens, i, doc.lexicon.absenceCues);
    if (!cue) continue;
    // Back to the start of the clause: a semicolon, or a comma before "and", "but", "while"; an appositive's
    // commas ("The Taliban's foreign minister, Jane Roe, did not attend") do not end it.
    let k = i;
    while (k > s.first) {
      const prev = doc.tokens[k - 1]!.text;
      if (prev === ";" || prev === ".") break;
      if (["and", "but", "while", "whereas"].includes(doc.tokens[k]!.lower) && prev === ",") break;
      k--;
    }
    return k;
  }
  return s.last;
}

/** People and countries in an absence clause are taken out of every meeting of the sentence's paragraph. */
function applyAbsence(doc: Doc, s: DocSentence, meetings: Meeting[]): void {
  const from = absenceStart(doc, s);
  if (from >= s.last) return;
  for (const m of meetings) {
    for (const p of doc.in(s).people) if (p.first >= from && p.last < s.last) m.people.delete(p.name);
    for (const c of doc.in(s).countries) if (c.first >= from && c.last < s.last) m.countries.delete(c.code);
  }
}

function speaker(doc: Doc, p: PersonMention): boolean {
  return (
    doc.lexicon.reportingVerbs.has(doc.tokens[p.last + 1]?.lower ?? "") ||
    doc.lexicon.reportingVerbs.has(doc.tokens[p.first - 1]?.lower ?? "")
  );
}

/** The confidence of a meeting the text gives only a date or only a city for: below any bar. */
const HELD_CONFIDENCE = 0.5;

/** Meetings below the bar, or without a date or a city, held back for a person to review: what they would say, why, where. */
export function toReview(meetings: readonly Meeting[], held: readonly HeldMeeting[], bar: number): ReviewItem[] {
  const vague = held.map((h) => ({
    record_type: "meeting" as const,
    summary: `meeting ${h.date ? `on ${h.date}` : `in ${h.city}`} (${h.participants.join(", ")})`,
    confidence: HELD_CONFIDENCE,
    reason: h.date ? "no city stated with the meeting" : "no date stated with the meeting",
    evidence: { start: h.sentence.start, end: h.sentence.end },
    sentence: h.sentence.text,
  }));
  return meetings
    .filter((m) => m.confidence < bar)
    .map((m) => ({
      record_type: "meeting" as const,
      summary: `meeting ${m.date} in ${m.cityName}${m.people.size + m.countries.size > 0 ? ` (${[...[...m.people.values()].map((p) => p.mention.name), ...m.countries.keys()].join(", ")})` : ""}`,
      confidence: Math.round(m.confidence * 100) / 100,
      reason: confidenceReason(m),
      evidence: { start: m.frames[0]!.sentence.start, end: m.frames[0]!.sentence.end },
      sentence: m.frames[0]!.sentence.text,
    }))
    .concat(vague);
}

/** The rows of the extraction: meetings at or above the bar, with attendees and evidence. */
export function toMentions(doc: Doc, meetings: readonly Meeting[], bar: number): MeetingMention[] {
  return meetings
    .filter((m) => m.confidence >= bar)
    .map((m, i) => {
      // An attendee row is as sure as the meeting it belongs to.
      const confidence = Math.round(m.confidence * 100) / 100;
      const evidence: Span[] = [...new Set(m.frames.map((f) => f.sentence))].map((s) => ({
        start: s.start,
        end: s.end,
      }));
      const attendees: AttendeeMention[] = [
        ...[...m.people.values()].map(({ mention, participation, sentence }) => ({
          type: "person" as const,
          name: mention.name,
          role: mention.role,
          country: mention.former ? null : mention.country,
          participation,
          basis: null,
          evidence: { start: sentence.start, end: sentence.end },
          confidence,
        })),
        ...[...m.countries.entries()].map(([code, { participation, sentence }]) => ({
          type: "country" as const,
          name: doc.gazetteer.countryNames.get(code) ?? code,
          role: null,
          country: code,
          participation,
          basis: null,
          evidence: { start: sentence.start, end: sentence.end },
          confidence,
        })),
      ];
      return {
        key: `m${i + 1}`,
        name: m.name ?? m.series?.name ?? null,
        series: m.series?.name ?? null,
        round: m.round,
        date: m.date,
        city: m.cityName,
        country: m.city.country,
        evidence,
        attendees,
        confidence,
      };
    });
}
