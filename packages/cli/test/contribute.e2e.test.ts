import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PARLEY_BIN as BIN } from "./_bin.ts";

// A contributor's path on a copy of the collection: add a saved page, check, break it, check again.
const REPO = join(import.meta.dirname, "../../..");
const FIXTURES = join(REPO, "packages/contribute/test/fixtures");
const work = mkdtempSync(join(tmpdir(), "parley-contrib-"));
const sources = join(work, "pipelines/moscow-format/sources");
const release = join(work, "datasets/moscow-format/0.1.0");

function parley(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, INIT_CWD: work, CI: "true" };
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: work,
    env,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const sourceNames = (): string[] => readdirSync(sources).sort();
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((n) => [n, readFileSync(join(dir, n), "utf8")]),
  );

beforeAll(() => {
  writeFileSync(join(work, "pnpm-workspace.yaml"), "packages: []\n");
  cpSync(join(REPO, "pipelines/registry"), join(work, "pipelines/registry"), { recursive: true });
  cpSync(join(REPO, "pipelines/moscow-format/collection.yaml"), join(work, "pipelines/moscow-format/collection.yaml"));
  cpSync(join(REPO, "pipelines/moscow-format/sources"), sources, { recursive: true });
  // The latest release: the seed articles only, cut by the real command, so the summary shows what the new article adds.
  const cut = parley("release", "--version", "0.1.0");
  if (cut.status !== 0) throw new Error(`release failed: ${cut.stderr}`);
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("add → check on a copy of the collection", () => {
  let added = "";

  it("adds a saved news page with its metadata", () => {
    const before = sourceNames();
    const run = parley("add", join(FIXTURES, "caspian-ledger-moscow-talks-2025.html"));
    expect(run.status, run.stderr).toBe(0);
    const created = sourceNames().filter((n) => !before.includes(n));
    expect(created).toHaveLength(1);
    added = created[0] ?? "";
    expect(added).toMatch(/^005_[0-9a-f]{16}\.md$/);
    expect(run.stdout).toContain(`added pipelines/moscow-format/sources/${added}`);
    const text = readFileSync(join(sources, added), "utf8");
    expect(text.split("\n").slice(0, 7)).toEqual([
      "---",
      'title: "Regional envoys back Russia’s line on foreign bases at Moscow talks on Afghanistan"',
      "publisher: The Caspian Ledger",
      "published: 2025-10-07",
      "url: https://www.caspianledger.example/world/asia/2025/10/07/moscow-format-envoys-reject-foreign-bases-afghanistan/",
      "language: en",
      "---",
    ]);
    expect(text).toContain(
      "was “categorically unacceptable under any pretext”, in a message aimed squarely at Washington.",
    );
    expect(text).not.toContain("Advertisement");
  }, 60_000);

  it("checks green and summarizes the new rows with their evidence, without touching the release", () => {
    const releaseBefore = snapshot(release);
    const run = parley("check");
    expect(run.status, run.stderr).toBe(0);
    const source = added.replace(/\.md$/, "");
    expect(run.stdout).toContain("✅ Every source and curated file passed the check.");
    expect(run.stdout).toContain("Compared with release 0.1.0.");
    expect(run.stdout).toContain("| sources | 1 | 0 | 0 | 6 |");
    expect(run.stdout).toContain(
      `### New sources (1)\n\n- \`${source}\` **Regional envoys back Russia’s line on foreign bases at Moscow talks on Afghanistan**, The Caspian Ledger, 2025-10-07`,
    );
    // Lavrov's words are a new quote, or a known one the article repeats (its sources change): either way the
    // summary lists it with the new article's sentence as evidence.
    const lines = run.stdout.split("\n");
    const evidence = new RegExp(
      `^ {2}> Russia’s foreign minister Sergey Lavrov told regional envoys gathered in Moscow on Tuesday .*\\(\`${source}\`\\)$`,
    );
    const lavrov = lines.findIndex(
      (l, i) => /^- (quotes: )?\*\*Sergey Lavrov\*\*/.test(l) && evidence.test(lines[i + 1] ?? ""),
    );
    expect(lavrov).toBeGreaterThan(0);
    expect(lines.slice(0, lavrov).some((l) => /^### (New quotes|Changed rows) \(\d+\)$/.test(l))).toBe(true);
    expect(run.stderr).toContain("check passed");
    const summaryFile = join(work, "pipelines/moscow-format/build/check-summary.md");
    expect(readFileSync(summaryFile, "utf8")).toBe(run.stdout);
    expect(snapshot(release)).toEqual(releaseBefore);
    expect(existsSync(join(work, "datasets/moscow-format/current"))).toBe(false);
  }, 60_000);

  it("refuses the same article again, naming the file that holds it, and writes nothing", () => {
    const before = sourceNames();
    const run = parley("add", join(FIXTURES, "caspian-ledger-moscow-talks-2025.html"));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `the article is already in the collection as pipelines/moscow-format/sources/${added} (same URL)`,
    );
    expect(sourceNames()).toEqual(before);
  }, 60_000);

  it("adds plain text with the fields given as flags, and refuses a malformed flag without writing", () => {
    const text = join(work, "tashkent.txt");
    writeFileSync(
      text,
      "Special envoys met in Tashkent on Tuesday to prepare the Kazan round of consultations on Afghanistan, officials said.\r\n",
    );
    const before = sourceNames();
    const wrong = parley("add", text, "--published", "26/09/2023");
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(
      "--published: '26/09/2023' is not a date as YYYY-MM-DD (or YYYY-MM, YYYY) — pass --published with a date as YYYY-MM-DD (or YYYY-MM, YYYY), or leave it out",
    );
    expect(sourceNames()).toEqual(before);
    const run = parley(
      "add",
      text,
      "--title",
      "Envoys meet in Tashkent ahead of Kazan talks",
      "--publisher",
      "Steppe Post",
      "--published",
      "2023-09-26",
      "--url",
      "https://steppepost.example/news/politics/envoys-meet-in-tashkent-20880",
    );
    expect(run.status, run.stderr).toBe(0);
    const file = sourceNames().find((n) => !before.includes(n)) ?? "";
    expect(readFileSync(join(sources, file), "utf8")).toBe(
      '---\ntitle: "Envoys meet in Tashkent ahead of Kazan talks"\npublisher: Steppe Post\npublished: 2023-09-26\nurl: https://steppepost.example/news/politics/envoys-meet-in-tashkent-20880\nlanguage: en\n---\nSpecial envoys met in Tashkent on Tuesday to prepare the Kazan round of consultations on Afghanistan, officials said.\n',
    );
    rmSync(join(sources, file));
  }, 60_000);

  it("writes MISSING for what a page does not say, and check reports each with its line", () => {
    const run = parley("add", join(FIXTURES, "kabul-desk-doha-meeting-2024.html"), "--collection", "moscow-format");
    expect(run.status, run.stderr).toBe(0);
    const file = sourceNames().find((n) => n.startsWith("006_")) ?? "";
    const path = `pipelines/moscow-format/sources/${file}`;
    expect(readFileSync(join(sources, file), "utf8")).toContain(
      "publisher: MISSING\npublished: MISSING\nurl: MISSING\n",
    );
    const checked = parley("check", "--summary", join(work, "summary.md"));
    expect(checked.status).toBe(1);
    const lines = checked.stderr.split("\n").filter((l) => l.startsWith(path));
    expect(lines).toEqual([
      `${path}:3: 'publisher' is marked MISSING: it was not found in the article — write the name of the newspaper or site, e.g. publisher: Reuters`,
      `${path}:4: 'published' is marked MISSING: it was not found in the article — write the date the article was published as YYYY-MM-DD (YYYY-MM or YYYY if the page gives no day)`,
      `${path}:5: 'url' is marked MISSING: it was not found in the article — paste the article's web address starting with https://, or delete the line if the article was never online`,
    ]);
    expect(readFileSync(join(work, "summary.md"), "utf8")).toContain("❌ 3 problem(s) must be fixed");
    rmSync(join(sources, file));
  }, 60_000);

  it("reports broken front matter with file and line, exits non-zero and changes no dataset", () => {
    const file = join(sources, added);
    const good = readFileSync(file, "utf8");
    writeFileSync(
      file,
      good
        .replace("published: 2025-10-07", "published: 2025-10-32")
        .replace("language: en", "language: en\nauthor: Dilnoza Karimova"),
    );
    const releaseBefore = snapshot(release);
    const run = parley("check");
    expect(run.status).toBe(1);
    const path = `pipelines/moscow-format/sources/${added}`;
    expect(run.stderr.split("\n").filter((l) => l.startsWith(path))).toEqual([
      `${path}:4: 'published' is "2025-10-32", not a date as YYYY, YYYY-MM or YYYY-MM-DD — write the date the article was published as YYYY-MM-DD (YYYY-MM or YYYY if the page gives no day)`,
      `${path}:7: unknown field 'author' — correct its name or delete the line; the fields are title, title_is_headline, publisher, published, url, language, retrieved`,
    ]);
    expect(run.stdout).toContain("The dataset was not built");
    expect(snapshot(release)).toEqual(releaseBefore);
    writeFileSync(file, good);
  }, 60_000);
});
