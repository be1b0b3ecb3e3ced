import { describe, expect, it } from "vitest";
import { formatReport, scoreAgainstGold } from "../src/index.ts";
import { goldToDataset, seedsGold } from "./_gold-dataset.ts";

const gold = seedsGold();

describe("formatReport", () => {
  it("lists every missed quote, every spurious row and every meeting problem, one per line", () => {
    const dataset = goldToDataset(gold);
    const [missed] = dataset.quotes.splice(0, 1);
    const wrongPlace = dataset.meetings.find((m) => m.name === "mf-2024");
    if (!missed || !wrongPlace) return expect.fail("the seeds gold has quotes and meetings");
    wrongPlace.city = "Kazan";
    dataset.attendees = dataset.attendees.filter((a) => a.country !== "IRN");
    const text = formatReport(scoreAgainstGold(gold, dataset));
    expect(text).toContain(`“${missed.text.slice(0, 40)}`);
    expect(text).toMatch(new RegExp(`Meetings spurious \\(1\\):\\n  - ${wrongPlace.meeting_id} `));
    expect(text).toMatch(/mf-2024 .*: MISSED/);
    expect(text).toMatch(/countries missed: IRN\n/);
    expect(text.split("\n").every((line) => line.length <= 200)).toBe(true);
  });

  it("prints n/a for a ratio with nothing to count", () => {
    const dataset = goldToDataset(gold);
    dataset.meetings = [];
    expect(formatReport(scoreAgainstGold(gold, dataset))).toMatch(/meetings +P +n\/a +R 0\.000 +F1 0\.000/);
  });
});
