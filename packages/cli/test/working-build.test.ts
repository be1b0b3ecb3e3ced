import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { latestRelease } from "@parley/release";
import { type BuildSummary, formatSummary, runStage, type StageContext, type StageName } from "@parley/pipeline";
import { FRONT, REGISTRY_DIR, REPO, removeTempDirs, SEEDS_DIR, sourceFile, tempDir } from "./_helpers.ts";

/** Runs the declared stages up to `last` on one collection folder, as Turbo's tasks do. */
async function stagesThrough(last: StageName, ctx: StageContext): Promise<void> {
  for (const name of ["ingest", "extract", "normalize", "validate", "export"] as const) {
    await runStage(name, ctx);
    if (name === last) return;
  }
}

const context = (
  sourcesDir: string,
  buildDir: string,
  destination: string,
  curationFile = join(buildDir, "no-curation.yaml"),
): StageContext => ({
  sourcesDir,
  registryDir: REGISTRY_DIR,
  buildDir,
  curationFile,
  assertions: { min_rows: {}, max_rows: {} },
  destination,
  publishOptions: { marker: { collection: "moscow-format", command: "parley build" } },
  workers: 0,
});

afterAll(removeTempDirs);

describe("rows held for review", () => {
  it("go to build/review.csv with their reason and sentence, and the summary counts them; the dataset does not hold them", async () => {
    const root = tempDir("review");
    const sources = join(root, "pipelines", "demo", "sources");
    const build = join(root, "pipelines", "demo", "build");
    mkdirSync(sources, { recursive: true });
    // A meeting with a date but no place the text gives, and one the text places and dates.
    const held = "Foreign Minister Jane Roe of Peru met Foreign Minister John Doe of Chile on Monday to discuss trade.";
    const published = "Jane Roe and John Doe met again in Lima on Tuesday, October 1.";
    writeFileSync(
      join(sources, "001_demo.md"),
      sourceFile({ ...FRONT, url: "https://example.org/demo" }, `${held}\n\n${published}\n`),
    );
    await stagesThrough("normalize", context(sources, build, join(root, "datasets", "demo", "current")));
    const csv = readFileSync(join(build, "review.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("source_id,record_type,summary,confidence,reason,start,end,sentence");
    expect(csv.slice(1)).toEqual([
      `001_demo,meeting,"meeting on 2024-09-30 (Jane Roe, John Doe, PER, CHL)",0.5,no city stated with the meeting,0,${held.length},${held}`,
    ]);
    const summary = JSON.parse(readFileSync(join(build, "normalize", "summary.json"), "utf8")) as BuildSummary;
    expect(summary.held_for_review).toBe(1);
    // Rows per table in one column, the longest table name included.
    const counts = formatSummary(summary, "datasets/demo/current")
      .split("\n")
      .filter((line) => /^ {2}[a-z_]+ +\d+$/.test(line));
    expect(counts.map((line) => line.trim().split(/ +/)[0])).toContain("quote_sources");
    expect(new Set(counts.map((line) => line.length)).size).toBe(1);
    expect(formatSummary(summary, "datasets/demo/current")).toContain(
      "Held for review (not published; the text does not support them with confidence): 1 row(s), each in the warnings below and in pipelines/demo/build/review.csv",
    );
    const dataset = JSON.parse(readFileSync(join(build, "normalize", "dataset.json"), "utf8")) as {
      meetings: Array<{ date: string; city: string }>;
    };
    expect(dataset.meetings.map((m) => [m.date, m.city])).toEqual([["2024-10-01", "Lima"]]);
  });
});

describe("the working build of a released collection", () => {
  it("shows the IDs the latest release published, so current/ and the release agree row for row", async () => {
    const root = tempDir("continuity");
    const latest = latestRelease(join(REPO, "datasets"), "moscow-format") ?? expect.fail("no release of the seeds");
    const released = join(REPO, "datasets", "moscow-format", latest.version);
    cpSync(released, join(root, "datasets", "moscow-format", latest.version), { recursive: true });
    const build = join(root, "pipelines", "moscow-format", "build");
    const current = join(root, "datasets", "moscow-format", "current");
    await stagesThrough(
      "export",
      context(SEEDS_DIR, build, current, join(REPO, "pipelines", "moscow-format", "curation.yaml")),
    );
    const derived = JSON.parse(readFileSync(join(build, "normalize", "dataset.json"), "utf8")) as {
      meetings: Array<{ meeting_id: string }>;
    };
    // The build derives series-and-round IDs; the release published date-and-city ones, and they are kept.
    expect(derived.meetings.map((m) => m.meeting_id)).toContain("meeting:moscow-format:7");
    // Every table; redirects.csv belongs to a release, not to a build.
    for (const file of readdirSync(released).filter((f) => f.endsWith(".csv") && f !== "redirects.csv")) {
      expect(readFileSync(join(current, file), "utf8"), file).toBe(readFileSync(join(released, file), "utf8"));
    }
  }, 120_000);
});
