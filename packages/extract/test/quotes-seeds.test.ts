import { describe, expect, it } from "vitest";
import { foldText } from "@parley/model";
import { extractQuotes } from "../src/quotes/index.ts";
import { f1, gold, goldFor, registry, sameQuote, sameSpeaker, score, seedArticles, type Score } from "./_gold.ts";

const articles = seedArticles();
const results = articles.map((article) => ({ article, quotes: extractQuotes({ article, registry }) }));

describe("quotes on the seed articles", () => {
  it.each(results.map((r) => [r.article.source_id, r] as const))(
    "%s: every required gold quote, with its speaker",
    (_id, { article, quotes }) => {
      for (const g of goldFor(article.source_id).filter((q) => !q.optional)) {
        const found = quotes.find((q) => sameQuote(q.text, g.text));
        expect(found, `missed: ${g.text}`).toBeDefined();
        expect(found?.speaker.type).toBe(g.speaker_kind);
        if (g.speaker_kind === "person")
          expect(sameSpeaker(found?.speaker.name ?? "", g), `${found?.speaker.name} for ${g.text}`).toBe(true);
      }
    },
  );

  it.each(results.map((r) => [r.article.source_id, r] as const))(
    "%s: nothing outside the gold, no scare quotes",
    (_id, { article, quotes }) => {
      expect(score(quotes, goldFor(article.source_id)).wrong.filter((w) => w.startsWith("extra"))).toEqual([]);
      for (const q of quotes) for (const bad of gold.must_not_quote) expect(foldText(q.text)).not.toBe(foldText(bad));
    },
  );

  it.each(results.map((r) => [r.article.source_id, r] as const))(
    "%s: spans and evidence lie in the text",
    (_id, { article, quotes }) => {
      for (const q of quotes) {
        expect(article.text.slice(q.span.start, q.span.end)).toBe(q.text);
        expect(q.evidence.start).toBeLessThanOrEqual(q.span.start);
        expect(q.evidence.end).toBeGreaterThanOrEqual(q.span.end);
        expect(article.text.slice(q.evidence.start, q.evidence.end).trim()).not.toBe("");
        expect(q.meeting_key).toBeNull();
      }
    },
  );

  it("scores quote F1 ≥ 0.95 and speaker accuracy ≥ 0.95 over all seeds", () => {
    const total: Score = { tp: 0, fp: 0, fn: 0, speakerRight: 0, speakerTotal: 0, wrong: [] };
    for (const { article, quotes } of results) {
      const s = score(quotes, goldFor(article.source_id));
      for (const key of ["tp", "fp", "fn", "speakerRight", "speakerTotal"] as const) total[key] += s[key];
      total.wrong.push(...s.wrong);
    }
    expect(f1(total).f1, total.wrong.join("\n")).toBeGreaterThanOrEqual(0.95);
    expect(total.speakerRight / total.speakerTotal, total.wrong.join("\n")).toBeGreaterThanOrEqual(0.95);
  });
});
