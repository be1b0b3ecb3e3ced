import { describe, expect, it } from "vitest";
import { findCues } from "../src/_cues.ts";
import { readDocument } from "../src/doc/_document.ts";
import { participationLexicon } from "../src/meetings/_participation.ts";
import { quoteLexicon } from "../src/quotes/_kind.ts";
import { registry, textArticle } from "./_gold.ts";

// Every cue of lexicon/quotes.yaml and lexicon/participation.yaml carries sentences that prove it: here they become
// tests. A `match` sentence must hold the cue outside its quotation marks; a `no_match` sentence must not.
const found = <R>(sentence: string, cue: { rule: R; tokens: never[] } | { rule: R; tokens: unknown[] }): boolean => {
  const doc = readDocument({ ...textArticle(sentence, `cue-${sentence.length}`), published: "2025-06-11" }, registry);
  return findCues(doc, 0, doc.text.length, [cue as never]).length > 0;
};

const cases = [
  ...quoteLexicon().media.map((c) => ({ file: "quotes.yaml", c })),
  ...quoteLexicon().translations.map((c) => ({ file: "quotes.yaml", c })),
  ...participationLexicon().inPerson.map((c) => ({ file: "participation.yaml", c })),
].flatMap(({ file, c }) => [
  ...c.rule.examples.match.map((sentence) => ({ file, pattern: c.rule.pattern, sentence, expected: true, c })),
  ...c.rule.examples.no_match.map((sentence) => ({ file, pattern: c.rule.pattern, sentence, expected: false, c })),
]);

describe("quote and participation cues, by their example sentences", () => {
  it.each(cases)("$file $pattern: $sentence", ({ sentence, expected, c }) => {
    expect(found(sentence, c)).toBe(expected);
  });
});
