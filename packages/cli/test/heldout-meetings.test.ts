import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scoreFolder } from "./_helpers.ts";

// Meetings and attendees on five articles written without reading the meeting rules, measured by `parley eval`:
// a floor a little below what the rules reach, so that a regression on unseen phrasing fails.
const fixtures = join(import.meta.dirname, "fixtures/heldout-meetings");
const { report, metrics: m } = scoreFolder(join(fixtures, "gold.json"), join(fixtures, "sources"));

describe("meetings on held-out articles", () => {
  it("finds the meetings told, past ones included, and invents none (F1 ≥ 0.9)", () => {
    expect(m.meetings.f1).toBeGreaterThanOrEqual(0.9);
    expect(m.meetings.fp).toBe(0);
  });

  it("places people (F1 ≥ 0.8, precision ≥ 0.95) and countries (F1 ≥ 0.8) at each meeting", () => {
    expect(m.attendee_people.f1).toBeGreaterThanOrEqual(0.8);
    expect(m.attendee_people.precision).toBeGreaterThanOrEqual(0.95);
    expect(m.attendee_countries.f1).toBeGreaterThanOrEqual(0.8);
  });

  it("never places someone the article says was elsewhere", () => {
    expect(report.meetings.flatMap((x) => x.people.not_attendees)).toEqual([]);
  });
});
