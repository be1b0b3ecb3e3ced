import { describe, expect, it } from "vitest";
import { readDocument } from "../src/doc/_document.ts";
import { lexicon } from "../src/doc/_lexicon.ts";
import { matchPattern } from "../src/meetings/_frames.ts";
import { findMeetings } from "../src/meetings/_meetings.ts";
import { registry, textArticle } from "./_gold.ts";

// Every rule of packages/extract/lexicon/meetings.yaml carries sentences that prove it: here they become tests.
// A trigger's `match` sentences must give a meeting and its `no_match` sentences none; a cue's `match` sentences
// must contain the cue. Supporting a new phrasing is adding a row with its sentences.
const PUBLISHED = "2025-06-11";
const meetingsOf = (sentence: string) => {
  const article = { ...textArticle(sentence, `lexicon-${sentence.length}`), published: PUBLISHED };
  return findMeetings(readDocument(article, registry));
};

const lx = lexicon();
const triggerCases = lx.triggers.flatMap((rule) => [
  ...rule.examples.match.map((sentence) => ({ pattern: rule.pattern, sentence, expected: true })),
  ...rule.examples.no_match.map((sentence) => ({ pattern: rule.pattern, sentence, expected: false })),
]);

describe("meeting triggers, by their example sentences", () => {
  it.each(triggerCases)("$pattern: $sentence", ({ sentence, expected }) => {
    const found = meetingsOf(sentence);
    if (expected) {
      expect(found.map((m) => m.cityName)).toHaveLength(1);
      expect(["Lima", "Oslo"]).toContain(found[0]?.cityName);
    } else {
      expect(found.map((m) => `${m.date} ${m.cityName}`)).toEqual([]);
      // A sentence that gives no meeting still reads: the place is found, so the rule (not the gazetteer) decided.
      expect(readDocument({ ...textArticle(sentence, "place-check"), published: PUBLISHED }, registry).places.map((p) => p.name)).toContain(sentence.includes("Oslo") ? "Oslo" : "Lima");
    }
  });
});

const cueCases = lx.attendanceCueRules.flatMap((rule, i) => rule.examples.match.map((sentence) => ({ pattern: rule.pattern, sentence, tokens: lx.attendanceCues[i] ?? [] })));

describe("attendance cues, by their example sentences", () => {
  it.each(cueCases)("$pattern: $sentence", ({ sentence, tokens }) => {
    const doc = readDocument({ ...textArticle(sentence, "cue"), published: PUBLISHED }, registry);
    const at = doc.tokens.findIndex((_, i) => matchPattern(doc.tokens, i, doc.tokens.length, tokens) >= 0);
    expect(at).toBeGreaterThanOrEqual(0);
  });
});
