import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scoreFolder } from "./_helpers.ts";

// Meetings and attendees on five team-written articles, measured by `parley eval`. They were written before the
// previous rules were read but then tuned on, so they are a regression set, not a measure of generalisation (that is
// the real corpus: real-corpus.test.ts). Floors sit a little below what the rules reach today.
const fixtures = join(import.meta.dirname, "fixtures/regression-blind-meetings");
const { report, metrics: m } = await scoreFolder(join(fixtures, "gold.json"), join(fixtures, "sources"));

describe("meetings on the blind-written regression articles", () => {
  it("finds the meetings told, past ones included, and invents none (F1 ≥ 0.85)", () => {
    expect(m.meetings.f1).toBeGreaterThanOrEqual(0.85);
    expect(m.meetings.fp).toBe(0);
  });

  it("places people (F1 ≥ 0.55, precision ≥ 0.9) and countries (F1 ≥ 0.78) at each meeting", () => {
    expect(m.attendee_people.f1).toBeGreaterThanOrEqual(0.55);
    expect(m.attendee_people.precision).toBeGreaterThanOrEqual(0.9);
    expect(m.attendee_countries.f1).toBeGreaterThanOrEqual(0.78);
  });

  it("never places someone the article says was elsewhere", () => {
    expect(report.meetings.flatMap((x) => x.people.not_attendees)).toEqual([]);
  });
});
