import type { Span } from "@parley/model";

/** A sentence of the article: its span, its text and the paragraph it belongs to. */
export interface Sentence extends Span {
  text: string;
  paragraph: number;
}

/** A paragraph: one non-blank line of the article text. */
export function paragraphs(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (body.length > 0) spans.push({ start: start + lead, end: start + lead + body.length });
    start += line.length + 1;
  }
  return spans;
}

const ENDS_SENTENCE = /[.!?:"”’)\]]\s*$/u;

/**
 * Joins hard-wrapped lines (text folded at a fixed width, paragraphs between blank lines) by turning each
 * newline inside a paragraph into a space: offsets stay the same. Text with one paragraph per line is returned as is.
 */
export function unwrapLines(text: string): string {
  const lines = text.split("\n");
  let joined = 0;
  let open = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "" || (lines[i + 1] ?? "").trim() === "") continue;
    joined++;
    if (!ENDS_SENTENCE.test(line)) open++;
  }
  if (joined < 3 || open * 2 <= joined) return text;
  return text.replace(/([^\n\s][^\S\n]*)\n(?=[^\S\n]*[^\s])/gu, "$1 ");
}

/**
 * Quotation marks typed as two apostrophes (''I would not object,'' she said), as some wires and archives print
 * them, read as the double quotation mark they stand for. The pair becomes one mark and a space, so offsets stay
 * the same: an opening pair (a word follows) puts the space first, a closing pair puts it after the mark.
 */
export function doubledApostrophes(text: string): string {
  if (!text.includes("''")) return text;
  return text.replace(/(?<!')''(?!')/gu, (_pair, at: number) =>
    /[\p{L}\p{N}]/u.test(text[at + 2] ?? "") ? ' "' : '" ',
  );
}

/**
 * Quotation marks as the extractors read them, offsets unchanged (one mark for one mark): guillemets («…», as
 * translated wires print them) and, in an article that uses single marks as quotation marks (‘…’ or '...', British
 * style: it has no double mark at all), each single pair, read as “…”. Apostrophes stay: a closing mark is one
 * followed by no letter, preferably after the quotation's own punctuation ("‘We won’t go,’ she said").
 */
export function quotationMarks(text: string): string {
  let read = doubledApostrophes(text);
  if (read.includes("«")) read = read.replaceAll("«", "“").replaceAll("»", "”");
  if (/["“”]/u.test(read) || !/[‘']/u.test(read)) return read;
  // UTF-16 units: every mark here is one unit, so offsets stay.
  const out = read.split("");
  for (const opener of ["‘", "'"]) {
    const closer = opener === "‘" ? "’" : "'";
    let i = read.indexOf(opener);
    while (i >= 0) {
      const close =
        OPENS_QUOTATION.test(read[i - 1] ?? " ") && /[\p{L}\p{N}]/u.test(read[i + 1] ?? "")
          ? closingMark(read, i + 1, closer)
          : -1;
      if (close > 0) {
        out[i] = "“";
        out[close] = "”";
        i = read.indexOf(opener, close + 1);
      } else i = read.indexOf(opener, i + 1);
    }
  }
  return out.join("");
}

// What may stand before an opening mark: the start of a line, a space, a bracket or a dash.
const OPENS_QUOTATION = /[\s(\[—–-]/u;

/** The closing single mark of a quotation opened before `from`, within its paragraph; -1 when there is none. */
function closingMark(text: string, from: number, closer: string): number {
  const end = text.indexOf("\n", from) < 0 ? text.length : text.indexOf("\n", from);
  let first = -1;
  for (let j = text.indexOf(closer, from); j >= 0 && j < end; j = text.indexOf(closer, j + 1)) {
    if (/[\p{L}\p{N}]/u.test(text[j + 1] ?? "")) continue; // an apostrophe inside a word: "won’t"
    if (/[,.!?;:…]/u.test(text[j - 1] ?? "")) return j; // the quotation's own punctuation, then the mark
    if (first < 0 && text[j - 1] !== "s") first = j; // not a plural possessive ("the ministers’ talks")
  }
  return first;
}

// Words whose period does not end a sentence when a capital follows ("Mr. Peskov", "U.S. President").
const ABBREVIATIONS = new Set(
  "mr mrs ms dr gen lt col sen rep gov prof st sr jr adm maj capt sgt amb cmdr no vs etc jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept est approx fig".split(
    " ",
  ),
);
const CLOSERS = new Set(["”", '"', "’", "'", ")", "]"]);

// The checks of the splitter, compiled once: it asks them at every candidate boundary.
const LETTER_OR_PERIOD = /[\p{L}.]/u;
const ONE_LETTER = /^\p{L}$/u;
const CAPITAL = /\p{Lu}/u;
const DOTTED_ACRONYM = /^(\p{L}\.)+\p{L}$/u;
const SPACE = /\s/u;
const SENTENCE_OPENER = /[\p{Lu}\p{N}“"‘(]/u;

/** LETTER_OR_PERIOD.test(text[i]): ASCII letters and the period by code, the rest by the pattern. */
function letterOrPeriodAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
  return LETTER_OR_PERIOD.test(text[i] ?? "");
}

function isAbbreviation(text: string, periodAt: number): boolean {
  let i = periodAt;
  while (i > 0 && letterOrPeriodAt(text, i - 1)) i--;
  const word = text.slice(i, periodAt);
  if (word.length === 0) return false;
  if (ONE_LETTER.test(word)) return CAPITAL.test(word); // an initial: "John F. Kennedy"
  if (DOTTED_ACRONYM.test(word)) return true; // a dotted acronym: "U.S", "U.N"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Splits text[span) into sentences. A sentence ends at . ! ? (and any closing marks) before whitespace and a
 * capital, digit or opening quote, never inside a protected span (a quotation) unless at its closing mark.
 */
export function sentences(text: string, span: Span, protectedSpans: readonly Span[] = []): Span[] {
  const result: Span[] = [];
  let start = span.start;
  const inside = (at: number): Span | undefined => protectedSpans.find((p) => at > p.start && at < p.end - 1);
  for (let i = span.start; i < span.end; i++) {
    // By code first: no one-character string for each character of the paragraph.
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) continue; // . ! ? …
    const ch = text[i];
    let end = i + 1;
    while (end < span.end && CLOSERS.has(text[end] ?? "")) end++;
    if (end >= span.end) break;
    if (!SPACE.test(text[end] ?? "")) continue;
    let next = end;
    while (next < span.end && SPACE.test(text[next] ?? "")) next++;
    if (!SENTENCE_OPENER.test(text[next] ?? "")) continue;
    if (ch === "." && isAbbreviation(text, i)) continue;
    if (ch === "…" && end === i + 1) continue; // an ellipsis mid-quote, not an ending
    const quote = inside(i);
    if (quote && end < quote.end) continue;
    result.push({ start, end });
    start = next;
    i = next - 1;
  }
  if (start < span.end) result.push({ start, end: span.end });
  return result;
}
