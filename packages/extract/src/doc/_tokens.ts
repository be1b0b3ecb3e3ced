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
const LONG_RUN = /\S{64}|([^\p{L}\p{N}\s])\1{3}/u;
function tameRuns(text: string): string {
  // Most articles have no such run: one scan to find out, no copy.
  if (!LONG_RUN.test(text)) return text;
  return text.replace(/\S{64,}/g, (run) => run.slice(0, 1) + " ".repeat(run.length - 1)).replace(/([^\p{L}\p{N}\s])\1{3,}/gu, (run) => run.slice(0, 1) + " ".repeat(run.length - 1));
}

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
  values.forEach((value, i) => {
    const found = text.indexOf(value, at);
    // The tagger may normalise a token (quotes, ellipses); such a token keeps the position after the previous one.
    const start = found < 0 || found - at > 40 ? at : found;
    const end = found < 0 || found - at > 40 ? at : found + value.length;
    at = end;
    tokens.push({ text: value, lower: value.toLowerCase(), start, end, pos: tags[i] ?? "X", cap: /^\p{Lu}/u.test(value) });
  });
  return tokens;
}
