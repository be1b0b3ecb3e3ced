import type { Span } from "@parley/model";

/** A quotation in a paragraph: `outer` includes the marks, `inner` is the quoted text (trimmed). */
export interface QuotedSpan {
  outer: Span;
  inner: Span;
  /** The quote has no closing mark before the paragraph ends: it continues in the next paragraph. */
  open: boolean;
}

const OPENING_CONTEXT = /[\s(\[—–\-:,]/u;

/** text[start, end) without surrounding whitespace. */
export function trimmed(text: string, start: number, end: number): Span {
  while (start < end && /\s/u.test(text[start] ?? "")) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? "")) end--;
  return { start, end };
}

/** Quotations in text[paragraph): curly “…” pairs and straight "..." pairs; an unclosed last one runs to the end. */
export function quotedSpans(text: string, paragraph: Span): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let i = paragraph.start;
  while (i < paragraph.end) {
    const ch = text[i];
    if (ch === "“" || (ch === '"' && (i === paragraph.start || OPENING_CONTEXT.test(text[i - 1] ?? "")))) {
      const closer = ch === "“" ? "”" : '"';
      const rest = text.slice(i + 1, paragraph.end);
      const close = rest.indexOf(closer);
      const nextOpen = ch === "“" ? rest.indexOf("“") : -1;
      if (close >= 0 && (nextOpen < 0 || close < nextOpen)) {
        const end = i + 1 + close;
        spans.push({ outer: { start: i, end: end + 1 }, inner: trimmed(text, i + 1, end), open: false });
        i = end + 1;
        continue;
      }
      // Unclosed with nothing quoted after it: a quotation that runs on into the next paragraph.
      if (rest.search(/[“”"]/u) < 0) {
        spans.push({ outer: { start: i, end: paragraph.end }, inner: trimmed(text, i + 1, paragraph.end), open: true });
        break;
      }
    }
    i++;
  }
  return spans.filter((s) => s.inner.end > s.inner.start);
}

/** Words in a quotation: runs of letters or digits between spaces. */
export function wordCount(quote: string): number {
  return quote.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const MINOR = new Set(["of", "on", "the", "and", "in", "for", "to", "a", "an", "at", "by", "de", "al"]);

// A scan from the end, not /[.,;:!?]+$/: that regex is quadratic on a long run of marks.
function trimEndPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && ".,;:!?".includes(text[end - 1] as string)) end--;
  return text.slice(0, end);
}

/** A quoted name or title ("Regional Contact Group on Central Asia"), not speech. */
export function looksLikeName(quote: string): boolean {
  if (/[.,;:!?]/u.test(trimEndPunctuation(quote))) return false;
  const ws = quote.split(/\s+/u).filter((w) => !MINOR.has(w.toLowerCase()));
  return ws.length > 0 && ws.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}
