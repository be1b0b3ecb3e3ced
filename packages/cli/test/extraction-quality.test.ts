import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { foldText } from "@parley/model";
import { scoreFolder } from "./_helpers.ts";

// The acceptance floor of extraction on the seed articles, measured by the same scorer as `parley eval`.
const root = join(import.meta.dirname, "../../..");
const collection = join(root, "pipelines/moscow-format");
const {
  gold,
  dataset,
  report,
  metrics: m,
} = await scoreFolder(join(collection, "gold/seeds.gold.json"), join(collection, "sources"));

describe("extraction quality on the seed articles", () => {
  it("finds every quote (F1 1.00) with the right speakers (≥ 0.95)", () => {
    expect(m.quotes.f1).toBe(1);
    expect(m.quote_speakers.value).toBeGreaterThanOrEqual(0.95);
  });

  it("finds all four meetings, the quadrilateral envoys' meeting among them, with date, city and every source", () => {
    expect(m.meetings.tp).toBe(4);
    expect(m.meetings.fn).toBe(0);
    expect(m.meetings.fp).toBe(0);
    for (const meeting of report.meetings) {
      expect(meeting.meeting_id, meeting.key).not.toBeNull();
      expect(meeting.missing_sources, meeting.key).toEqual([]);
      expect(meeting.duplicates, meeting.key).toEqual([]);
    }
  });

  it("places the right people and countries at each meeting (F1 ≥ 0.95), the five Central Asian republics included", () => {
    expect(m.attendee_people.f1).toBeGreaterThanOrEqual(0.95);
    expect(m.attendee_countries.f1).toBeGreaterThanOrEqual(0.95);
    const mf2025 = report.meetings.find((x) => x.key === "mf-2025");
    expect(mf2025?.countries.missed).toEqual([]);
    expect(report.meetings.flatMap((x) => x.people.not_attendees)).toEqual([]);
  });

  it("publishes no boilerplate and no scare quote", () => {
    expect(m.must_not_quote_violations).toBe(0);
    const texts = dataset.quotes.map((q) => foldText(q.text));
    for (const span of gold.must_not_quote) expect(texts.some((t) => t === foldText(span))).toBe(false);
    expect(texts.some((t) => t.includes("dear readers") || t.includes("remind me later"))).toBe(false);
  });

  it("keeps the quote repeated by three articles as one row with three sources", () => {
    const repeated = gold.quotes.filter((q) => q.sources.length >= 3);
    expect(repeated.length).toBeGreaterThan(0);
    expect(m.quote_merge.value).toBe(1);
    for (const q of repeated) {
      const rows = dataset.quotes.filter((row) => row.source_ids.length >= 3);
      expect(rows.some((row) => foldText(row.text).includes(foldText(q.text).slice(0, 40)))).toBe(true);
    }
  });
});
