import { describe, expect, it } from "vitest";
import {
  anyNameMatches,
  containsEither,
  dateMatches,
  insideSpan,
  quoteTextMatches,
  sameName,
  sourceStem,
} from "../src/index.ts";

// Real sentences from the seed articles and their reprints.
const FULL =
  "The deployment of military infrastructure of any third countries on the territory of Afghanistan, as well as on the territories of neighboring states, is categorically unacceptable under any pretext.";

describe("quoteTextMatches: folding, containment, Jaccard 0.8", () => {
  it.each([
    [
      "curly quotes, case and edge punctuation fold away",
      "“I appreciate it and wish that all countries follow the same path.”",
      "I appreciate it and wish that all countries follow the same path,",
      true,
    ],
    ["British spelling in a reprint (Jaccard above 0.8)", FULL.replace("neighboring", "neighbouring"), FULL, true],
    [
      "an elided reprint: the ellipsis stands for the words left out",
      "The deployment of military infrastructure of any third countries on the territory of Afghanistan… is categorically unacceptable under any pretext.",
      FULL,
      true,
    ],
    [
      "the same elision without an ellipsis is another text (Jaccard 0.76)",
      "The deployment of military infrastructure of any third countries on the territory of Afghanistan is categorically unacceptable under any pretext.",
      FULL,
      false,
    ],
    [
      "a shorter span inside the gold quote",
      "We are trying to get it back",
      "We gave it for nothing. We are trying to get it back … that could be a little breaking news.",
      true,
    ],
    [
      "a gold quote inside a longer system span",
      "The military presence of any extra-regional players could only lead to destabilization and new conflicts, Lavrov said",
      "The military presence of any extra-regional players could only lead to destabilization and new conflicts,",
      true,
    ],
    [
      "containment is by whole words, not characters",
      "trying to get it ba",
      "We are trying to get it back, by the way.",
      false,
    ],
    [
      "a word dropped: no containment, but the same word set",
      "a good opportunity for countries of the region to listen to each other’s views",
      "a good opportunity for the countries of the region to listen to each other’s views,",
      true,
    ],
    [
      "two different quotes of one speaker on one theme",
      "We consider the return of U.S. and NATO military infrastructure to the territory of Afghanistan and its neighboring states to be unacceptable,",
      FULL,
      false,
    ],
  ])("%s", (_why, system, gold, expected) => {
    expect(quoteTextMatches(system, gold)).toBe(expected);
  });
});

describe("speaker names and roles", () => {
  it.each([
    ["case and a trailing comma", ["SERGEY LAVROV,"], ["Sergey Lavrov"], true],
    ["a transliteration listed as an alias", ["Sergei Lavrov"], ["Sergey Lavrov", "Sergei Lavrov"], true],
    ["a transliteration not listed", ["Sergei Lavrov"], ["Sergey Lavrov"], false],
    ["a surname alone is not the name", ["Lavrov"], ["Sergey Lavrov", "Sergei Lavrov"], false],
  ])("names: %s", (_why, system, gold, expected) => {
    expect(anyNameMatches(system, gold)).toBe(expected);
  });

  it.each([
    ["a role inside a longer role", "U.S. State Department spokesperson", "State Department", true],
    [
      "a longer gold role containing the system's",
      "Russia’s Foreign Ministry",
      "spokesperson for Russia’s Foreign Ministry",
      true,
    ],
    ["curly and straight apostrophes", "Russia's Foreign Ministry", "spokesperson for Russia’s Foreign Ministry", true],
    ["the same words in another order", "Department of State", "State Department", false],
  ])("roles: %s", (_why, system, gold, expected) => {
    expect(containsEither(system, gold)).toBe(expected);
  });

  it("treats an empty name as matching nothing", () => {
    expect(sameName("", "")).toBe(false);
  });
});

describe("dateMatches: at the gold's precision", () => {
  it.each([
    ["2024-10", "2024-10", true],
    ["2024-10", "2024-10-08", true],
    ["2024", "2024-10-08", true],
    ["2024-10", "2024-11-01", false],
    ["2025-10-07", "2025-10", false],
    ["2025-10-07", "2025-10-08", false],
    ["2023-09-2", "2023-09-29", false],
  ])("gold %s, system %s → %s", (gold, system, expected) => {
    expect(dateMatches(gold, system)).toBe(expected);
  });
});

describe("insideSpan: must_not_quote", () => {
  it.each([
    ["a scare-quoted word", "“undesirable”", "undesirable", true],
    [
      "a fragment of a boilerplate sentence",
      "the decisions of the Russian leadership",
      "discredits the decisions of the Russian leadership",
      true,
    ],
    [
      "a real quote that mentions the series name",
      "Known simply as the Moscow Format, the meeting also saw the participation of regional stakeholders",
      "Moscow Format",
      false,
    ],
  ])("%s", (_why, quote, span, expected) => {
    expect(insideSpan(quote, span)).toBe(expected);
  });
});

describe("sourceStem", () => {
  it.each([
    ["000_19d7d37b3b019f88.txt", "000_19d7d37b3b019f88"],
    ["000_19d7d37b3b019f88.md", "000_19d7d37b3b019f88"],
    ["sources/003_96bfffb7ac8232e6.md", "003_96bfffb7ac8232e6"],
    ["004_94cf14c4f1cc1c4e", "004_94cf14c4f1cc1c4e"],
  ])("%s → %s", (name, stem) => {
    expect(sourceStem(name)).toBe(stem);
  });
});
