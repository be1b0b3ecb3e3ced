import {
  type QuoteShape,
  quoteShape,
  shapesMatch,
  quoteKey,
  quotesMatch,
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
  type QuoteSourceRecord,
  type SourceRecord,
  type Span,
  attendeeId,
  codePointOffsets,
  codePointsBefore,
  meetingId,
  quoteId,
  shortHash,
  slugify,
} from "@parley/model";
import type { Registry } from "@parley/registry";
import { PeopleIndex, type ResolvedPerson } from "./_people.ts";
import { clusterWithinBlocks, moreSpecificDate } from "./_merge.ts";
import { clusterMeetings } from "./_meetings.ts";
import { chooseRole, institutionCountry, reportedRole, type RoleSighting, roleKeyOf, rolesTable } from "./_roles.ts";

interface Located<T> {
  source_id: string;
  item: T;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort(byText);

/** Per source, the role the article gives each person it names (never the registry's). */
type ArticleRoles = Map<string, Map<string, string>>;

/**
 * A source as the merge reads it: its metadata, and either its whole text or only the pieces its evidence and
 * quotes cite (`excerpts`, keyed by `excerptKey`, with `astral`: where the text has surrogate pairs, for code
 * point offsets), so that a large corpus is merged without holding every article text.
 */
export type SourceArticle = Omit<Article, "text"> &
  ({ text: string } | { excerpts: Readonly<Record<string, string>>; astral: readonly number[] });

/** What the merge reads of a source's text: the piece a span covers, and offsets in Unicode code points. */
interface SourceText {
  slice: (span: Span) => string;
  codePoint: (utf16: number) => number;
}

/** The key of a span in a source's `excerpts`. */
export const excerptKey = (span: Span): string => `${span.start}:${span.end}`;

/**
 * The pieces of an article's text the merge reads, keyed by `excerptKey`: every evidence span (as `addEvidence`
 * bounds it) and every quoted span (each source's own wording). A record of these is all the merge needs.
 */
export function excerptsOf(text: string, extraction: ArticleExtraction): Record<string, string> {
  const excerpts: Record<string, string> = {};
  const add = (span: Span): void => {
    excerpts[excerptKey(span)] = text.slice(span.start, span.end);
  };
  for (const person of extraction.people) add(boundedSpan(person.evidence));
  for (const meeting of extraction.meetings) {
    for (const span of meeting.evidence) add(boundedSpan(span));
    for (const attendee of meeting.attendees) add(boundedSpan(attendee.evidence));
  }
  for (const quote of extraction.quotes) {
    add(boundedSpan(quote.evidence, quote.span));
    add(quote.span);
  }
  return excerpts;
}

function sourceText(source: SourceArticle | undefined): SourceText {
  if (source === undefined) return { slice: () => "", codePoint: (utf16) => utf16 };
  if ("text" in source) {
    const { text } = source;
    return { slice: (span) => text.slice(span.start, span.end), codePoint: codePointOffsets(text) };
  }
  const { excerpts } = source;
  return {
    slice: (span) => {
      const piece = excerpts[excerptKey(span)];
      // The runner records the pieces with excerptsOf: a missing one is a bug in this package, not an input error.
      if (piece === undefined)
        throw new Error(
          `no excerpt ${excerptKey(span)} of source ${source.source_id}: excerptsOf and the merge disagree`,
        );
      return piece;
    },
    codePoint: codePointsBefore(source.astral),
  };
}

/** Merges per-article extractions into one dataset: people resolved, meetings and quotes merged across sources. */
export function normalizeCollection(
  articles: readonly SourceArticle[],
  extractions: readonly ArticleExtraction[],
  registry: Registry,
): Dataset {
  // Sources in ID order, so the result does not depend on the order files were read in.
  const articleById = new Map(
    [...articles].sort((a, b) => byText(a.source_id, b.source_id)).map((a) => [a.source_id, a]),
  );
  const ordered = [...extractions].sort((a, b) => byText(a.source_id, b.source_id));
  const texts = new Map<string, SourceText>();
  const textOf = (source_id: string): SourceText => {
    let known = texts.get(source_id);
    if (!known) {
      known = sourceText(articleById.get(source_id));
      texts.set(source_id, known);
    }
    return known;
  };
  const people = new PeopleIndex(registry);
  const evidence: EvidenceRecord[] = [];
  const addEvidence: AddEvidence = (record_type, record_id, source_id, given, focus) => {
    const { slice, codePoint } = textOf(source_id);
    const bounded = boundedSpan(given, focus);
    const piece = slice(bounded);
    const span = trimSpan(piece, bounded);
    if (span.end <= span.start) return;
    const sentence = piece.slice(span.start - bounded.start, span.end - bounded.start);
    evidence.push({
      record_type,
      record_id,
      origin: "source",
      source_id,
      start: codePoint(span.start),
      end: codePoint(span.end),
      field: null,
      sentence,
    });
  };

  const articleRoles: ArticleRoles = new Map();
  const sightings: RoleSighting[] = [];
  for (const extraction of ordered) {
    const roles = new Map<string, string>();
    articleRoles.set(extraction.source_id, roles);
    for (const mention of extraction.people) {
      const person = people.resolve(mention.name, mention.country, mention.role);
      addEvidence("person", person.person_id, extraction.source_id, mention.evidence);
      const role = reportedRole(mention.role);
      if (role !== null && !roles.has(person.person_id)) roles.set(person.person_id, role);
    }
  }

  const { meetings, attendees, meetingIdOf } = mergeMeetings(ordered, people, addEvidence, articleRoles, registry);
  const { quotes, quoteSources } = mergeQuotes(ordered, people, meetingIdOf, addEvidence, {
    articleRoles,
    registry,
    textOf,
    meetings,
  });

  // Roles: at a meeting, dated by the meeting; otherwise by the article's publication.
  const attendedIn = new Set<string>();
  const meetingDate = new Map(meetings.map((m) => [m.meeting_id, m.date]));
  for (const a of attendees) {
    if (a.person_id === null) continue;
    for (const [source_id, role] of a.rolesBySource) {
      attendedIn.add(`${source_id}\u0000${a.person_id}`);
      if (role !== null)
        sightings.push({
          person_id: a.person_id,
          role,
          country: a.country,
          source_id,
          date: meetingDate.get(a.meeting_id) ?? null,
        });
    }
  }
  const personById = new Map(people.all().map((p) => [p.person_id, p]));
  for (const [source_id, roles] of articleRoles) {
    for (const [person_id, role] of roles) {
      if (attendedIn.has(`${source_id}\u0000${person_id}`)) continue;
      const person = personById.get(person_id);
      sightings.push({
        person_id,
        role,
        country: person?.country ?? null,
        source_id,
        date: articleById.get(source_id)?.published ?? null,
      });
    }
  }

  const peopleRows: PersonRecord[] = people.all().map((p: ResolvedPerson) => ({
    person_id: p.person_id,
    name: p.name,
    aliases: sortedUnique(p.aliases),
    country: p.country,
    role: reportedRole(p.role),
    curated_fields: [],
  }));

  const sources: SourceRecord[] = [...articleById.values()].map((a) => ({
    source_id: a.source_id,
    title: a.title,
    title_is_headline: a.title_is_headline,
    publisher: a.publisher,
    url: a.url,
    published: a.published,
    language: a.language,
    retrieved: a.retrieved,
    unknown_fields: a.unknown_fields,
    sha256: a.sha256,
    curated_fields: [],
  }));

  return {
    sources,
    meetings: meetings.sort((a, b) => byText(a.meeting_id, b.meeting_id)),
    attendees: attendees
      .map(({ rolesBySource: _, ...row }) => row)
      .sort((a, b) => byText(a.attendee_id, b.attendee_id)),
    quotes: quotes.sort((a, b) => byText(a.quote_id, b.quote_id)),
    quote_sources: quoteSources.sort((a, b) => byText(a.quote_id, b.quote_id) || byText(a.source_id, b.source_id)),
    people: peopleRows.sort((a, b) => byText(a.person_id, b.person_id)),
    roles: rolesTable(sightings, registry.roles),
    evidence: dedupeEvidence(evidence),
  };
}

/** A span without the white space at its edges; `piece` is the text it covers. */
function trimSpan(piece: string, span: Span): Span {
  let start = 0;
  let end = piece.length;
  while (start < end && /\s/.test(piece[start] ?? "")) start++;
  while (end > start && /\s/.test(piece[end - 1] ?? "")) end--;
  return { start: span.start + start, end: span.start + end };
}

// The attribution's punctuation that a quotation carries at its end ("…, by the way,” he said") is not the speaker's.
const ATTRIBUTION_END = /[\s,;:]/;

/** A quote's exact words in its article: the quoted span, without white space or the attribution's trailing comma. */
function verbatimSpan(piece: string, span: Span): Span {
  const trimmed = trimSpan(piece, span);
  let end = trimmed.end;
  while (end > trimmed.start && ATTRIBUTION_END.test(piece[end - 1 - span.start] ?? "")) end--;
  return { start: trimmed.start, end };
}

function dedupeEvidence(rows: EvidenceRecord[]): EvidenceRecord[] {
  const seen = new Map<string, EvidenceRecord>();
  for (const row of rows)
    seen.set(`${row.record_type}\u0000${row.record_id}\u0000${row.source_id}\u0000${row.start}`, row);
  return [...seen.values()].sort(
    (a, b) =>
      byText(a.record_type, b.record_type) ||
      byText(a.record_id, b.record_id) ||
      byText(a.source_id ?? "", b.source_id ?? "") ||
      (a.start ?? 0) - (b.start ?? 0),
  );
}

type AddEvidence = (type: EvidenceRecord["record_type"], id: string, source: string, span: Span, focus?: Span) => void;

/**
 * The confidence of a row several reports support: the highest of theirs (one report that gives the date and the
 * place clearly is enough), to two decimals; null when none was scored.
 */
function highest(values: ReadonlyArray<number | null | undefined>): number | null {
  const scored = values.filter((v): v is number => typeof v === "number");
  return scored.length === 0 ? null : Math.round(Math.max(...scored) * 100) / 100;
}

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

/** An attendee row while sources are merged: the role each source gives, chosen at the end. */
type DraftAttendee = AttendeeRecord & { rolesBySource: Map<string, string | null> };

function mergeMeetings(
  extractions: readonly ArticleExtraction[],
  people: PeopleIndex,
  addEvidence: AddEvidence,
  articleRoles: ArticleRoles,
  registry: Registry,
) {
  const mentions: Array<Located<MeetingMention>> = extractions.flatMap((e) =>
    e.meetings.map((m) => ({ source_id: e.source_id, item: m })),
  );
  const clusters = clusterMeetings(mentions);
  const meetings: MeetingRecord[] = [];
  const attendees = new Map<string, DraftAttendee>();
  const meetingIdOf = new Map<string, string>();
  const taken = new Set<string>();
  for (const cluster of clusters) {
    const items = cluster.map((c) => c.item);
    const date = items.map((m) => m.date).reduce(moreSpecificDate);
    const series = firstKnown(items.map((m) => m.series));
    const round = firstKnown(items.map((m) => m.round));
    const city = firstKnown(items.map((m) => m.city));
    const country = firstKnown(items.map((m) => m.country));
    const id = uniqueMeetingId(meetingId(series, round, date, city), cluster, taken);
    meetings.push({
      meeting_id: id,
      name: meetingName(series, round, city, firstKnown(items.map((m) => m.name))),
      series,
      round,
      date,
      city,
      country,
      source_ids: sortedUnique(cluster.map((c) => c.source_id)),
      curated_fields: [],
      confidence: highest(items.map((m) => m.confidence)),
    });
    for (const { source_id, item } of cluster) {
      meetingIdOf.set(`${source_id}\u0000${item.key}`, id);
      for (const span of item.evidence) addEvidence("meeting", id, source_id, span);
      for (const attendee of item.attendees)
        mergeAttendee(attendees, id, source_id, attendee, people, addEvidence, articleRoles);
    }
  }
  const rows = [...attendees.values()].map((a) => {
    const ordered = [...a.rolesBySource.entries()].sort(([x], [y]) => byText(x, y)).map(([, role]) => role);
    const role = chooseRole(ordered);
    return { ...a, role, role_key: roleKeyOf(role, registry.roles) };
  });
  return { meetings, attendees: rows, meetingIdOf };
}

/**
 * Two meetings on one day in one city that are not one meeting (a side meeting, two bilaterals) get different IDs:
 * the first keeps the plain ID, the next a suffix from what tells it apart (its name and attendees, then its
 * sources), so the same inputs always give the same IDs and no release is blocked by a duplicate.
 */
function uniqueMeetingId(base: string, cluster: readonly Located<MeetingMention>[], taken: Set<string>): string {
  let id = base;
  const names = [
    ...new Set(
      cluster.flatMap((c) => [
        c.item.name ?? "",
        ...c.item.attendees.map((a) => `${a.type}:${a.country ?? ""}:${a.name}`),
      ]),
    ),
  ].sort();
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
  attendees: Map<string, DraftAttendee>,
  meeting: string,
  source_id: string,
  mention: AttendeeMention,
  people: PeopleIndex,
  addEvidence: AddEvidence,
  articleRoles: ArticleRoles,
): void {
  const person = mention.type === "person" ? people.resolve(mention.name, mention.country, mention.role) : null;
  const key = person ? person.person_id : mention.type === "country" ? (mention.country ?? mention.name) : mention.name;
  const id = attendeeId(meeting, mention.type, key);
  // The role as this article gives it for the person, never the registry's.
  const role = person ? (articleRoles.get(source_id)?.get(person.person_id) ?? null) : null;
  const existing = attendees.get(id);
  if (existing) {
    existing.source_ids = sortedUnique([...existing.source_ids, source_id]);
    if (PARTICIPATION_RANK[mention.participation] > PARTICIPATION_RANK[existing.participation]) {
      existing.participation = mention.participation;
      existing.basis = mention.basis;
    }
    if (!existing.rolesBySource.has(source_id) || existing.rolesBySource.get(source_id) === null)
      existing.rolesBySource.set(source_id, role);
    existing.country ??= person?.country ?? mention.country;
    existing.confidence = highest([existing.confidence, mention.confidence]);
  } else {
    attendees.set(id, {
      attendee_id: id,
      meeting_id: meeting,
      attendee_type: mention.type,
      person_id: person?.person_id ?? null,
      name: person?.name ?? mention.name,
      role: null,
      role_key: null,
      country: person?.country ?? mention.country,
      participation: mention.participation,
      basis: mention.participation === "unknown" ? null : mention.basis,
      source_ids: [source_id],
      curated_fields: [],
      confidence: highest([mention.confidence]),
      rolesBySource: new Map([[source_id, role]]),
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

interface QuoteContext {
  articleRoles: ArticleRoles;
  registry: Registry;
  textOf: (source_id: string) => SourceText;
  meetings: readonly MeetingRecord[];
}

function mergeQuotes(
  extractions: readonly ArticleExtraction[],
  people: PeopleIndex,
  meetingIdOf: Map<string, string>,
  addEvidence: AddEvidence,
  context: QuoteContext,
): { quotes: QuoteRecord[]; quoteSources: QuoteSourceRecord[] } {
  const spoken: SpokenQuote[] = extractions.flatMap((e) =>
    e.quotes.map((quote) => {
      const person =
        quote.speaker.type === "person"
          ? people.resolve(quote.speaker.name, quote.speaker.country, quote.speaker.role)
          : null;
      return {
        source_id: e.source_id,
        quote,
        person,
        speakerKey: person?.person_id ?? `${quote.speaker.type}:${slugify(quote.speaker.name)}`,
        meeting:
          quote.meeting_key === null ? null : (meetingIdOf.get(`${e.source_id}\u0000${quote.meeting_key}`) ?? null),
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
  const meetingDate = new Map(context.meetings.map((m) => [m.meeting_id, m.date]));
  const quoteSources: QuoteSourceRecord[] = [];
  const quotes = clusters.map((cluster) => {
    // The fullest wording gives the ID (stable as sources are added); ties go to the first in text order.
    const representative = [...cluster].sort(
      (a, b) => b.quote.text.length - a.quote.text.length || byText(a.quote.text, b.quote.text),
    )[0] as SpokenQuote;
    const id = quoteId(representative.speakerKey, quoteKey(representative.quote.text));
    for (const member of cluster) addEvidence("quote", id, member.source_id, member.quote.evidence, member.quote.span);
    // Each source's own wording (its fullest, when it prints the quote twice), in source order: the first gives `text`.
    const bySource = new Map<string, SpokenQuote>();
    for (const member of [...cluster].sort((a, b) => byText(a.source_id, b.source_id))) {
      const seen = bySource.get(member.source_id);
      if (!seen || member.quote.text.length > seen.quote.text.length) bySource.set(member.source_id, member);
    }
    const members = [...bySource.values()];
    const wordings = members.map((member) => {
      const { slice, codePoint } = context.textOf(member.source_id);
      const piece = slice(member.quote.span);
      const span = verbatimSpan(piece, member.quote.span);
      const words = piece.slice(span.start - member.quote.span.start, span.end - member.quote.span.start);
      const row: QuoteSourceRecord = {
        quote_id: id,
        source_id: member.source_id,
        text: words,
        start: codePoint(span.start),
        end: codePoint(span.end),
      };
      return row;
    });
    quoteSources.push(...wordings.filter((w) => w.text.length > 0));
    const first = members[0] as SpokenQuote;
    const speaker = first.quote.speaker;
    const role =
      speaker.type === "person"
        ? chooseRole(
            members.map((m) =>
              m.person ? (context.articleRoles.get(m.source_id)?.get(m.person.person_id) ?? null) : null,
            ),
          )
        : speaker.type === "role"
          ? reportedRole(speaker.role ?? speaker.name)
          : null;
    const meeting = firstKnown(cluster.map((c) => c.meeting));
    return {
      quote_id: id,
      text: wordings[0]?.text || first.quote.text,
      kind: firstKnown(members.map((m) => m.quote.kind)),
      medium: firstKnown(members.map((m) => m.quote.medium)),
      said_on: meeting === null ? null : (meetingDate.get(meeting) ?? null),
      translated: members.some((m) => m.quote.translated === true) ? true : null,
      speaker_type: speaker.type,
      speaker_id: first.person?.person_id ?? null,
      speaker_name: first.person?.name ?? speaker.name,
      speaker_role: role,
      speaker_role_key: roleKeyOf(role, context.registry.roles),
      speaker_country:
        first.person?.country ??
        speaker.country ??
        (speaker.type === "role" ? institutionCountry(speaker.name, context.registry.institutions) : null),
      meeting_id: meeting,
      source_ids: sortedUnique(cluster.map((c) => c.source_id)),
      curated_fields: [],
    };
  });
  return { quotes, quoteSources };
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
