import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError, TABLE_NAMES } from "@parley/model";
import { buildSite } from "../src/index.ts";
import { REPO } from "./_browser.ts";

const made: string[] = [];
function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `parley-site-${label}-`));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash("sha256").update(readFileSync(p)).digest("hex"));
    }
  };
  walk(dir);
  return out;
}

const DATASETS = join(REPO, "datasets");
/** The latest release of the seed collection: what the site shows by default, and a working build starts from. */
const LATEST =
  (JSON.parse(readFileSync(join(DATASETS, "index.json"), "utf8")) as { collections: Array<{ latest: string }> })
    .collections[0]?.latest ?? "";

describe("buildSite on the published datasets", () => {
  it("is deterministic: two builds are byte-identical", () => {
    const a = join(tempDir("a"), "site");
    const b = join(tempDir("b"), "site");
    buildSite({ datasetsRoot: DATASETS, outDir: a });
    buildSite({ datasetsRoot: DATASETS, outDir: b });
    const first = hashTree(a);
    expect(first.size).toBeGreaterThan(20);
    expect(hashTree(b)).toEqual(first);
  });

  it("shows each meeting's confidence on its page, from the release that publishes one", () => {
    const out = join(tempDir("confidence"), "site");
    buildSite({ datasetsRoot: DATASETS, outDir: out });
    const meetings = JSON.parse(
      readFileSync(join(DATASETS, "moscow-format", LATEST, "meetings.json"), "utf8"),
    ) as Array<{
      meeting_id: string;
      confidence: number | null;
    }>;
    const pages = readdirSync(join(out, "moscow-format", "meetings")).map((f) =>
      readFileSync(join(out, "moscow-format", "meetings", f), "utf8"),
    );
    const shown = pages
      .map((page) => /<dt>Confidence<\/dt><dd>([\d.]+)/.exec(page)?.[1])
      .filter(Boolean)
      .sort();
    expect(shown).toEqual(meetings.map((m) => m.confidence?.toFixed(2)).sort());
    expect(shown.length).toBeGreaterThan(0);
  });

  it("copies every published file for download, byte for byte, and lists it with its checksum", () => {
    const out = join(tempDir("files"), "site");
    buildSite({ datasetsRoot: DATASETS, outDir: out });
    const index = JSON.parse(readFileSync(join(DATASETS, "index.json"), "utf8")) as {
      collections: Array<{
        name: string;
        versions: Array<{ version: string; files: Array<{ name: string; sha256: string }> }>;
      }>;
    };
    for (const c of index.collections) {
      for (const v of c.versions) {
        const page = readFileSync(join(out, c.name, v.version, "index.html"), "utf8");
        for (const f of v.files) {
          const copied = createHash("sha256")
            .update(readFileSync(join(out, c.name, v.version, f.name)))
            .digest("hex");
          expect(copied, f.name).toBe(f.sha256);
          expect(page).toContain(`<code class="sha256">${f.sha256}</code>`);
        }
        expect(page).toContain('href="SHA256SUMS"');
      }
    }
  });

  it("replaces a site it built, and refuses a folder it did not build", () => {
    const root = tempDir("refuse");
    const out = join(root, "site");
    buildSite({ datasetsRoot: DATASETS, outDir: out });
    writeFileSync(join(out, "stale.html"), "old");
    buildSite({ datasetsRoot: DATASETS, outDir: out });
    expect(readdirSync(out)).not.toContain("stale.html");
    const foreign = join(root, "mine");
    mkdirSync(foreign);
    writeFileSync(join(foreign, "notes.txt"), "keep me");
    expect(() => buildSite({ datasetsRoot: DATASETS, outDir: foreign })).toThrow(InputError);
    expect(readFileSync(join(foreign, "notes.txt"), "utf8")).toBe("keep me");
  });

  it("with --current, shows the working build and its rows", () => {
    const datasets = join(tempDir("current"), "datasets");
    cpSync(DATASETS, datasets, { recursive: true });
    const current = join(datasets, "moscow-format", "current");
    // A working build the developer made is not part of the published datasets this test starts from.
    rmSync(current, { recursive: true, force: true });
    mkdirSync(current);
    for (const name of TABLE_NAMES)
      cpSync(join(datasets, "moscow-format", LATEST, `${name}.json`), join(current, `${name}.json`));
    const meetings = JSON.parse(readFileSync(join(current, "meetings.json"), "utf8")) as Array<{ name: string }>;
    meetings[0]!.name = "A meeting only the working build has";
    writeFileSync(join(current, "meetings.json"), JSON.stringify(meetings));
    const out = join(tempDir("current-site"), "site");
    buildSite({ datasetsRoot: datasets, outDir: out, current: true });
    const home = readFileSync(join(out, "index.html"), "utf8");
    expect(home).toContain('href="moscow-format/current/index.html"');
    expect(home).toContain("A meeting only the working build has");
    expect(readFileSync(join(out, "moscow-format/current/index.html"), "utf8")).toContain("working build");
    const without = join(tempDir("released-site"), "site");
    buildSite({ datasetsRoot: datasets, outDir: without });
    expect(readFileSync(join(without, "index.html"), "utf8")).not.toContain("A meeting only the working build has");
  });
});

describe("reading the datasets", () => {
  it.each([
    ["index.json", "not json", /not JSON/],
    [
      "index.json",
      JSON.stringify({ collections: [{ name: "Bad Name", title: null, latest: "1.0.0", versions: [] }] }),
      /collections\.0\.name/,
    ],
    [`moscow-format/${LATEST}/quotes.json`, JSON.stringify([{ quote_id: "q" }]), /the quotes table: 0\.text/],
  ])("reports a broken %s with the file and what is wrong", (file, content, message) => {
    const datasets = join(tempDir("broken"), "datasets");
    cpSync(DATASETS, datasets, { recursive: true });
    writeFileSync(join(datasets, file), content);
    const out = join(tempDir("broken-site"), "site");
    let error: unknown;
    try {
      buildSite({ datasetsRoot: datasets, outDir: out });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]?.file).toBe(join(datasets, file));
    expect((error as InputError).message).toMatch(message);
  });
});
