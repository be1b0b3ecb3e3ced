import { describe, expect, it } from "vitest";
import { attendeeKey, matching, measureRegression, REGRESSION, regressionMeetings } from "./_regression.ts";

// Team-written articles (fixtures/regression-meetings): they share the team's assumptions, so they guard against
// regressions and are not a measure of how the rules generalise (that is ../../../shared/corpus/dev, see
// packages/cli/test/real-corpus.test.ts). Floors sit a little below what the rules reach today.
const measured = measureRegression();

describe("meetings in the team-written regression articles", () => {
  it("finds the meetings told (≥ 15 of 17) and invents none", () => {
    expect(measured.found).toBeGreaterThanOrEqual(15);
    const invented = Object.entries(REGRESSION).flatMap(([file, expected]) =>
      regressionMeetings(file)
        .filter((m) => ![...expected.meetings, ...expected.optional_meetings].some((e) => matching([m], e)))
        .map((m) => `${file}: ${m.city} ${m.date}`),
    );
    expect(invented).toEqual([]);
  });

  it("places attendees with precision ≥ 0.85 and recall ≥ 0.55", () => {
    expect(measured.tp / (measured.tp + measured.fp)).toBeGreaterThanOrEqual(0.85);
    expect(measured.tp / (measured.tp + measured.fn)).toBeGreaterThanOrEqual(0.55);
  });

  it("never places someone the article says was elsewhere", () => {
    const misplaced = Object.entries(REGRESSION).flatMap(([file, expected]) =>
      expected.meetings.flatMap((e) => {
        const found = matching(regressionMeetings(file), e);
        const keys = (found?.attendees ?? []).map(attendeeKey);
        return e.not_attendees.filter((k) => keys.includes(k)).map((k) => `${file}: ${k}`);
      }),
    );
    expect(misplaced).toEqual([]);
  });
});
