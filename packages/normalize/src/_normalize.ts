import {
  type Article,
  type ArticleExtraction,
  type AttendeeMention,
  type AttendeeRecord,
  type Dataset,
  type EvidenceRecord,
  type MeetingMention,
  type MeetingRecord,
  type PersonRecord,
  type QuoteMention,
  type QuoteRecord,
  type SourceRecord,
  type Span,
  attendeeId,
  meetingId,
  quoteId,
  shortHash,
  slugify,
} from "@parley/model";
import type { Registry } from "@parley/registry";
import { type QuoteShape, quoteShape, shapesMatch } from "./_merge.ts";
import { PeopleIndex, type ResolvedPerson } from "./_people.ts";
import { clusterWithinBlocks, moreSpecificDate, quoteKey, quoteWords, quotesMatch } from "./_merge.ts";
import { clusterMeetings } from "./_meetings.ts";

interface Located<T> {
  source_id: string;
  item: T;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort(byText);

/**
 * A source as the merge reads it: its metadata, and either its whole text or only the sentences its evidence
 * cites (`excerpts`, keyed by `excerptKey`), so that a large corpus is merged without holding every article text.
 */
export type SourceArticle = Omit<Article, "text"> & ({ text: string } | { excerpts: Readonly<Record<string, string>> });

/** The key of an evidence sentence in a source's `excerpts`. */
export const excerptKey = (span: Span): string => `${span.start}:${span.end}`;

/** The evidence sentences the merge cites from one article's extraction, keyed by `excerptKey`. */
export function excerptsOf(text: string, extraction: ArticleExtraction): Record<string, string> {
  const excerpts: Record<string, string> = {};
  const add = (given: Span, focus?: Span): void => {
    const span = boundedSpan(given, focus);
    excerpts[excerptKey(span)] = text.slice(span.start, span.end).trim();
  };
  for (const person of extraction.people) add(person.evidence);
  for (const meeting of extraction.meetings) {
    for (const span of meeting.evidence) add(span);
    for (const attendee of meeting.attendees) add(attendee.evidence);
  }
  for (const quote of extraction.quotes) add(quote.evidence, quote.span);
  return excerpts;
}

function sentenceOf(source: SourceArticle | undefined, span: Span): string {
  if (source === undefined) return "";
  if ("text" in source) return source.text.slice(span.start, span.end).trim();
  const sentence = source.excerpts[excerptKey(span)];
  if (sentence === undefined) throw new Error(`no excerpt ${excerptKey(span)} of source ${source.source_id}: excerptsOf and the merge disagree`);
  return sentence;
}

/** Merges per-article extractions into one dataset: people resolved, meetings and quotes merged across sources. */
export function normalizeCollection(
  articles: readonly SourceArticle[],
  extractions: readonly ArticleExtraction[],
  registry: Registry,
): Dataset {
  // Sources in ID order, so the result does not depend on the order files were read in.
  const articleById = new Map([...articles].sort((a, b) => byText(a.source_id, b.source_id)).map((a) => [a.source_id, a]));
  const ordered = [...extractions].sort((a, b) => byText(a.source_id, b.source_id));
  const people = new PeopleIndex(registry);
  const evidence: EvidenceRecord[] = [];
  const addEvidence: AddEvidence = (record_type, record_id, source_id, given, focus) => {
    const span = boundedSpan(given, focus);
    const sentence = sentenceOf(articleById.get(source_id), span);
    if (sentence.length > 0) evidence.push({ record_type, record_id, source_id, start: span.start, end: span.end, sentence });
  };

  for (const extraction of ordered) {
    for (const mention of extraction.people) {
      const person = people.resolve(mention.name, mention.country, mention.role);
      addEvidence("person", person.person_id, extraction.source_id, mention.evidence);
    }
  }

  const { meetings, attendees, meetingIdOf } = mergeMeetings(ordered, people, addEvidence);
  const quotes = mergeQuotes(ordered, people, meetingIdOf, addEvidence);

  const peopleRows: PersonRecord[] = people.all().map((p: ResolvedPerson) => ({
    person_id: p.person_id,
    name: p.name,
    aliases: sortedUnique(p.aliases),
    country: p.country,
    role: p.role,
  }));

  const sources: SourceRecord[] = [...articleById.values()].map((a) => ({
    source_id: a.source_id,
    title: a.title,
    publisher: a.publisher,
    url: a.url,
    published: a.published,
    language: a.language,
    retrieved: a.retrieved,
    sha256: a.sha256,
  }));

  return {
    sources,
    meetings: meetings.sort((a, b) => byText(a.meeting_id, b.meeting_id)),
    attendees: attendees.sort((a, b) => byText(a.attendee_id, b.attendee_id)),
    quotes: quotes.sort((a, b) => byText(a.quote_id, b.quote_id)),
    people: peopleRows.sort((a, b) => byText(a.person_id, b.person_id)),
    evidence: dedupeEvidence(evidence),
  };
}

function dedupeEvidence(rows: EvidenceRecord[]): EvidenceRecord[] {
  const seen = new Map<string, EvidenceRecord>();
  for (const row of rows) seen.set(`${row.record_type}\u0000${row.record_id}\u0000${row.source_id}\u0000${row.start}`, row);
  return [...seen.values()].sort(
    (a, b) =>
      byText(a.record_type, b.record_type) ||
      byText(a.record_id, b.record_id) ||
      byText(a.source_id, b.source_id) ||
      a.start - b.start,
  );
}

type AddEvidence = (type: EvidenceRecord["record_type"], id: string, source: string, span: Span, focus?: Span) => void;

function firstKnown<T>(values: Array<T | null>): T | null {
  return values.find((v) => v !== null) ?? null;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

function meetingName(series: string | null, round: number | null, city: string | null, given: string | null): string {
  if (series && round) return `${series}, ${ordinal(round)} round`;
  if (series) return city ? `${series} (${city})` : series;
  return given ?? (city ? `Meeting in ${city}` : "Meeting");
}

// Participation seen in several sources: a specific mode beats "unknown", and being there beats a written greeting.
const PARTICIPATION_RANK = { in_person: 3, remote: 2, written: 1, unknown: 0 } as const;

function mergeMeetings(extractions: readonly ArticleExtraction[], people: PeopleIndex, addEvidence: AddEvidence) {
  const mentions: Array<Located<MeetingMention>> = extractions.flatMap((e) =>
    e.meetings.map((m) => ({ source_id: e.source_id, item: m })),
  );
  const clusters = clusterMeetings(mentions);
  const meetings: MeetingRecord[] = [];
  const attendees = new Map<string, AttendeeRecord>();
  const meetingIdOf = new Map<string, string>();
  const taken = new Set<string>();
  for (const cluster of clusters) {
    const items = cluster.map((c) => c.item);
    const date = items.map((m) => m.date).reduce(moreSpecificDate);
    const series = firstKnown(items.map((m) => m.series));
    const round = firstKnown(items.map((m) => m.round));
    const city = firstKnown(items.map((m) => m.city));
    const country = firstKnown(items.map((m) => m.country));
    const id = uniqueMeetingId(meetingId(series, date, city), cluster, taken);
    meetings.push({
      meeting_id: id,
      name: meetingName(series, round, city, firstKnown(items.map((m) => m.name))),
      series,
      round,
      date,
      city,
      country,
      source_ids: sortedUnique(cluster.map((c) => c.source_id)),
    });
    for (const { source_id, item } of cluster) {
      meetingIdOf.set(`${source_id}\u0000${item.key}`, id);
      for (const span of item.evidence) addEvidence("meeting", id, source_id, span);
      for (const attendee of item.attendees) mergeAttendee(attendees, id, source_id, attendee, people, addEvidence);
    }
  }
  return { meetings, attendees: [...attendees.values()], meetingIdOf };
}

/**
 * Two meetings on one day in one city that are not one meeting (a side meeting, two bilaterals) get different IDs:
 * the first keeps the plain ID, the next a suffix from what tells it apart (its name and attendees, then its
 * sources), so the same inputs always give the same IDs and no release is blocked by a duplicate.
 */
function uniqueMeetingId(base: string, cluster: readonly Located<MeetingMention>[], taken: Set<string>): string {
  let id = base;
  const names = [...new Set(cluster.flatMap((c) => [c.item.name ?? "", ...c.item.attendees.map((a) => `${a.type}:${a.country ?? ""}:${a.name}`)]))].sort();
  const sources = [...new Set(cluster.map((c) => `${c.source_id}\u0000${c.item.key}`))].sort();
  for (const basis of [names.join("\u0001"), `${names.join("\u0001")}\u0002${sources.join("\u0001")}`]) {
    if (!taken.has(id)) break;
    id = `${base}:${shortHash(basis).slice(0, 8)}`;
  }
  for (let n = 2; taken.has(id); n++) id = `${base}:${n}`;
  taken.add(id);
  return id;
}

function mergeAttendee(
  attendees: Map<string, AttendeeRecord>,
  meeting: string,
  source_id: string,
  mention: AttendeeMention,
  people: PeopleIndex,
  addEvidence: AddEvidence,
): void {
  const person = mention.type === "person" ? people.resolve(mention.name, mention.country, mention.role) : null;
  const key = person ? person.person_id : mention.type === "country" ? (mention.country ?? mention.name) : mention.name;
  const id = attendeeId(meeting, mention.type, key);
  const existing = attendees.get(id);
  if (existing) {
    existing.source_ids = sortedUnique([...existing.source_ids, source_id]);
    if (PARTICIPATION_RANK[mention.participation] > PARTICIPATION_RANK[existing.participation]) {
      existing.participation = mention.participation;
    }
    existing.role ??= mention.role;
    existing.country ??= person?.country ?? mention.country;
  } else {
    attendees.set(id, {
      attendee_id: id,
      meeting_id: meeting,
      attendee_type: mention.type,
      person_id: person?.person_id ?? null,
      name: person?.name ?? mention.name,
      role: mention.role ?? person?.role ?? null,
      country: person?.country ?? mention.country,
      participation: mention.participation,
      source_ids: [source_id],
    });
  }
  addEvidence("attendee", id, source_id, mention.evidence);
}

// Three words one speaker says in more than this many different quotes ("we will not") do not tell quotes apart.
const MAX_QUOTE_BLOCK = 1000;
// An elided quote ("… is unacceptable") is left to quotesMatch, which reads elisions.
const ELIDED = /\u2026|\.{3}|\[\s*\.*\s*\]/;

interface SpokenQuote {
  source_id: string;
  quote: QuoteMention;
  speakerKey: string;
  person: ResolvedPerson | null;
  meeting: string | null;
}

function mergeQuotes(
  extractions: readonly ArticleExtraction[],
  people: PeopleIndex,
  meetingIdOf: Map<string, string>,
  addEvidence: AddEvidence,
): QuoteRecord[] {
  const spoken: SpokenQuote[] = extractions.flatMap((e) =>
    e.quotes.map((quote) => {
      const person = quote.speaker.type === "person" ? people.resolve(quote.speaker.name, quote.speaker.country, quote.speaker.role) : null;
      return {
        source_id: e.source_id,
        quote,
        person,
        speakerKey: person?.person_id ?? `${quote.speaker.type}:${slugify(quote.speaker.name)}`,
        meeting: quote.meeting_key === null ? null : (meetingIdOf.get(`${e.source_id}\u0000${quote.meeting_key}`) ?? null),
      };
    }),
  );
  // The same words from the same speaker are one quote before any fuzzy matching: repeats cost nothing.
  const groups = new Map<string, { text: string; shape: QuoteShape; speakerKey: string; members: SpokenQuote[] }>();
  for (const s of spoken) {
    const shape = quoteShape(s.quote.text);
    const key = `${s.speakerKey}\u0000${shape.joined}`;
    const group = groups.get(key);
    if (group) group.members.push(s);
    else groups.set(key, { text: s.quote.text, shape, speakerKey: s.speakerKey, members: [s] });
  }
  // Block on speaker and each run of three words: a repeated or partial quote shares at least one.
  const clusters = clusterWithinBlocks(
    [...groups.values()],
    (g) => {
      const w = g.shape.words;
      const keys = new Set<string>();
      for (let i = 0; i + 3 <= w.length; i++) keys.add(`${g.speakerKey} ${w.slice(i, i + 3).join(" ")}`);
      return keys.size > 0 ? [...keys] : [`${g.speakerKey} ${w.join(" ")}`];
    },
    (a, b) =>
      a.speakerKey === b.speakerKey &&
      (shapesMatch(a.shape, b.shape) || ((ELIDED.test(a.text) || ELIDED.test(b.text)) && quotesMatch(a.text, b.text))),
    MAX_QUOTE_BLOCK,
  ).map((cluster) => cluster.flatMap((g) => g.members));
  return clusters.map((cluster) => {
    // The fullest wording represents the quote; ties go to the first in text order, for stable output.
    const representative = [...cluster].sort(
      (a, b) => b.quote.text.length - a.quote.text.length || byText(a.quote.text, b.quote.text),
    )[0] as SpokenQuote;
    const id = quoteId(representative.speakerKey, quoteKey(representative.quote.text));
    for (const member of cluster) addEvidence("quote", id, member.source_id, member.quote.evidence, member.quote.span);
    const speaker = representative.quote.speaker;
    return {
      quote_id: id,
      text: representative.quote.text,
      speaker_type: speaker.type,
      speaker_id: representative.person?.person_id ?? null,
      speaker_name: representative.person?.name ?? speaker.name,
      speaker_role: speaker.role ?? representative.person?.role ?? null,
      speaker_country: representative.person?.country ?? speaker.country,
      meeting_id: firstKnown(cluster.map((c) => c.meeting)),
      source_ids: sortedUnique(cluster.map((c) => c.source_id)),
    };
  });
}

// Evidence is one sentence or a few: a longer span (a paragraph with no sentence break, thousands of quotes in it)
// would repeat megabytes per row, so it is cut to a window around what it supports.
const MAX_EVIDENCE_CHARS = 2000;

function boundedSpan(span: Span, focus: Span = span): Span {
  if (span.end - span.start <= MAX_EVIDENCE_CHARS) return span;
  const margin = Math.max(0, Math.floor((MAX_EVIDENCE_CHARS - (focus.end - focus.start)) / 2));
  const start = Math.max(span.start, Math.min(focus.start, span.end) - margin);
  return { start, end: Math.min(span.end, start + MAX_EVIDENCE_CHARS) };
}
