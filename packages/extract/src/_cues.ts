import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import type { Doc } from "./doc/_document.ts";
import { compilePattern, type PatternToken } from "./doc/_lexicon.ts";
import { matchPattern, patternsAt } from "./meetings/_frames.ts";

// Cues are phrases of the words around a quotation or an attendee ("in a written greeting", "took part") that tell
// how something was said or how someone took part. They live in ../lexicon/*.yaml with the sentences that prove
// them; `pnpm test` reads every example.

const Examples = z.strictObject({ match: z.array(z.string()).default([]), no_match: z.array(z.string()).default([]) });

export function cueSchema<T extends z.ZodRawShape>(fields: T) {
  return z.strictObject({ pattern: z.string().min(1), ...fields, examples: Examples });
}

/** Reads a lexicon file of cues, checked at the boundary: a mistake fails loudly at load. */
export function loadCues<T>(file: string, schema: z.ZodType<T>): T {
  const url = new URL(`../lexicon/${file}`, import.meta.url);
  const parsed = schema.safeParse(parse(readFileSync(url, "utf8")));
  if (!parsed.success)
    throw new Error(
      `packages/extract/lexicon/${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

export interface CompiledCue<R> {
  rule: R;
  tokens: PatternToken[];
}

export function compileCues<R extends { pattern: string }>(rules: readonly R[]): CompiledCue<R>[] {
  return rules.map((rule) => ({ rule, tokens: compilePattern(rule.pattern) }));
}

/** A cue found in the text: which rule, and the words as the article writes them. */
export interface FoundCue<R> {
  rule: R;
  words: string;
}

const cueTokens = (cue: CompiledCue<unknown>): PatternToken[] => cue.tokens;

/** The cues standing in a range of the text, outside quotations (the speaker's own words tell nothing of how they were said). */
export function findCues<R>(doc: Doc, start: number, end: number, cues: readonly CompiledCue<R>[]): FoundCue<R>[] {
  const { tokens } = doc;
  const found: FoundCue<R>[] = [];
  // The first token at or after `start`, by binary search: an article with thousands of quotes asks this for each.
  let first = 0;
  let hi = tokens.length;
  while (first < hi) {
    const mid = (first + hi) >> 1;
    if ((tokens[mid]?.start ?? 0) < start) first = mid + 1;
    else hi = mid;
  }
  let last = first;
  while (last < tokens.length && (tokens[last]?.end ?? 0) <= end) last++;
  for (let i = first; i < last; i++) {
    const token = tokens[i];
    if (!token || doc.quoteAt(token.start) !== null) continue;
    for (const k of patternsAt(cues, cueTokens, token.lower)) {
      const cue = cues[k] as CompiledCue<R>;
      const to = matchPattern(tokens, i, last, cue.tokens);
      if (to < 0) continue;
      found.push({ rule: cue.rule, words: doc.text.slice(token.start, tokens[to]?.end ?? token.end) });
    }
  }
  return found;
}
