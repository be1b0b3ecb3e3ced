import { describe, expect, it } from "vitest";
import { diffDatasets } from "@parley/diff";
import { addChangelogEntry, changelogEntry, proposeBump, renderDiff } from "../src/index.ts";
import { firstBuild, refinedBuild } from "./_fixture.ts";

const collection = { name: "moscow-format", title: "Moscow Format consultations on Afghanistan" };
const noSchema = { breaking: [], additive: [] };

describe("changelog", () => {
  it("lists, per table, rows added, removed and changed by ID with the changed fields", () => {
    const before = firstBuild();
    const after = { ...refinedBuild(), meetings: before.meetings.map((m) => ({ ...m, round: 6 })), quotes: [] };
    const text = renderDiff(diffDatasets(before, after));
    expect(text).toContain("### sources\n\nAdded (1):\n- `001_calitoday`");
    expect(text).toContain(`### meetings\n\nChanged (1):\n- \`${before.meetings[0]?.meeting_id}\` (round)`);
    expect(text).toContain(`### quotes\n\nRemoved (1):\n- \`${before.quotes[0]?.quote_id}\``);
    expect(text).not.toContain("### people");
  });

  it("says so when no record changed", () => {
    expect(renderDiff(diffDatasets(firstBuild(), firstBuild()))).toBe("No record changed.");
  });

  it("puts the newest version first under one header", () => {
    const first = proposeBump(null, diffDatasets(null, firstBuild()), noSchema);
    const second = proposeBump("1.0.0", diffDatasets(firstBuild(), refinedBuild()), noSchema);
    if (!first || !second) throw new Error("both builds change something");
    const v1 = addChangelogEntry(
      null,
      changelogEntry({
        proposal: first,
        date: "2026-11-23",
        diff: diffDatasets(null, firstBuild()),
        previous: null,
        current: firstBuild(),
        previousVersion: null,
      }),
      collection,
    );
    const v2 = addChangelogEntry(
      v1,
      changelogEntry({
        proposal: second,
        date: "2026-11-24",
        diff: diffDatasets(firstBuild(), refinedBuild()),
        previous: firstBuild(),
        current: refinedBuild(),
        previousVersion: "1.0.0",
      }),
      collection,
    );
    expect(v2.match(/^# Changelog/gm)).toHaveLength(1);
    expect(v2.match(/^## \S+ — \S+$/gm)).toEqual(["## 1.1.0 — 2026-11-24", "## 1.0.0 — 2026-11-23"]);
    expect(v2).toContain("## 1.0.0 — 2026-11-23\n\nFirst release.");
    expect(v2).toContain("## 1.1.0 — 2026-11-24\n\nMinor release.\n\n| table | added | changed | removed |");
    expect(v2).toContain("- records added: sources 1 row");
    expect(v2.endsWith(v1.slice(v1.indexOf("## 1.0.0")))).toBe(true);
  });
});
