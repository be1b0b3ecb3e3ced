import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Article } from "@parley/model";
import { extractQuotes } from "../src/quotes/index.ts";
import { registry } from "./_gold.ts";

// Whole articles in wire style, with every quote a careful reader attributes: nothing more, nothing less.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => [f, readFileSync(join(FIXTURES, f), "utf8"), JSON.parse(readFileSync(join(FIXTURES, f.replace(/\.txt$/, ".quotes.json")), "utf8"))] as const);

function article(file: string, text: string): Article {
  return { source_id: file, file, title: file, publisher: "wire", url: null, published: "2025", language: "en", retrieved: null, text, sha256: "0".repeat(64), body_line: 1, removed: [] };
}

describe("quotes in whole wire articles", () => {
  it.each(cases)("%s", (file, text, expected) => {
    const quotes = extractQuotes({ article: article(file, text), registry });
    expect(quotes.map((q) => ({ text: q.text, speaker: q.speaker.name, type: q.speaker.type }))).toEqual(expected);
  });
});
