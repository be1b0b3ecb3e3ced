import { cpSync, existsSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { findPublishedVersions, publishRelease, verifyPublishedVersions } from "../src/index.ts";
import { firstBuild, META, NO_ASSERTIONS, refinedBuild, tempRoot } from "./_fixture.ts";

function repoRoot(from: string): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) dir = dirname(dir);
  return dir;
}

const REPO_DATASETS = join(repoRoot(import.meta.dirname), "datasets");

describe("published versions in this repository", () => {
  it("every file of every datasets/<collection>/<x.y.z>/ still matches its SHA256SUMS", () => {
    // Passes with no published version; each one published later is checked here on every test run.
    expect(verifyPublishedVersions(REPO_DATASETS)).toEqual([]);
  });
});

describe("verifyPublishedVersions", () => {
  it("fails when a file of a published version is altered, on a copy of a datasets folder", async () => {
    const root = tempRoot();
    const options = {
      datasetsRoot: root,
      collection: META,
      assertions: NO_ASSERTIONS,
      created: "2026-11-23T13:00:00Z",
    };
    await publishRelease(firstBuild(), options);
    await publishRelease(refinedBuild(), options);
    const copy = tempRoot();
    cpSync(root, copy, { recursive: true });
    expect(findPublishedVersions(copy).map((v) => v.version)).toEqual(["1.0.0", "1.1.0"]);
    expect(verifyPublishedVersions(copy)).toEqual([]);
    writeFileSync(join(copy, "moscow-format", "1.0.0", "meetings.csv"), "meeting_id\n");
    const problems = verifyPublishedVersions(copy);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(join("1.0.0", "meetings.csv"));
  });
});
