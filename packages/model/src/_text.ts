/** Folds a quote for comparison: curly quotes, ellipses, dashes, case, whitespace and edge punctuation. */
export function foldText(text: string): string {
  const folded = text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/\u2026|\.{3}/g, " ")
    .replace(/[\u2010-\u2015]/g, "-")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\s"'.,;:!?()\-\[\]]+/, "");
  return trimEndPunctuation(folded).trim();
}

// A scan, not `[...]+$`: that regex is retried at every position of a punctuation run inside the text,
// quadratic time (a quote holding a million "!" never finished).
const EDGE_PUNCTUATION = /[\s"'.,;:!?()\-\[\]]/;
function trimEndPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && EDGE_PUNCTUATION.test(text[end - 1] ?? "")) end--;
  return text.slice(0, end);
}

/** Words of a folded text, for overlap measures. */
export function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((w) => w.length > 0);
}

/** Jaccard overlap of two word sets, 0..1. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  if (setA.size === 0 && setB.size === 0) return 1;
  let shared = 0;
  for (const w of setA) if (setB.has(w)) shared++;
  return shared / (setA.size + setB.size - shared);
}

// Names recur across an article's sentences, quotes and a collection's records: fold each spelling once
// (bounded, so a large corpus cannot grow the memo without limit).
const foldedNames = new Map<string, string>();

/**
 * The one fold for personal names, used to match them everywhere (extraction, merging, releases): case,
 * diacritics, punctuation, initials ("George W. Bush" = "George Bush"), a possessive ending, and common
 * transliteration variants ("Sergei"/"Sergey", "Khan"/"Han", doubled letters).
 */
export function foldName(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    folded = name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/['’]s$/, "")
      .replace(/[^a-z\s]/g, " ")
      .replace(/\b[a-z]\b/g, " ")
      .replace(/kh/g, "h")
      .replace(/y/g, "i")
      .replace(/([a-z])\1+/g, "$1")
      .replace(/\s+/g, " ")
      .trim();
    if (foldedNames.size > 50_000) foldedNames.clear();
    foldedNames.set(name, folded);
  }
  return folded;
}

/** The folded last word of a name, for matching a bare surname ("Araghchi's" → "araghchi"). */
export const foldedSurname = (name: string): string => foldName(name).split(" ").at(-1) ?? "";

/**
 * Converts UTF-16 offsets of one text (what JavaScript strings index by) into Unicode code point offsets (what
 * Python, R and most tools slice by). Astral characters (emoji) are the only difference: one code point, two units.
 */
export function codePointOffsets(text: string): (utf16: number) => number {
  return codePointsBefore(astralPairs(text));
}

/** Where a text has surrogate pairs (astral characters): the UTF-16 offset of each pair's first unit, in order. */
export function astralPairs(text: string): number[] {
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) astral.push(i++);
    }
  }
  return astral;
}

/** `codePointOffsets` from a text's `astralPairs` alone (what a record keeps when it does not keep the text). */
export function codePointsBefore(astral: readonly number[]): (utf16: number) => number {
  if (astral.length === 0) return (utf16) => utf16;
  return (utf16) => {
    // Pairs that end at or before the offset each count one unit less.
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((astral[mid] as number) + 1 < utf16) lo = mid + 1;
      else hi = mid;
    }
    return utf16 - lo;
  };
}
