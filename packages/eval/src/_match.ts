import { foldText, jaccard, words } from "@parley/model";

// The comparison rules of the gold README, one small function each.

/** Word overlap at which two quote texts are the same quote despite spelling or elision differences. */
export const QUOTE_JACCARD = 0.8;

/** A text as its folded words joined by single spaces, so containment ignores inner punctuation. */
function wordLine(text: string): string {
  return words(text).join(" ");
}

/** An ellipsis in a quote marks words left out: "A … B" is contained where A and then B are. */
const ELLIPSIS = /\u2026|\.{3}/;

/** `outer` contains every ellipsis-separated part of `inner`, in order, each as a run of whole words. */
function containsInOrder(outer: string, inner: string): boolean {
  const hay = ` ${wordLine(outer)} `;
  const parts = inner
    .split(ELLIPSIS)
    .map(wordLine)
    .filter((p) => p !== "");
  if (parts.length === 0) return false;
  let from = 0;
  for (const part of parts) {
    const at = hay.indexOf(` ${part} `, from);
    if (at < 0) return false;
    from = at + part.length + 1;
  }
  return true;
}

/** One text contains the other as runs of whole words after folding (an ellipsis standing for words left out). */
export function containsEither(a: string, b: string): boolean {
  return containsInOrder(a, b) || containsInOrder(b, a);
}

/** Word overlap of two texts, 0..1. */
export function textOverlap(a: string, b: string): number {
  return jaccard(words(a), words(b));
}

/** A system quote matches a gold quote when one contains the other or their word overlap reaches 0.8. */
export function quoteTextMatches(system: string, gold: string): boolean {
  return containsEither(system, gold) || textOverlap(system, gold) >= QUOTE_JACCARD;
}

/** A quote is inside a must-not-quote span when the span contains it or they overlap as much as a quote match. */
export function insideSpan(quote: string, span: string): boolean {
  const lq = wordLine(quote);
  return (lq !== "" && ` ${wordLine(span)} `.includes(` ${lq} `)) || textOverlap(quote, span) >= QUOTE_JACCARD;
}

/** Two names are the same after folding (case, curly quotes, edge punctuation). */
export function sameName(a: string, b: string): boolean {
  const fa = foldText(a);
  return fa !== "" && fa === foldText(b);
}

/** Any of one list of names equals any of the other. */
export function anyNameMatches(names: readonly string[], candidates: readonly string[]): boolean {
  return names.some((n) => candidates.some((c) => sameName(n, c)));
}

/** A system date matches a gold date when it agrees at the gold's precision ("2024-10" accepts "2024-10-15"). */
export function dateMatches(gold: string, system: string): boolean {
  return system === gold || system.startsWith(`${gold}-`);
}

/** A source's ID is its file name without the extension: "000_ab.txt" and "000_ab.md" are both "000_ab". */
export function sourceStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.[^.]*$/, "");
}
