import { describe, expect, it } from "vitest";
import { TABLE_NAMES } from "@parley/model";
import type { DatasetDiff, TableDiff } from "@parley/diff";
import {
  bumpVersion,
  compareVersions,
  diffSchemas,
  latestVersion,
  proposeBump,
  type TableSchemaField,
} from "../src/index.ts";

const empty = (): TableDiff => ({ added: [], removed: [], changed: [] });
const diffWith = (patch: Partial<DatasetDiff>): DatasetDiff =>
  ({ ...Object.fromEntries(TABLE_NAMES.map((t) => [t, empty()])), ...patch }) as DatasetDiff;
const noSchema = { breaking: [], additive: [] };

describe("proposeBump", () => {
  it.each([
    [
      "first release",
      null,
      diffWith({ quotes: { added: ["quote:a"], removed: [], changed: [] } }),
      noSchema,
      "1.0.0",
      "major",
    ],
    [
      "a column dropped",
      "1.2.3",
      diffWith({}),
      { breaking: ["quotes.speaker_role removed"], additive: [] },
      "2.0.0",
      "major",
    ],
    [
      "a column dropped while rows are added",
      "1.2.3",
      diffWith({ quotes: { added: ["quote:a"], removed: [], changed: [] } }),
      { breaking: ["quotes.text changed type from string to integer"], additive: [] },
      "2.0.0",
      "major",
    ],
    [
      "rows added",
      "1.0.0",
      diffWith({ meetings: { added: ["meeting:doha-process:2024-06-30:doha"], removed: [], changed: [] } }),
      noSchema,
      "1.1.0",
      "minor",
    ],
    [
      "rows added and others corrected",
      "1.0.4",
      diffWith({
        sources: { added: ["005_tolo"], removed: [], changed: [] },
        people: { added: [], removed: [], changed: [{ id: "person:sergey-lavrov", fields: ["aliases"] }] },
      }),
      noSchema,
      "1.1.0",
      "minor",
    ],
    ["a column added", "1.0.0", diffWith({}), { breaking: [], additive: ["quotes.language added"] }, "1.1.0", "minor"],
    [
      "a field corrected",
      "1.1.0",
      diffWith({
        meetings: {
          added: [],
          removed: [],
          changed: [{ id: "meeting:moscow-format:2025-10-07:moscow", fields: ["round"] }],
        },
      }),
      noSchema,
      "1.1.1",
      "patch",
    ],
    [
      "a wrong row rejected",
      "1.1.1",
      diffWith({ quotes: { added: [], removed: ["quote:0123456789ab"], changed: [] } }),
      noSchema,
      "1.1.2",
      "patch",
    ],
  ] as const)("%s → %s", (_label, previous, diff, schema, version, bump) => {
    const proposal = proposeBump(previous, diff, { breaking: [...schema.breaking], additive: [...schema.additive] });
    expect(proposal?.version).toBe(version);
    expect(proposal?.bump).toBe(bump);
    expect(proposal?.reasons.length).toBeGreaterThan(0);
  });

  it("proposes nothing when nothing changed", () => {
    expect(proposeBump("1.1.0", diffWith({}), noSchema)).toBeNull();
  });

  it("says why: the tables and row counts that decided the bump", () => {
    const proposal = proposeBump(
      "1.0.0",
      diffWith({ quotes: { added: ["quote:a", "quote:b"], removed: [], changed: [] } }),
      noSchema,
    );
    expect(proposal?.reasons).toEqual(["records added: quotes 2 rows"]);
  });
});

describe("versions", () => {
  it.each([
    ["1.0.0", "major", "2.0.0"],
    ["1.9.3", "minor", "1.10.0"],
    ["1.10.0", "patch", "1.10.1"],
  ] as const)("%s + %s = %s", (from, bump, to) => expect(bumpVersion(from, bump)).toBe(to));

  it("orders numerically, not as text, and ignores other folder names", () => {
    expect(latestVersion(["1.9.0", "1.10.0", "current", "CHANGELOG.md", "1.2.0"])).toBe("1.10.0");
    expect(compareVersions("2.0.0", "10.0.0")).toBeLessThan(0);
    expect(latestVersion(["current"])).toBeNull();
  });
});

describe("diffSchemas", () => {
  const f = (name: string, type: TableSchemaField["type"] = "string"): TableSchemaField => ({ name, type });
  it.each([
    ["same columns", { quotes: [f("quote_id"), f("text")] }, { quotes: [f("quote_id"), f("text")] }, [], []],
    ["column added", { quotes: [f("quote_id")] }, { quotes: [f("quote_id"), f("text")] }, [], ["quotes.text added"]],
    [
      "column dropped",
      { quotes: [f("quote_id"), f("text")] },
      { quotes: [f("quote_id")] },
      ["quotes.text removed"],
      [],
    ],
    [
      "column retyped",
      { meetings: [f("round", "integer")] },
      { meetings: [f("round", "string")] },
      ["meetings.round changed type from integer to string"],
      [],
    ],
    [
      "table dropped",
      { quotes: [f("quote_id")], people: [f("person_id")] },
      { quotes: [f("quote_id")] },
      ["table people removed"],
      [],
    ],
    [
      "table added",
      { quotes: [f("quote_id")] },
      { quotes: [f("quote_id")], statements: [f("statement_id")] },
      [],
      ["table statements added"],
    ],
  ])("%s", (_label, before, after, breaking, additive) => {
    expect(diffSchemas(before, after)).toEqual({ breaking, additive });
  });
});
