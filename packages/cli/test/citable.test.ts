import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDataset } from "@parley/pipeline";
import { readRelease } from "@parley/release";
import { runRelease } from "../src/commands/release.ts";
import { buildFolder, REGISTRY_DIR, REPO, SEEDS_DIR } from "./_helpers.ts";

// What a researcher checks before citing the dataset, on the seed articles as they are.
const CURATION = join(REPO, "pipelines/moscow-format/curation.yaml");
const seeds = (
  await buildDataset({
    sourcesDir: SEEDS_DIR,
    registryDir: REGISTRY_DIR,
    curationFile: CURATION,
    cacheDir: null,
    workers: 0,
  })
).dataset;

/** The body of a source file: everything after its front matter, as a researcher would read it. */
const bodyOf = (file: string): string =>
  readFileSync(file, "utf8")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .slice(readFileSync(file, "utf8").split("\n").indexOf("---", 1) + 1)
    .join("\n");

/** Slices each body in Python, by code points, at each span: what a researcher's script would get. */
function sliceInPython(rows: Array<{ file: string; start: number; end: number }>): string[] {
  const script =
    "import json,sys\nrows=json.load(sys.stdin)\nprint(json.dumps([open(r['file'],encoding='utf-8',newline='').read().split('\\n---\\n',1)[1][r['start']:r['end']] for r in rows]))";
  const run = spawnSync("python3", ["-c", script], { input: JSON.stringify(rows), encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[];
}

const fileOf =
  (dir: string) =>
  (sourceId: string | null): string =>
    join(dir, `${sourceId}.md`);

describe("a dataset researchers can cite, on the seeds", () => {
  it("slicing each source's body in Python at a quote_sources or evidence span gives exactly the stored text", () => {
    const file = fileOf(SEEDS_DIR);
    const spans = [
      ...seeds.quote_sources.map((q) => ({ file: file(q.source_id), start: q.start, end: q.end, text: q.text })),
      ...seeds.evidence
        .filter((e) => e.origin === "source")
        .map((e) => ({ file: file(e.source_id), start: e.start ?? 0, end: e.end ?? 0, text: e.sentence })),
    ];
    expect(spans.length).toBeGreaterThan(100);
    expect(sliceInPython(spans)).toEqual(spans.map((s) => s.text));
    // Source 000 holds emoji: UTF-16 offsets would drift there.
    expect(spans.some((s) => s.file.includes("000_") && s.start > 100)).toBe(true);
    expect(bodyOf(file("000_19d7d37b3b019f88")).length).toBeGreaterThan(
      [...bodyOf(file("000_19d7d37b3b019f88"))].length,
    );
  }, 30_000);

  it("keeps each source's spelling: the quote is the first source's words, every source's own wording in quote_sources", () => {
    const quote = seeds.quotes.find((q) => q.quote_id === "quote:a51a505ad579");
    expect(quote?.source_ids).toEqual(["000_19d7d37b3b019f88", "001_6c501f1b971020b6", "002_a14f13557b4ea54b"]);
    expect(quote?.text).toContain("neighboring states");
    const wordings = seeds.quote_sources
      .filter((q) => q.quote_id === "quote:a51a505ad579")
      .map((q) => [q.source_id, q.text.includes("neighbouring") ? "neighbouring" : "neighboring"]);
    expect(wordings).toEqual([
      ["000_19d7d37b3b019f88", "neighboring"],
      ["001_6c501f1b971020b6", "neighboring"],
      ["002_a14f13557b4ea54b", "neighbouring"],
    ]);
  });

  it("no quote ends in the attribution's comma", () => {
    expect(seeds.quotes.filter((q) => /[,;:]\s*$/.test(q.text)).map((q) => q.text)).toEqual([]);
    expect(seeds.quote_sources.filter((q) => /[,;:]\s*$/.test(q.text)).map((q) => q.text)).toEqual([]);
    expect(seeds.quotes.find((q) => q.quote_id === "quote:036964064648")?.text).toBe(
      "We are trying to get it back, by the way",
    );
  });

  it("gives roles as the article writes them, grouped by the vocabulary, with the country of a role speaker's institution", () => {
    const muttaqi = seeds.quotes.find((q) => q.quote_id === "quote:cb7169acdac1");
    expect([muttaqi?.speaker_role, muttaqi?.speaker_role_key]).toEqual([
      "Acting Foreign Minister",
      "acting-foreign-minister",
    ]);
    expect(
      seeds.roles.filter((r) => r.person_id === "person:amir-khan-muttaqi").map((r) => [r.role, r.role_key]),
    ).toEqual([
      ["Acting Foreign Minister", "acting-foreign-minister"],
      ["Foreign Minister", "foreign-minister"],
    ]);
    const spokesperson = seeds.quotes.find((q) => q.speaker_name === "State Department spokesperson");
    expect([spokesperson?.speaker_type, spokesperson?.speaker_country, spokesperson?.speaker_role_key]).toEqual([
      "role",
      "USA",
      "spokesperson",
    ]);
    expect(seeds.quotes.filter((q) => q.speaker_type === "role" && q.speaker_country === null)).toEqual([]);
  });

  it("tells a quote's kind and medium only where the text says: a written greeting, an interview, a fragment", () => {
    const kind = (id: string) => seeds.quotes.find((q) => q.quote_id === id);
    expect([kind("quote:74fb8aba7370")?.kind, kind("quote:74fb8aba7370")?.medium]).toEqual(["written", "letter"]);
    expect([kind("quote:036964064648")?.kind, kind("quote:036964064648")?.medium]).toEqual(["direct", "interview"]);
    expect(kind("quote:c484b04035c2")?.kind).toBe("partial");
    expect(kind("quote:a51a505ad579")?.said_on).toBe("2025-10-07");
    expect(seeds.quotes.filter((q) => q.translated !== null)).toEqual([]);
  });

  it("reports participation with the words that support it, and marks curated fields with their reason", () => {
    const lavrov = seeds.attendees.find((a) => a.attendee_id === "meeting:2023-09-29:kazan/person:sergey-lavrov");
    expect([lavrov?.participation, lavrov?.basis]).toEqual(["written", "written greeting"]);
    expect(seeds.attendees.filter((a) => (a.participation === "unknown") !== (a.basis === null))).toEqual([]);
    const kazan = seeds.meetings.find((m) => m.meeting_id === "meeting:2023-09-29:kazan");
    expect(kazan?.curated_fields).toEqual(["name", "series"]);
    const reasons = seeds.evidence.filter((e) => e.record_id === "meeting:2023-09-29:kazan" && e.origin === "curation");
    expect(reasons.map((e) => e.field)).toEqual(["name", "series"]);
    expect(reasons[1]?.sentence).toMatch(/^the Kazan talks of 29 September 2023/);
  });
});

describe("code points, not UTF-16 units", () => {
  it("slices an article holding an emoji and a combining accent as Python does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-codepoints-"));
    const accent = "Jose\u0301";
    writeFileSync(
      join(dir, "001_emoji.md"),
      `---\ntitle: "Envoys meet in Lima"\npublisher: Example Wire\npublished: 2024-10-04\nurl: https://example.org/lima\n---\n🇵🇪 🤝 ${accent} Roe, the Foreign Minister of Peru, met John Doe in Lima on Friday.\n“We will keep talking until the region is at peace,” ${accent} Roe said after the talks in Lima.\n`,
    );
    const built = (await buildFolder(dir)).dataset;
    const rows = [
      ...built.quote_sources.map((q) => ({
        file: join(dir, `${q.source_id}.md`),
        start: q.start,
        end: q.end,
        text: q.text,
      })),
      ...built.evidence
        .filter((e) => e.origin === "source")
        .map((e) => ({ file: join(dir, `${e.source_id}.md`), start: e.start ?? 0, end: e.end ?? 0, text: e.sentence })),
    ];
    expect(built.quote_sources.map((q) => q.text)).toEqual(["We will keep talking until the region is at peace"]);
    expect(rows.length).toBeGreaterThan(1);
    expect(sliceInPython(rows)).toEqual(rows.map((r) => r.text));
  }, 30_000);
});

describe("meeting IDs that survive a refined date", () => {
  it("keeps the ID published when a source later gives the meeting's day", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-refine-"));
    mkdirSync(join(dir, "sources"));
    const kazan = readFileSync(join(SEEDS_DIR, "003_96bfffb7ac8232e6.md"), "utf8");
    // First only the month is known: "Friday" cannot be resolved to a day.
    writeFileSync(
      join(dir, "sources", "003_96bfffb7ac8232e6.md"),
      kazan.replace("published: 2023-09-29", "published: 2023-09"),
    );
    writeFileSync(
      join(dir, "collection.yaml"),
      `name: moscow-format\ntitle: Moscow Format\ndescription: Kazan.\nlicense: ODC-BY-1.0\nregistry: ${JSON.stringify(REGISTRY_DIR)}\n`,
    );
    writeFileSync(join(dir, "curation.yaml"), "[]\n");
    const datasets = join(dir, "datasets");
    const quiet = { log: () => undefined };
    expect(
      await runRelease({ collectionDir: dir, datasetsRoot: datasets, created: "2026-12-01T00:00:00Z", ...quiet }),
    ).toBe("1.0.0");
    const first = readRelease(join(datasets, "moscow-format", "1.0.0"), "1.0.0").dataset.meetings;
    expect(first.map((m) => [m.meeting_id, m.date])).toEqual([["meeting:2023-09:kazan", "2023-09"]]);
    // The day becomes known: the build derives another key, the release keeps the published one.
    cpSync(join(SEEDS_DIR, "003_96bfffb7ac8232e6.md"), join(dir, "sources", "003_96bfffb7ac8232e6.md"));
    const version = await runRelease({
      collectionDir: dir,
      datasetsRoot: datasets,
      created: "2026-12-02T00:00:00Z",
      ...quiet,
    });
    const second = readRelease(join(datasets, "moscow-format", version as string), version as string);
    expect(second.dataset.meetings.map((m) => [m.meeting_id, m.date])).toEqual([
      ["meeting:2023-09:kazan", "2023-09-29"],
    ]);
    expect(second.redirects).toEqual([]);
  }, 60_000);
});
