import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDocument } from "../src/doc/_document.ts";
import { lexicon } from "../src/doc/_lexicon.ts";
import { matchPattern } from "../src/meetings/_frames.ts";
import { findMeetings } from "../src/meetings/_meetings.ts";
import { registry, textArticle } from "./_gold.ts";
import { extractArticle } from "../src/index.ts";
import type { Article } from "@parley/model";

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
      expect(
        readDocument({ ...textArticle(sentence, "place-check"), published: PUBLISHED }, registry).places.map(
          (p) => p.name,
        ),
      ).toContain(sentence.includes("Oslo") ? "Oslo" : "Lima");
    }
  });
});

const cueCases = lx.attendanceCueRules.flatMap((rule, i) =>
  rule.examples.match.map((sentence) => ({ pattern: rule.pattern, sentence, tokens: lx.attendanceCues[i] ?? [] })),
);

describe("attendance cues, by their example sentences", () => {
  it.each(cueCases)("$pattern: $sentence", ({ sentence, tokens }) => {
    const doc = readDocument({ ...textArticle(sentence, "cue"), published: PUBLISHED }, registry);
    const at = doc.tokens.findIndex((_, i) => matchPattern(doc.tokens, i, doc.tokens.length, tokens) >= 0);
    expect(at).toBeGreaterThanOrEqual(0);
  });
});

describe("a meeting the text does not date or place is held for review, not published", () => {
  const text = (body: string): Article => textArticle(body, "review-test");
  it.each([
    [
      "Iranian Foreign Minister Abbas Araghchi met Pakistani Foreign Minister Ishaq Dar on Monday to discuss border trade.",
      "meeting on 2024-10-14 (Abbas Araghchi, Ishaq Dar)",
      "no city stated with the meeting",
      [],
    ],
    [
      "Trade has grown since 2020. Iranian Foreign Minister Abbas Araghchi met Pakistani Foreign Minister Ishaq Dar in Islamabad in 2023, when they discussed it. The two ministers later met again in Tehran.",
      "meeting in Tehran (Abbas Araghchi, Ishaq Dar)",
      "no date stated with the meeting",
      [["2023", "Islamabad"]],
    ],
  ])("%s", (body, summary, reason, published) => {
    const extraction = extractArticle({ ...text(body), published: "2024-10-16" }, registry);
    expect(extraction.meetings.map((m) => [m.date, m.city])).toEqual(published);
    expect(extraction.review?.map((r) => [r.summary, r.reason])).toEqual([[summary, reason]]);
    expect(extraction.warnings).toEqual([`${summary} held for review (confidence 0.5: ${reason})`]);
  });

  it("the same meeting with its date is published, with a confidence, and nothing is held", () => {
    const extraction = extractArticle(
      {
        ...text(
          "Iranian Foreign Minister Abbas Araghchi met Pakistani Foreign Minister Ishaq Dar in Islamabad on Monday to discuss border trade.",
        ),
        published: "2024-10-16",
      },
      registry,
    );
    expect(extraction.meetings.map((m) => [m.date, m.city, m.confidence])).toEqual([["2024-10-14", "Islamabad", 0.9]]);
    expect(extraction.meetings[0]?.attendees.every((a) => a.confidence === 0.9)).toBe(true);
    expect(extraction.review).toBeUndefined();
  });
});

// Word lists live in lexicon/*.yaml, not in regular expressions in code, where copies drift apart: no more than
// five words in one alternation ("a|b|c|d|e|f") anywhere in src (comments aside).
describe("word lists are data", () => {
  const SRC = join(import.meta.dirname, "../src");
  const files = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
  const LONG_ALTERNATION = /(?:[A-Za-z]+\??\|){5,}[A-Za-z]+/;

  it("finds a long alternation where there is one", () => {
    expect(LONG_ALTERNATION.test("/\\b(?:sec|seconds?|mins?|minutes?|hrs?|hours?)\\b/")).toBe(true);
    expect(LONG_ALTERNATION.test("/(this|last|next)/")).toBe(false);
  });

  it.each(files)("%s holds no regex alternation of more than five words", (file) => {
    const code = readFileSync(join(SRC, file), "utf8")
      .split("\n")
      .filter((line) => !/^\s*(?:\/\/|\*|\/\*)/.test(line));
    expect(files.length).toBeGreaterThan(20);
    expect(code.filter((line) => LONG_ALTERNATION.test(line))).toEqual([]);
  });
});
