import { WORDS, alternation } from "../doc/_words.ts";
/** A word or punctuation mark of an article, by character offsets into the article text. */
export interface Token {
  /** The token as written, possessive ending included. */
  text: string;
  /** The word without a possessive ending ("Russia’s" → "Russia"). */
  word: string;
  start: number;
  end: number;
  possessive: boolean;
  capitalized: boolean;
  punct: boolean;
}

// Abbreviations with a period that belong to the word ("Mr.", "Gen."), initials before a name ("F. Kennedy"),
// dotted acronyms ("U.S."), words with a possessive ending, numbers, then any single mark.
const TOKEN = new RegExp(
  `(?:${alternation(WORDS.abbreviations_with_period)})\\.|\\p{Lu}\\.(?=\\s+\\p{Lu})|(?:\\p{L}\\.){2,}|[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}]*(?:[-'’][\\p{L}\\p{M}\\p{N}]+)*|\\p{N}[\\p{N},.:]*\\p{N}|\\p{N}|\\S`,
  "gu",
);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER_START = /^\p{Lu}/u;
const APOSTROPHES = new Set(["'", "’"]);

/** Splits text[start, end) into tokens with article offsets. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const pattern = TOKEN; // compiled once; reset here, and nothing else runs between its calls
  pattern.lastIndex = start;
  let lastEnd = start;
  for (let match = pattern.exec(text); match !== null && match.index < end; match = pattern.exec(text)) {
    const at = match.index;
    if (at < lastEnd) continue; // an apostrophe already folded into the previous word
    let raw = match[0];
    // A plural possessive ("officials’") leaves its apostrophe as the next mark; fold it into the word.
    const next = text[at + raw.length] ?? "";
    if (APOSTROPHES.has(next) && raw.endsWith("s") && !LETTER_OR_DIGIT.test(text[at + raw.length + 1] ?? "")) raw += next;
    const last = raw[raw.length - 1] ?? "";
    const beforeLast = raw[raw.length - 2] ?? "";
    const possessive =
      raw.length > 2 && ((APOSTROPHES.has(last) && beforeLast === "s") || (last === "s" && APOSTROPHES.has(beforeLast)));
    const word = possessive ? raw.slice(0, APOSTROPHES.has(last) ? -1 : -2) : raw;
    tokens.push({
      text: raw,
      word,
      start: at,
      end: at + raw.length,
      possessive,
      capitalized: UPPER_START.test(raw),
      punct: !LETTER_OR_DIGIT.test(raw),
    });
    lastEnd = at + raw.length;
  }
  return tokens;
}
