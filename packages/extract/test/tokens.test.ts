import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seededRandom } from "@parley/model";
import { patternTokenEnd, plainTokenEnd, tokenize } from "../src/text/_tokens.ts";
import { files } from "./_texts.ts";

// The quote rules' tokenizer settles plain ASCII words, numbers and marks by code and leaves the rest to its
// regular expression: wherever the code answers, its answer must be the expression's.
describe("the tokenizer's plain ASCII reading agrees with its pattern", () => {
  it.each([
    // text, where, the token the pattern reads there, whether plain code settles it
    ["Lavrov said", 0, "Lavrov", true],
    ["in 2024 talks", 3, "2024", true],
    ["(Moscow)", 0, "(", true],
    ["G20 summit", 0, "G20", true],
    ["Mr. Roe", 0, "Mr.", false], // an abbreviation: the period belongs to it
    ["U.S. envoy", 0, "U.S.", false], // a dotted acronym
    ["F. Kennedy", 0, "F.", false], // an initial before a name
    ["Russia's envoy", 0, "Russia's", false], // a possessive
    ["Frank-Walter Steinmeier", 0, "Frank-Walter", false], // a compound
    ["Zarif’s remarks", 0, "Zarif’s", false], // a curly apostrophe, outside ASCII
    ["Müller said", 0, "Müller", false], // a letter outside ASCII
    ["1,000 troops", 0, "1,000", false], // digits with a separator
    ["10:30 talks", 0, "10:30", false],
    ["5d later", 0, "5", true],
  ] as const)("%j at %i reads %j", (text, at, token, plain) => {
    const end = patternTokenEnd(text, at);
    expect(text.slice(at, end)).toBe(token);
    expect(plainTokenEnd(text, at)).toBe(plain ? end : -1);
  });

  it("on every token start of the seeds and the real corpus, and of random text", () => {
    const random = seededRandom(11);
    const alphabet = "aZ9 .-'’,:()“”éü\n";
    const noise = Array.from({ length: 200 }, () =>
      Array.from({ length: 40 }, () => alphabet[Math.floor(random() * alphabet.length)]).join(""),
    );
    let settled = 0;
    for (const text of [...files.map((f) => readFileSync(f, "utf8")), ...noise]) {
      for (const t of tokenize(text)) {
        const plain = plainTokenEnd(text, t.start);
        if (plain < 0) continue;
        expect(plain, JSON.stringify(text.slice(t.start, t.start + 20))).toBe(patternTokenEnd(text, t.start));
        settled++;
      }
    }
    // Most tokens are settled by code (else the shortcut would be pointless, and this test would check little).
    expect(settled).toBeGreaterThan(10_000);
  });
});
