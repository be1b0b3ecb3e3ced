import { foldText, jaccard, words } from "./_text.ts";

// The one rule for "the same quote", used wherever quotes are compared as records: merging the mentions of a
// collection (normalize) and keeping IDs across releases (release). The eval's matching against gold follows
// the gold README's own scoring rule instead.

// British and American spellings fold together so "neighbouring" and "neighboring" are one quote.
// Remembered per word: a large collection repeats a small vocabulary (bounded, so memory stays flat).
const spellings = new Map<string, string>();
function foldSpelling(word: string): string {
  let folded = spellings.get(word);
  if (folded === undefined) {
    folded = word
      .replace(/our(s|ed|ing|hood)?$/, "or$1")
      .replace(/is(e|ed|es|ing|ation|ations)$/, "iz$1")
      .replace(/([^aeiou])ll(ed|ing)$/, "$1l$2");
    if (spellings.size > 200_000) spellings.clear();
    spellings.set(word, folded);
  }
  return folded;
}

/** The words of a quote as compared for merging. */
export function quoteWords(text: string): string[] {
  return words(text).map(foldSpelling);
}

const ELLIPSIS = /\u2026|\.{3}|\[\s*\.*\s*\]/;

// An elided quote ("… is categorically unacceptable") matches when each of its parts stands, in order, in the other.
function elidedWithin(elided: string, full: string): boolean {
  const parts = elided
    .split(ELLIPSIS)
    .map((p) => quoteWords(p).join(" "))
    .filter((p) => p.length > 0);
  if (parts.length < 2) return false;
  const haystack = quoteWords(full).join(" ");
  let from = 0;
  for (const part of parts) {
    const at = haystack.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** A quote matches another when one contains the other (elisions allowed) or their word overlap is at least 0.8. */
export function quotesMatch(a: string, b: string): boolean {
  const wa = quoteWords(a);
  const wb = quoteWords(b);
  const ja = wa.join(" ");
  const jb = wb.join(" ");
  if (ja.length > 0 && jb.length > 0 && (ja.includes(jb) || jb.includes(ja))) return true;
  if (elidedWithin(a, b) || elidedWithin(b, a)) return true;
  return jaccard(wa, wb) >= 0.8;
}

/** Folded key of a quote's text, as used for its ID. */
export function quoteKey(text: string): string {
  return quoteWords(foldText(text)).join(" ");
}

/** A quote's words prepared once for the many comparisons of a large merge. */
export interface QuoteShape {
  words: string[];
  /** The words joined with a space before and after, for word-for-word containment. */
  joined: string;
  /** The numbers it states: "5 percent" and "50 percent" are different statements. */
  numbers: string;
}

export function quoteShape(text: string): QuoteShape {
  const words = quoteWords(text);
  return {
    words,
    joined: ` ${words.join(" ")} `,
    numbers: words
      .filter((w) => /\d/.test(w))
      .sort()
      .join(" "),
  };
}

/** Like quotesMatch on prepared words: containment is word for word, and the overlap test needs the same numbers. */
export function shapesMatch(a: QuoteShape, b: QuoteShape): boolean {
  if (a.words.length > 0 && b.words.length > 0 && (a.joined.includes(b.joined) || b.joined.includes(a.joined)))
    return true;
  return a.numbers === b.numbers && jaccard(a.words, b.words) >= 0.8;
}
