import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { foldText } from "@parley/model";
import { scoreFolder } from "./_helpers.ts";

// Quotes and speakers on five team-written articles (wire, Dawn, TASS, Reuters, think-tank styles), scored by the
// same scorer as `parley eval`. Written blind, then tuned on: a regression set. Floors sit a little below today's.
const fixtures = join(import.meta.dirname, "fixtures/regression-blind-quotes");
const { gold, dataset, metrics: m } = await scoreFolder(join(fixtures, "gold.json"), join(fixtures, "sources"));

describe("quote extraction on the blind-written regression articles", () => {
  it("finds the quotes (F1 ≥ 0.95) with the right person (≥ 0.95) and role (≥ 0.8)", () => {
    expect(m.quotes.f1).toBeGreaterThanOrEqual(0.95);
    expect(m.quote_speakers.value).toBeGreaterThanOrEqual(0.95);
    expect(m.quote_role_speakers.value).toBeGreaterThanOrEqual(0.8);
  });

  it("never quotes a headline, a placard or a document title", () => {
    expect(m.must_not_quote_violations).toBe(0);
    const texts = dataset.quotes.map((q) => foldText(q.text));
    for (const span of gold.must_not_quote) expect(texts).not.toContain(foldText(span));
  });

  it("gives an unnamed official's words to the role, never to the person named before", () => {
    const unnamed = gold.quotes.filter((q) => q.speaker_kind === "role" && !q.optional);
    for (const q of unnamed) {
      const row = dataset.quotes.find((r) => foldText(r.text).includes(foldText(q.text).slice(0, 30)));
      expect(row?.speaker_type, q.text).toBe("role");
    }
  });
});
