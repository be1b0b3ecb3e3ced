import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractQuotes } from "../src/quotes/index.ts";
import { registry, textArticle } from "./_gold.ts";

// Whole articles in wire style, with every quote a careful reader attributes: nothing more, nothing less.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map(
    (f) =>
      [
        f,
        readFileSync(join(FIXTURES, f), "utf8"),
        JSON.parse(readFileSync(join(FIXTURES, f.replace(/\.txt$/, ".quotes.json")), "utf8")),
      ] as const,
  );

describe("quotes in whole wire articles", () => {
  it.each(cases)("%s", (file, text, expected) => {
    const quotes = extractQuotes({ article: textArticle(text, file), registry });
    expect(quotes.map((q) => ({ text: q.text, speaker: q.speaker.name, type: q.speaker.type }))).toEqual(expected);
  });
});
