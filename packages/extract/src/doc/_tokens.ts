import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** A word or mark of the article with its offsets and its part of speech (Universal POS tags). */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  pos: string;
  /** First letter is a capital. */
  cap: boolean;
}

// wink-nlp's light English model: an offline tagger (about 500 short articles a second here) whose tags tell a
// proper noun from a verb, which is what the name and event rules need.
let nlp: ReturnType<typeof winkNLP> | null = null;

/**
 * The tagger's e-mail and URL patterns backtrack on long runs without spaces ("!!!…", a 100 kB "word"): quadratic
 * time. Such a run is cut to its first character plus spaces, the same length, so offsets still hold; no word of
 * an article is that long.
 */
function tameRuns(text: string): string {
  if (!hasLongRun(text)) return text;
  return text
    .replace(/\S{64,}/g, (run) => run.slice(0, 1) + " ".repeat(run.length - 1))
    .replace(/([^\p{L}\p{N}\s])\1{3,}/gu, (run) => run.slice(0, 1) + " ".repeat(run.length - 1));
}

const LETTER = /[\p{L}\p{N}]/u;
// Errs only towards "yes" (a non-ASCII space counts as a mark), where the exact patterns below then decide.
/** Most articles hold no run of 64 non-spaces, nor a mark repeated four times: one plain scan finds out, no copy. */
function hasLongRun(text: string): boolean {
  let run = 0;
  let repeat = 0;
  let previous = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      run = 0;
      repeat = 0;
      previous = c;
      continue;
    }
    if (++run >= 64) return true;
    // Letters and digits may repeat ("Mississippi", "1000"); a mark repeated ("!!!!", "----") may not. Only a
    // character equal to the one before is asked whether it is a letter.
    if (c === previous && !isLetterOrDigit(c, text, i)) {
      if (++repeat >= 3) return true;
    } else repeat = 0;
    previous = c;
  }
  return false;
}

const isLetterOrDigit = (c: number, text: string, i: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && LETTER.test(text[i] as string));

/** Tokens of the text with offsets into it; the tagger's tokens are found back in the text in order. */
export function tokenize(text: string): Token[] {
  // Only the part-of-speech tagger: sentence, entity and sentiment annotators would cost time for nothing here.
  nlp ??= winkNLP(model, ["pos"]);
  const its = nlp.its;
  const doc = nlp.readDoc(tameRuns(text));
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    const found = text.indexOf(value, at);
    // The tagger may normalise a token (quotes, ellipses); such a token keeps the position after the previous one.
    const lost = found < 0 || found - at > 40;
    const start = lost ? at : found;
    const end = lost ? at : found + value.length;
    at = end;
    tokens.push({ text: value, lower: value.toLowerCase(), start, end, pos: tags[i] ?? "X", cap: startsUpper(value) });
  }
  return tokens;
}

const UPPER_START = /^\p{Lu}/u;
/** The first letter is a capital (/^\p{Lu}/u), without the regular expression for plain ASCII. */
function startsUpper(value: string): boolean {
  const c = value.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(value);
}
