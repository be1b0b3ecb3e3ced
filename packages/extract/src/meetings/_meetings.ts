import type { MeetingMention, Span } from "@parley/model";
import type { RegistryPlace } from "@parley/registry";
import type { ArticleContext } from "../_context.ts";
import { findDates, monthsBefore, refinePublished } from "./_dates.ts";
import { EVENT_NOUN, maskNonPlaces, maskQuotes, readNarrative, type NarrativeSentence } from "./_narrative.ts";
import { PeopleFinder, type PersonFound } from "./_people.ts";
import { findCapital, findDatelinePlace, findPlaces, findRound, findSeries, hostOf } from "./_place.ts";
import { countryLexicon, splitSentences, type CountryLexicon } from "../text/index.ts";
import { findAttendees } from "./_attendees.ts";

/** What the meeting rules read of one article, computed once. */
export interface ArticleReading {
  ctx: ArticleContext;
  published: string;
  sentences: NarrativeSentence[];
  /** Narrative with series and publisher names blanked, for finding places. */
  placeText: string;
  countries: CountryLexicon;
  people: PersonFound[];
}

/** Memoizes a function of a sentence. */
function perSentence<T>(fn: (s: NarrativeSentence) => T): (s: NarrativeSentence) => T {
  const cache = new Map<NarrativeSentence, T>();
  return (s) => {
    if (!cache.has(s)) cache.set(s, fn(s));
    return cache.get(s) as T;
  };
}

export function readArticle(ctx: ArticleContext): ArticleReading {
  const { text } = ctx.article;
  const masked = maskQuotes(text);
  const published = refinePublished(text, ctx.article.published);
  const sentences = readNarrative(splitSentences(text), masked).map((s) => {
    // Only dates with a stated year: "over the past two years" is a span of time, not a date.
    // "since the war began in 2021" starts a span of time that runs to now: not when the sentence's event happened.
    const dates = findDates(s.narrative, published).filter(
      (d) => !d.dateline && /\d{4}/.test(s.narrative.slice(d.start, d.end)) && !SINCE.test(s.narrative.slice(0, d.start)),
    );
    // News reports what just happened: a sentence dated only long before publication is history.
    return { ...s, background: dates.length > 0 && dates.every((d) => monthsBefore(d.date, published) > RECENT_MONTHS) };
  });
  const countries = countryLexicon(ctx.registry);
  return {
    ctx,
    published,
    sentences,
    placeText: maskNonPlaces(masked, ctx.registry),
    countries,
    people: new PeopleFinder(ctx, countries).find(sentences),
  };
}

const RECENT_MONTHS = 3;
const SINCE = /\bsince\b[^,;.]{0,60}$/;
const precision = (date: string): number => date.split("-").length;
const agree = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);

/** Sentences that tell of a gathering that took place, and no other occasion. */
export function meetingSentences(reading: ArticleReading): NarrativeSentence[] {
  return reading.sentences.filter((s) => s.event && !s.future && !s.elsewhere);
}

/** The meeting the article reports: where, when, which series and round, who attended. */
export function extractMeetingsFrom(reading: ArticleReading): MeetingMention[] {
  const { ctx, published } = reading;
  const candidates = meetingSentences(reading);
  const placeOf = perSentence((s) => {
    const text = reading.placeText.slice(s.start, s.end);
    return findPlaces(text, ctx.registry)[0]?.place ?? findCapital(text, ctx.registry, reading.countries)?.place ?? null;
  });
  // A date long before publication is background ("first held in 2017").
  const datesOf = perSentence((s) =>
    findDates(s.narrative, published, s.start).filter((d) => !d.dateline && monthsBefore(d.date, published) <= RECENT_MONTHS),
  );
  const background = (s: NarrativeSentence) => s.background;
  // The report begins where a gathering is first given a place or a date.
  const anchor = candidates.find((s) => !background(s) && (placeOf(s) !== null || datesOf(s).length > 0));
  if (!anchor) return [];

  // Where the anchor names no city, the dateline says where the report was filed before a later sentence's city does.
  const place = placeOf(anchor) ?? findDatelinePlace(ctx.article.text, ctx.registry) ?? candidates.filter((s) => !background(s)).map(placeOf).find((p) => p !== null) ?? candidates.map(placeOf).find((p) => p !== null) ?? null;
  // A sentence naming another city tells of another gathering.
  const about = candidates.filter((s) => {
    if (background(s)) return false;
    const p = placeOf(s);
    return p === null || place === null || p.city === place.city;
  });
  const date = pickDate(about.flatMap((s) => datesOf(s).map((d) => ({ date: d.date, sentence: s }))), anchor) ?? fallbackDate(published);
  const narrative = reading.sentences.filter((s) => !s.future && !s.elsewhere).map((s) => s.narrative).join("\n");
  const series = findSeries(about.map((s) => s.narrative).join("\n"), ctx.registry) ?? findSeries(narrative, ctx.registry);
  const round = about.map((s) => findRound(s.narrative)).find((r) => r !== null) ?? null;
  const country = place?.country ?? series?.host_country ?? hostOf(anchor, reading.countries);
  const evidence: Span[] = about.map((s) => ({ start: s.start, end: s.end }));
  const meeting: MeetingMention = {
    key: "meeting-1",
    name: null,
    series: series?.name ?? null,
    round,
    date,
    city: place?.city ?? null,
    country,
    evidence: evidence.length > 0 ? evidence : [{ start: anchor.start, end: anchor.end }],
    attendees: [],
  };
  meeting.attendees = findAttendees(reading, meeting, anchor);
  const side = sideMeetings(candidates.filter((s) => !about.includes(s) && !background(s)), reading, placeOf, datesOf);
  const past = pastMeetings(candidates.filter(background), reading, [meeting, ...side], side.length + 2);
  return [meeting, ...side, ...past];
}

// A gathering of the past told in one clause, with its own city and a date to the month: "the fifth Dialogue held in
// Islamabad on 7 May 2025", "In Termez on 23/09/2023, Uzbekistan hosted a conference". A year alone is too vague to tell.
const PAST_HELD = /\b(?:held|hosted|took place|convened|attended by)\b/;
const CLAUSE = /;\s+|,?\s+and\s+(?=(?:the|a|an)\s)/;

function pastMeetings(sentences: readonly NarrativeSentence[], reading: ArticleReading, known: readonly MeetingMention[], next: number): MeetingMention[] {
  const meetings: MeetingMention[] = [];
  for (const s of sentences) {
    for (const clause of s.narrative.split(CLAUSE)) {
      if (!EVENT_NOUN.test(clause) || !PAST_HELD.test(clause)) continue;
      const places = findPlaces(maskNonPlaces(clause, reading.ctx.registry), reading.ctx.registry);
      const dates = findDates(clause, reading.published).filter((d) => !d.dateline && precision(d.date) >= 2 && /\d{4}/.test(clause.slice(d.start, d.end)));
      const place = places[0]?.place;
      const date = dates[0]?.date;
      // One place and one date, or the clause tells of more than one occasion.
      if (!place || !date || places.length > 1 || dates.length > 1) continue;
      if ([...known, ...meetings].some((m) => m.city === place.city)) continue;
      meetings.push(meetingIn(s, clause, place, date, `meeting-${next + meetings.length}`, reading));
    }
  }
  return meetings;
}

// Another gathering the text reports as held, in its own city and on its own date: "... met in Kabul on Wednesday".
const HELD = /\b(?:was held|were held|took place|met|convened|hosted|gathered|held talks)\b/;

function sideMeetings(
  sentences: readonly NarrativeSentence[],
  reading: ArticleReading,
  placeOf: (s: NarrativeSentence) => RegistryPlace | null,
  datesOf: (s: NarrativeSentence) => Array<{ date: string }>,
): MeetingMention[] {
  const meetings: MeetingMention[] = [];
  for (const s of sentences) {
    const place = placeOf(s);
    const date = datesOf(s)[0]?.date;
    if (!place || !date || !HELD.test(s.narrative) || meetings.some((m) => m.city === place.city)) continue;
    meetings.push(meetingIn(s, s.narrative, place, date, `meeting-${meetings.length + 2}`, reading));
  }
  return meetings;
}

/** A meeting told by one sentence (or one clause of it), with who that sentence places there. */
function meetingIn(s: NarrativeSentence, told: string, place: RegistryPlace, date: string, key: string, reading: ArticleReading): MeetingMention {
  const meeting: MeetingMention = {
    key,
    name: null,
    series: findSeries(told, reading.ctx.registry)?.name ?? null,
    round: findRound(told),
    date,
    city: place.city,
    country: place.country,
    evidence: [{ start: s.start, end: s.end }],
    attendees: [],
  };
  meeting.attendees = findAttendees(reading, meeting, s, [s]);
  return meeting;
}

/** The most specific date the meeting's sentences give; the anchor's own date wins a conflict. */
function pickDate(dates: Array<{ date: string; sentence: NarrativeSentence }>, anchor: NarrativeSentence): string | null {
  if (dates.length === 0) return null;
  const anchored = dates.filter((d) => d.sentence === anchor).map((d) => d.date);
  const base = anchored[0] ?? dates[0]?.date ?? null;
  if (base === null) return null;
  const consistent = dates.filter((d) => agree(d.date, base));
  return consistent.reduce((best, d) => (precision(d.date) > precision(best) ? d.date : best), base);
}

// Nothing dated: news reports what just happened, so the month of publication.
function fallbackDate(published: string): string {
  return published.split("-").slice(0, 2).join("-");
}

