import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PARLEY_BIN, PARLEY_TSX_BIN } from "./_bin.ts";

const root = join(import.meta.dirname, "../../..");
const seeds = join(root, "pipelines/moscow-format/sources");

// The per-article cache of these builds stays in a folder of the test run, not in the user's ~/.cache.
const cacheDir = mkdtempSync(join(tmpdir(), "parley-build-cache-"));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

function parley(args: string[], bin = PARLEY_BIN) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CI: "true", PARLEY_CACHE_DIR: cacheDir },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const CONTRACT: Record<string, string> = {
  "sources.csv": "source_id,title,publisher,url,published",
  "meetings.csv": "meeting_id,name,series,round,date,city,country,source_ids",
  "attendees.csv": "attendee_id,meeting_id,attendee_type,person_id,name,role,country,participation,source_ids",
  "quotes.csv": "quote_id,text,speaker_type,speaker_id,speaker_name,speaker_role,speaker_country,meeting_id,source_ids",
  "people.csv": "person_id,name,aliases,country",
};

// Each test runs the real command, a whole build: seconds on a busy machine, not the default 5.
describe("parley build --sources --out", { timeout: 60_000 }, () => {
  const out1 = join(mkdtempSync(join(tmpdir(), "parley-build-")), "out");
  const out2 = join(mkdtempSync(join(tmpdir(), "parley-build-")), "out");
  const first = parley(["build", "--sources", seeds, "--out", out1]);
  // The second build runs the command as users do (sources through tsx): the bundle the other spawning
  // tests run must write the very same bytes.
  const second = parley(["build", "--sources", seeds, "--out", out2], PARLEY_TSX_BIN);

  it("writes the dataset files with the contract's columns and a summary", () => {
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.status).toBe(0);
    for (const [file, columns] of Object.entries(CONTRACT)) {
      const header = readFileSync(join(out1, file), "utf8").split("\n")[0] ?? "";
      const wanted = columns.split(",");
      // Contract columns come in this order; added columns may stand between them.
      expect(header.split(",").filter((c) => wanted.includes(c))).toEqual(wanted);
      expect(existsSync(join(out1, file.replace(".csv", ".json")))).toBe(true);
    }
    expect(first.stdout).toContain("sources read: 5");
    expect(first.stdout).toMatch(/quotes\s+\d+/);
  });

  it("gives byte-identical files on a second build", () => {
    for (const file of readdirSync(out1)) {
      expect(readFileSync(join(out2, file), "utf8"), file).toBe(readFileSync(join(out1, file), "utf8"));
    }
    expect(second.status).toBe(0);
  });

  it("says what a rebuild changed against the dataset it replaces", () => {
    expect(first.stdout).toContain("Changes: first build of this dataset");
    const again = parley(["build", "--sources", seeds, "--out", out1]);
    expect(again.stdout).toMatch(/Changes against the previous build:\n\s+sources\s+unchanged/);
  });

  it("fails on a bad source with path:line, no stack trace and no output", () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-bad-"));
    cpSync(seeds, dir, { recursive: true });
    writeFileSync(
      join(dir, "broken.md"),
      "---\ntitle: A title\npublisher: A paper\n---\nRussia hosted talks on Friday.\n",
    );
    writeFileSync(join(dir, "yaml.md"), "---\ntitle: [unclosed\npublished: 2024\n---\nText of an article.\n");
    const out = join(mkdtempSync(join(tmpdir(), "parley-build-")), "out");
    const run = parley(["build", "--sources", dir, "--out", out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${join(dir, "broken.md")}:2: 'published'`);
    expect(run.stderr).toContain(`${join(dir, "yaml.md")}:3: YAML cannot be read`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });

  it("explains a usage mistake", () => {
    const run = parley(["build", "--sources", seeds]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("--sources and --out go together");
  });
});
