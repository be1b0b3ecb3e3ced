import * as chrono from "chrono-node";
import { WORDS, alternation } from "./_words.ts";

/** A date stated in the text, resolved to an ISO date at the precision the text and publication support. */
export interface DateMention {
  date: string;
  start: number;
  end: number;
  /** A dateline ("KABUL (05/03/2024):") dates the article, not an event. */
  dateline: boolean;
}

// chrono runs each parser's pattern as "(\W|^)" + its inner pattern. For these, the inner pattern alone rules a
// text out several times faster than the full one scans it (measured on the seeds' and dev corpus's paragraphs):
// where the inner pattern matches nowhere the full one cannot match either, so the parser would find nothing
// and is skipped for that text. Same results; most texts name no "today" or "now", many no month.
const PREFILTERED = ["ENCasualDateParser", "ENMonthNameParser", "ENEndOfCurrentMonthParser", "ENYearMonthDayParser"];
const NOTHING = /(?!)/y;

type InnerPatterned = chrono.Parser & { innerPattern?: (context: chrono.ParsingContext) => RegExp };

function prefiltered(parser: InnerPatterned): chrono.Parser {
  if (!PREFILTERED.includes(parser.constructor.name) || typeof parser.innerPattern !== "function") return parser;
  const inner = parser.innerPattern.bind(parser);
  const guarded: chrono.Parser = Object.create(parser);
  guarded.pattern = (context) => {
    const pattern = inner(context);
    // A global or sticky pattern would test from its lastIndex: not a look at the whole text, so no shortcut.
    return pattern.global || pattern.sticky || pattern.test(context.text) ? parser.pattern(context) : NOTHING;
  };
  return guarded;
}

// Dates, not clock times: the casual English parser without its clock-time parser ("at 10:20 p.m.", "18:00"),
// which costs about 70% of the parser's time and adds nothing a meeting row holds. The day-first reading of
// numeric dates keeps the British parser, the same way. (Parsers are told apart by class name: a bundle that
// renamed classes would keep them all, which is slower, never wrong.)
const dateParser = without(chrono.casual, ["ENTimeExpressionParser"]);
const dayFirstParser = without(chrono.en.GB, ["ENTimeExpressionParser"]);
// "three days ago", "two weeks later", "within a month": the parsers of spans of time are most of what is left of
// the cost, and a span needs a unit. Text without one is read without them (same results, a third of the time).
const DURATION_PARSERS = ["ENTimeUnitAgoFormatParser", "ENTimeUnitLaterFormatParser", "ENTimeUnitWithinFormatParser"];
const dateParserWithoutDurations = without(chrono.casual, ["ENTimeExpressionParser", ...DURATION_PARSERS]);
// The parser's time units (words.yaml `time_units`): whole words, or a one-letter unit after a number ("5d", "a m").
const TIME_UNIT = WORDS.timeUnit;

/** The parser for a text: without the span-of-time parsers when it names no unit of time. */
const parserFor = (text: string): chrono.Chrono => (TIME_UNIT.test(text) ? dateParser : dateParserWithoutDurations);

function without(base: chrono.Chrono, names: readonly string[]): chrono.Chrono {
  const parser = base.clone();
  parser.parsers = parser.parsers.filter((p) => !names.includes(p.constructor.name)).map(prefiltered);
  return parser;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const iso = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The instant relative dates count from: the publication day, or the middle of its month or year. */
export function referenceInstant(published: string): Date {
  // Every paragraph of an article asks with the same date: the last answer is kept (a new Date each time).
  if (published !== lastInstant.published) lastInstant = { published, time: instantOf(published) };
  return new Date(lastInstant.time);
}

let lastInstant = { published: "", time: instantOf("") };

function instantOf(published: string): number {
  const [y = 1970, m, d] = published.split("-").map(Number);
  if (d !== undefined && m !== undefined) return Date.UTC(y, m - 1, d, 12);
  // Mid-period, so "last month" from a month-precision date does not overflow (31 October → "31 September").
  if (m !== undefined) return Date.UTC(y, m - 1, 15, 12);
  return Date.UTC(y, 6, 1, 12);
}

/** True when `date` lies after `published`, compared at the precision both have. */
export function isAfter(date: string, published: string): boolean {
  const n = Math.min(date.length, published.length);
  return date.slice(0, n) > published.slice(0, n);
}

const precisionOf = (date: string): number => date.split("-").length;
const truncate = (date: string, parts: number): string => date.split("-").slice(0, parts).join("-");

const WEEKDAY_WORD = new Set(WORDS.weekday_abbreviations);
const NUMERIC = /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/;
// A date at the start of a paragraph followed by ":" or a dash is a dateline.
const DATELINE_AFTER = /^\)?\s*(?:\([^()]{1,40}\)\s*)?(?:[:—–]|-\s)/;

type Parsed = Pick<chrono.ParsedResult, "text" | "index" | "start">;

/**
 * Dates in each of a paragraph's sentences (spans of `text`, in order), as `findDates` on each would give them.
 * The parser costs about 80 µs a call whatever the length, so a paragraph's sentences that may hold a date are
 * parsed in one call; where a result runs across a sentence end, those sentences are parsed one by one.
 */
export function findDatesInSentences(
  text: string,
  sentences: ReadonlyArray<{ start: number; end: number }>,
  published: string,
): DateMention[][] {
  const cued = sentences.map((s) => WORDS.dateCue.test(text.slice(s.start, s.end)));
  const first = sentences[cued.indexOf(true)];
  const last = sentences[cued.lastIndexOf(true)];
  if (!first || !last) return sentences.map((s) => findDates(text.slice(s.start, s.end), published, s.start));
  const instant = referenceInstant(published);
  const chunk = text.slice(first.start, last.end);
  const results = parserFor(chunk).parse(chunk, { instant, timezone: 0 });
  const bySentence: Parsed[][] = sentences.map(() => []);
  for (const r of results) {
    const start = first.start + r.index;
    const k = sentences.findIndex((s) => s.start <= start && start < s.end);
    const s = sentences[k];
    if (!s || start + r.text.length > s.end)
      return sentences.map((x) => findDates(text.slice(x.start, x.end), published, x.start));
    bySentence[k]!.push({ text: r.text, index: start - s.start, start: r.start });
  }
  return sentences.map((s, k) =>
    datesOf(text.slice(s.start, s.end), published, s.start, cued[k] ? bySentence[k]! : [], instant),
  );
}

/** Dates in a piece of text; relative ones ("Tuesday", "earlier this month") resolve against the publication date. */
export function findDates(text: string, published: string, offset = 0): DateMention[] {
  // The parser costs far more than one scan for a cue, and most sentences name no date.
  const instant = referenceInstant(published);
  const parsed = WORDS.dateCue.test(text) ? parserFor(text).parse(text, { instant, timezone: 0 }) : [];
  return datesOf(text, published, offset, parsed, instant);
}

/** `instant` is referenceInstant(published), which a caller reading many sentences computes once. */
function datesOf(
  text: string,
  published: string,
  offset: number,
  results: readonly Parsed[],
  instant: Date,
): DateMention[] {
  const mentions: DateMention[] = [];
  for (const parsed of results) {
    // "sat down", "wed to": a lowercase weekday abbreviation is a verb, not a day.
    if (WEEKDAY_WORD.has(parsed.text)) continue;
    // Day-first reading of numeric dates ("05/03/2024"), as news outside the U.S. writes them; the British
    // parser is used for those alone, since it reads "October 30" as October 2030.
    const result = NUMERIC.test(parsed.text)
      ? (dayFirstParser.parse(parsed.text, { instant, timezone: 0 })[0] ?? parsed)
      : parsed;
    const date = resolve(result, published, instant);
    if (date === null) continue;
    const start = parsed.index;
    const end = start + parsed.text.length;
    const lineStart = text.lastIndexOf("\n", start) + 1;
    const dateline = /\d/.test(parsed.text) && start - lineStart <= 40 && DATELINE_AFTER.test(text.slice(end));
    mentions.push({ date, start: offset + start, end: offset + end, dateline });
  }
  // "earlier this week", which chrono leaves unparsed: the publication's month.
  // Most sentences hold neither phrase: a plain test first spares the iterator (and the copy of the pattern) of matchAll.
  for (const m of published === "" || !MAY_SAY_THIS_WEEK.test(text) ? [] : text.matchAll(THIS_WEEK)) {
    if (/later\s+$/i.test(text.slice(0, m.index ?? 0))) continue;
    const start = m.index ?? 0;
    if (!mentions.some((d) => d.start - offset <= start && start < d.end - offset))
      mentions.push({
        date: truncate(published, 2),
        start: offset + start,
        end: offset + start + m[0].length,
        dateline: false,
      });
  }
  // A year alone ("launched in 2017"), which chrono leaves unparsed.
  for (const m of MAY_NAME_A_YEAR.test(text) ? text.matchAll(YEAR_ALONE) : []) {
    const start = (m.index ?? 0) + m[0].length - (m[1]?.length ?? 0);
    const year = m[1] ?? "";
    if (mentions.some((d) => d.start - offset <= start && start < d.end - offset) || isAfter(year, published)) continue;
    mentions.push({ date: year, start: offset + start, end: offset + start + year.length, dateline: false });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

const THIS_WEEK = /\b(?:earlier )?this week\b/gi;
const MAY_SAY_THIS_WEEK = /this week/i;
const MAY_NAME_A_YEAR = /(?:19|20)\d{2}/;
const YEAR_ALONE = new RegExp(
  `\\b(?:${alternation(WORDS.year_prepositions)})\\s+((?:19|20)\\d{2})\\b(?!['’]?s\\b)`,
  "gi",
);

function resolve(result: Parsed, published: string, instant: Date): string | null {
  const c = result.start;
  const certain = (k: "year" | "month" | "day" | "weekday"): boolean => c.isCertain(k);
  // With no publication date ("" when unknown) only a date the text states with its year can be told.
  if (published === "" && !certain("year")) return null;
  const year = c.get("year");
  const month = c.get("month");
  const day = c.get("day");
  if (year === null || month === null) return null;
  let date: string | null = null;
  if (certain("day") && certain("month")) {
    date = `${year}-${pad(month)}-${pad(day ?? 1)}`;
    // An unstated year that lands after publication is last year's date.
    if (!certain("year") && isAfter(date, published)) date = `${year - 1}-${pad(month)}-${pad(day ?? 1)}`;
  } else if (certain("weekday") && !certain("month")) {
    const weekday = c.get("weekday");
    if (weekday === null) return null;
    // News reports the past: the most recent such weekday on or before publication, when the day is known.
    if (precisionOf(published) < 3) return truncate(published, 2);
    const back = (instant.getUTCDay() - weekday + 7) % 7;
    date = iso(new Date(instant.getTime() - back * 86_400_000));
  } else if (certain("month")) {
    date = `${year}-${pad(month)}`;
    if (!certain("year") && isAfter(date, published)) date = `${year - 1}-${pad(month)}`;
  } else if (certain("year")) {
    date = String(year);
  } else if (certain("day")) {
    // "yesterday", "today": relative to publication, so no more precise than it.
    date = truncate(`${year}-${pad(month)}-${pad(day ?? 1)}`, precisionOf(published));
  }
  if (date === null || isAfter(date, published)) return null;
  // "last week" names no day: the month, at most.
  if (/\bweek/i.test(result.text)) date = truncate(date, 2);
  // Relative words carry no more precision than the publication date.
  if (!WORDS.calendar.test(result.text)) date = truncate(date, Math.min(precisionOf(date), precisionOf(published)));
  return date;
}

/** The publication date, refined by a dateline in the text when it agrees and is more precise. */
export function refinePublished(text: string, published: string): string {
  // A dateline opens the article: its first line, or the start of it.
  const head = text.slice(0, Math.min(text.indexOf("\n") < 0 ? text.length : text.indexOf("\n"), 200));
  // Both refinements need a day written in digits.
  if (!/\d/.test(head)) return published;
  for (const mention of findDates(head, published)) {
    if (!mention.dateline) continue;
    if (mention.date.startsWith(published) && mention.date.length > published.length) return mention.date;
  }
  // A press release opens "City, 29 January 2024." and says "today" of that day, though posted a day or two later.
  const release = PRESS_DATELINE.exec(head);
  if (release) {
    const day = findDates(release[1] ?? "", published)[0]?.date;
    if (day && precisionOf(day) === 3 && !isAfter(day, published) && daysBetween(day, published) <= 3) return day;
  }
  return published;
}

const PRESS_DATELINE =
  /^\s*[\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+)?,\s+(\d{1,2}\s+[\p{Lu}][\p{L}]+\s+\d{4}|[\p{Lu}][\p{L}]+\s+\d{1,2},\s+\d{4})\.\s/u;
const daysBetween = (a: string, b: string): number =>
  (Date.parse(b.length === 10 ? b : `${b}-01`.slice(0, 10)) - Date.parse(a)) / 86_400_000;

/** Whole months from `date` to `published` (0 when in the same month or either lacks a month). */
export function monthsBefore(date: string, published: string): number {
  const [y1 = 0, m1 = 1] = date.split("-").map(Number);
  const [y2 = 0, m2 = 1] = published.split("-").map(Number);
  const months = (y2 - y1) * 12 + (m2 - m1);
  return date.length < 7 || published.length < 7 ? (y2 - y1) * 12 : months;
}
