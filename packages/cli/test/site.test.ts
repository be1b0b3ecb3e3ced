import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, removeTempDirs, runParleyInProcess as runParley, tempDir } from "./_helpers.ts";

afterAll(removeTempDirs);

describe("parley site", () => {
  it("builds the catalog site from datasets/ into the folder given", async () => {
    const out = join(tempDir("site"), "site");
    const run = await runParley(["site", "--datasets", join(REPO, "datasets"), "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Built \d+ pages \(\d+ files\) in [\d.]+ s into /);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("Moscow Format consultations on Afghanistan");
    expect(existsSync(join(out, "moscow-format/1.0.0/meetings.csv"))).toBe(true);
  });

  it("refuses to replace a folder it did not build, with the path and a fix", async () => {
    const out = join(tempDir("site-foreign"), "notes");
    mkdirSync(out);
    writeFileSync(join(out, "mine.txt"), "keep");
    const run = await runParley(["site", "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${out}: the folder exists and is not a site built by parley — choose an empty or new folder for --out`,
    );
    expect(readFileSync(join(out, "mine.txt"), "utf8")).toBe("keep");
  });
});
