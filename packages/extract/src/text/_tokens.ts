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

/** TOKEN anchored where it is told (sticky): tokenize finds each start itself. */
const TOKEN_AT = new RegExp(TOKEN.source, "uy");

// Most tokens are plain ASCII words, numbers or marks, where TOKEN's match is plain to see: the letters and digits
// that follow, or the one mark. Only when the word runs on into a period, hyphen, apostrophe or any letter outside
// ASCII (an abbreviation, initial, acronym, compound, possessive or accent) does the regular expression decide.
// That holds while every abbreviation is ASCII letters alone (its period then follows the letters): checked here.
const PLAIN_ABBREVIATIONS = WORDS.abbreviations_with_period.every((w) => /^[A-Za-z]+$/.test(w));
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Where TOKEN's match at `at` ends, when plain ASCII settles it; -1 when the regular expression must decide. */
export function plainTokenEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c >= 128 || !PLAIN_ABBREVIATIONS) return -1;
  if (isAsciiLetter(c)) {
    let end = at + 1;
    while (end < text.length && (isAsciiLetter(text.charCodeAt(end)) || isAsciiDigit(text.charCodeAt(end)))) end++;
    const next = text.charCodeAt(end); // NaN at the end of the text
    return next >= 128 || next === 46 || next === 45 || next === 39 ? -1 : end; // . - '
  }
  if (isAsciiDigit(c)) {
    let end = at + 1;
    while (end < text.length && isAsciiDigit(text.charCodeAt(end))) end++;
    const next = text.charCodeAt(end);
    return next >= 128 || next === 44 || next === 46 || next === 58 ? -1 : end; // , . :
  }
  return at + 1; // a mark: no alternative but \S starts with one
}

/** Where TOKEN's match at `at` ends, by the regular expression alone (what plainTokenEnd is held to). */
export function patternTokenEnd(text: string, at: number): number {
  TOKEN_AT.lastIndex = at;
  return TOKEN_AT.test(text) ? TOKEN_AT.lastIndex : -1;
}

/** \s of a /u regular expression: the ECMAScript white space and line terminators. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER_START = /^\p{Lu}/u;
const APOSTROPHES = new Set(["'", "’"]);

// The two tests every token takes, with plain ASCII decided without the regular expressions.
/** UPPER_START.test(raw). */
function startsUpper(raw: string): boolean {
  const c = raw.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(raw);
}

/** LETTER_OR_DIGIT.test(raw). */
function hasLetterOrDigit(raw: string): boolean {
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c >= 128) return LETTER_OR_DIGIT.test(raw);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return false;
}

/** Splits text[start, end) into tokens with article offsets. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const pattern = TOKEN_AT; // compiled once; set here, and nothing else runs between its calls
  let from = start;
  let lastEnd = start;
  for (;;) {
    // Where TOKEN's search from `from` would match: the first non-space, since every alternative starts with one
    // and \S takes any. Found by code, then matched there with the sticky copy: no match array per token.
    let at = from;
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    if (at >= text.length || at >= end) break;
    const plainEnd = plainTokenEnd(text, at);
    if (plainEnd >= 0) from = plainEnd;
    else {
      pattern.lastIndex = at;
      if (!pattern.test(text)) break; // not reached: \S matches any non-space
      from = pattern.lastIndex;
    }
    if (at < lastEnd) continue; // an apostrophe already folded into the previous word
    let raw = text.slice(at, from);
    // A plural possessive ("officials’") leaves its apostrophe as the next mark; fold it into the word.
    const next = text[at + raw.length] ?? "";
    if (APOSTROPHES.has(next) && raw.endsWith("s") && !LETTER_OR_DIGIT.test(text[at + raw.length + 1] ?? ""))
      raw += next;
    const last = raw[raw.length - 1] ?? "";
    const beforeLast = raw[raw.length - 2] ?? "";
    const possessive =
      raw.length > 2 &&
      ((APOSTROPHES.has(last) && beforeLast === "s") || (last === "s" && APOSTROPHES.has(beforeLast)));
    const word = possessive ? raw.slice(0, APOSTROPHES.has(last) ? -1 : -2) : raw;
    tokens.push({
      text: raw,
      word,
      start: at,
      end: at + raw.length,
      possessive,
      capitalized: startsUpper(raw),
      punct: !hasLetterOrDigit(raw),
    });
    lastEnd = at + raw.length;
  }
  return tokens;
}
