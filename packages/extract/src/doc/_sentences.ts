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

// Words whose period does not end a sentence when a capital follows ("Mr. Peskov", "U.S. President").
const ABBREVIATIONS = new Set(
  "mr mrs ms dr gen lt col sen rep gov prof st sr jr adm maj capt sgt amb cmdr no vs etc jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept est approx fig".split(" "),
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
    const ch = text[i];
    if (ch !== "." && ch !== "!" && ch !== "?" && ch !== "…") continue;
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
