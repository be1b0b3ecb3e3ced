import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Dataset, InputError, TABLE_NAMES, TABLES, type TableName } from "@parley/model";
import { readRelease } from "@parley/release";
import { keyOf } from "@parley/diff";
import { runDiff } from "../src/commands/diff.ts";
import { runRelease } from "../src/commands/release.ts";
import { buildDataset, listSourceFiles, runStage, type StageContext } from "@parley/pipeline";

const REPO = join(import.meta.dirname, "../../..");
const SEEDS = join(REPO, "pipelines/moscow-format/sources");
const REGISTRY = join(REPO, "pipelines/registry");
const SIXTH = join(import.meta.dirname, "fixtures/005_tashkent_transit_envoys.md");

/** A copy of the moscow-format collection in a temporary folder, without its row-count assertions (extraction changes elsewhere). */
function seedCollection(curation = "[]\n"): { dir: string; datasets: string } {
  const dir = mkdtempSync(join(tmpdir(), "parley-collection-"));
  cpSync(SEEDS, join(dir, "sources"), { recursive: true });
  writeFileSync(
    join(dir, "collection.yaml"),
    `name: moscow-format\ntitle: Moscow Format consultations on Afghanistan\ndescription: The seed articles.\nlicense: ODC-BY-1.0\nregistry: ${JSON.stringify(REGISTRY)}\n`,
  );
  writeFileSync(join(dir, "curation.yaml"), curation);
  return { dir, datasets: join(dir, "datasets") };
}

const quiet = { log: () => undefined };
const CREATED = "2026-11-23T13:00:00Z";

function keysOf(dataset: Dataset, table: TableName): Set<string> {
  const key = TABLES[table].key;
  return new Set(
    (dataset[table] as unknown as Array<Record<string, unknown>>).map((r) =>
      key !== null ? String(r[key]) : keyOf(table, r),
    ),
  );
}

/** The IDs a changelog entry lists under a table's "Added" heading. */
function listedAdded(entry: string, table: TableName): Set<string> {
  const section = entry.split(/^#{3,4} /m).find((s) => s.startsWith(`${table}\n`)) ?? "";
  const added = /Added \(\d+\):\n((?:- `[^`]+`[^\n]*\n?)+)/.exec(section)?.[1] ?? "";
  return new Set([...added.matchAll(/- `([^`]+)`/g)].map((m) => m[1] ?? ""));
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), "base64")]),
  );
}

/** 1.0.0 published from the seeds, then the sixth article added to the sources; with the datasets as they were. */
async function releasedThenSixthAdded(): Promise<{ dir: string; datasets: string; before: Record<string, string> }> {
  const { dir, datasets } = seedCollection();
  await runRelease({ collectionDir: dir, datasetsRoot: datasets, created: CREATED, ...quiet });
  cpSync(SIXTH, join(dir, "sources", basename(SIXTH)));
  return { dir, datasets, before: snapshot(datasets) };
}

describe("parley release on the seed articles", { timeout: 120_000 }, () => {
  it("publishes 1.0.0, then 1.1.0 after a sixth article: the changelog lists exactly the new rows and every 1.0.0 ID survives", async () => {
    const { dir, datasets } = seedCollection();
    const lines: string[] = [];
    expect(
      await runRelease({ collectionDir: dir, datasetsRoot: datasets, created: CREATED, log: (l) => lines.push(l) }),
    ).toBe("1.0.0");
    expect(lines.join("\n")).toMatch(/Proposed version: 1\.0\.0 \(major\), because:\n {2}- first release/);
    const v1dir = join(datasets, "moscow-format", "1.0.0");
    expect(spawnSync("sha256sum", ["-c", "--quiet", "SHA256SUMS"], { cwd: v1dir }).status).toBe(0);

    cpSync(SIXTH, join(dir, "sources", basename(SIXTH)));
    lines.length = 0;
    expect(
      await runRelease({
        collectionDir: dir,
        datasetsRoot: datasets,
        created: "2026-11-24T09:00:00Z",
        log: (l) => lines.push(l),
      }),
    ).toBe("1.1.0");
    expect(lines.join("\n")).toMatch(
      /Proposed version: 1\.1\.0 \(minor\), because:\n {2}- records added: sources 1 row/,
    );

    const v1 = readRelease(v1dir, "1.0.0").dataset;
    const v2 = readRelease(join(datasets, "moscow-format", "1.1.0"), "1.1.0").dataset;
    const changelog = readFileSync(join(datasets, "moscow-format", "CHANGELOG.md"), "utf8");
    const entry = changelog.slice(changelog.indexOf("## 1.1.0"), changelog.indexOf("## 1.0.0"));
    expect(entry).not.toMatch(/Removed \(/);
    for (const table of TABLE_NAMES) {
      const before = keysOf(v1, table);
      const after = keysOf(v2, table);
      const missing = [...before].filter((id) => !after.has(id));
      expect(missing, `${table}: IDs of 1.0.0 that 1.1.0 lost`).toEqual([]);
      expect(listedAdded(entry, table), `${table}: rows the changelog lists as added`).toEqual(
        new Set([...after].filter((id) => !before.has(id))),
      );
    }
    expect([...listedAdded(entry, "sources")]).toEqual([basename(SIXTH, ".md")]);
    expect(
      spawnSync("sha256sum", ["-c", "--quiet", "SHA256SUMS"], { cwd: join(datasets, "moscow-format", "1.1.0") }).status,
    ).toBe(0);
    const index = JSON.parse(readFileSync(join(datasets, "index.json"), "utf8")) as {
      collections: Array<{ name: string; latest: string }>;
    };
    expect(index.collections).toEqual([expect.objectContaining({ name: "moscow-format", latest: "1.1.0" })]);
  });

  it("publishes nothing, and says so, when re-run with no change", async () => {
    const { dir, datasets } = seedCollection();
    await runRelease({ collectionDir: dir, datasetsRoot: datasets, created: CREATED, ...quiet });
    const before = snapshot(datasets);
    const lines: string[] = [];
    expect(await runRelease({ collectionDir: dir, datasetsRoot: datasets, log: (l) => lines.push(l) })).toBeNull();
    expect(lines.join("\n")).toContain(
      "Nothing to release: the build matches 1.0.0 record for record; nothing was published.",
    );
    expect(snapshot(datasets)).toEqual(before);
  });

  it("refuses to overwrite a published version", async () => {
    const { dir, datasets, before } = await releasedThenSixthAdded();
    await expect(
      runRelease({ collectionDir: dir, datasetsRoot: datasets, version: "1.0.0", ...quiet }),
    ).rejects.toBeInstanceOf(InputError);
    expect(snapshot(datasets)).toEqual(before);
  });

  it("diff shows the record-level diff against the latest release and publishes nothing", async () => {
    const { dir, datasets, before } = await releasedThenSixthAdded();
    const lines: string[] = [];
    const plan = await runDiff({ collectionDir: dir, datasetsRoot: datasets, log: (l) => lines.push(l) });
    expect(plan.proposal?.version).toBe("1.1.0");
    expect(plan.diff.sources.added).toEqual([basename(SIXTH, ".md")]);
    expect(lines.join("\n")).toContain(`### sources\n\nAdded (1):\n- \`${basename(SIXTH, ".md")}\``);
    expect(lines.join("\n")).toContain("Nothing was published");
    expect(snapshot(datasets)).toEqual(before);
  });
});

describe("release and files it did not write", { timeout: 120_000 }, () => {
  const FIX = "choose a new or empty folder, or a datasets folder a previous release wrote";

  it("keeps a stray notes.txt beside the datasets and in the collection's folder, byte for byte, across releases", async () => {
    const { dir, datasets } = seedCollection();
    await runRelease({ collectionDir: dir, datasetsRoot: datasets, created: CREATED, ...quiet });
    writeFileSync(join(datasets, "notes.txt"), "my notes on the datasets\n");
    writeFileSync(join(datasets, "moscow-format", "notes.txt"), "my notes on the collection\n");
    cpSync(SIXTH, join(dir, "sources", basename(SIXTH)));
    expect(await runRelease({ collectionDir: dir, datasetsRoot: datasets, created: CREATED, ...quiet })).toBe("1.1.0");
    expect(readFileSync(join(datasets, "notes.txt"), "utf8")).toBe("my notes on the datasets\n");
    expect(readFileSync(join(datasets, "moscow-format", "notes.txt"), "utf8")).toBe("my notes on the collection\n");
    expect(readFileSync(join(datasets, "index.json"), "utf8")).not.toContain("notes.txt");
    for (const version of ["1.0.0", "1.1.0"]) {
      const check = spawnSync("sha256sum", ["-c", "--quiet", "SHA256SUMS"], {
        cwd: join(datasets, "moscow-format", version),
        encoding: "utf8",
      });
      expect(check.status, check.stdout + check.stderr).toBe(0);
    }
  });

  it("accepts a datasets folder whose first release was cut off before it wrote index.json", async () => {
    const { dir, datasets } = seedCollection();
    await runRelease({ collectionDir: dir, datasetsRoot: datasets, created: CREATED, ...quiet });
    rmSync(join(datasets, "index.json"));
    cpSync(SIXTH, join(dir, "sources", basename(SIXTH)));
    expect(await runRelease({ collectionDir: dir, datasetsRoot: datasets, created: CREATED, ...quiet })).toBe("1.1.0");
  });

  it.each<[string, (dir: string, datasets: string) => string, (dir: string, datasets: string) => string]>([
    [
      "a folder of other things",
      (_dir, datasets) => {
        mkdirSync(join(datasets, "photos"), { recursive: true });
        writeFileSync(join(datasets, "thesis.docx"), "chapter one");
        return datasets;
      },
      (_dir, datasets) => `${datasets} holds files that are not Parley datasets (photos/, thesis.docx)`,
    ],
    [
      "a web project with an index.json of its own",
      (_dir, datasets) => {
        mkdirSync(datasets, { recursive: true });
        writeFileSync(join(datasets, "index.json"), '{"name": "my-site"}\n');
        return datasets;
      },
      (_dir, datasets) => `${datasets} holds files that are not Parley datasets (index.json)`,
    ],
    [
      "a file",
      (_dir, datasets) => (writeFileSync(datasets, "mine"), datasets),
      (_dir, datasets) => `${datasets} is a file`,
    ],
    ["the sources folder", (dir) => join(dir, "sources"), (dir) => `${join(dir, "sources")} is the sources folder`],
    [
      "a folder inside the registry",
      () => join(REGISTRY, "datasets"),
      () => `${join(REGISTRY, "datasets")} is inside the registry (${REGISTRY})`,
    ],
  ])("refuses --datasets at %s before building, and writes nothing", async (_label, prepare, problem) => {
    const { dir, datasets } = seedCollection();
    // A build would stop at this file: the refusal must come first.
    writeFileSync(join(dir, "sources", "broken.md"), "no front matter\n");
    const root = prepare(dir, datasets);
    const before = { collection: snapshot(dir), registry: snapshot(REGISTRY) };
    await expect(runRelease({ collectionDir: dir, datasetsRoot: root, created: CREATED, ...quiet })).rejects.toThrow(
      `--datasets: ${problem(dir, datasets)} — ${FIX}`,
    );
    expect({ collection: snapshot(dir), registry: snapshot(REGISTRY) }).toEqual(before);
  });
});

describe("stable IDs", { timeout: 120_000 }, () => {
  it.each(readdirSync(SEEDS).filter((f) => f.endsWith(".md")))(
    "survive adding the seed article %s to the others",
    async (held) => {
      const { dir, datasets } = seedCollection();
      const heldOut = join(tmpdir(), `parley-held-${process.pid}-${held}`);
      renameSync(join(dir, "sources", held), heldOut);
      expect(await runRelease({ collectionDir: dir, datasetsRoot: datasets, created: CREATED, ...quiet })).toBe(
        "1.0.0",
      );
      renameSync(heldOut, join(dir, "sources", held));
      expect(await runRelease({ collectionDir: dir, datasetsRoot: datasets, created: CREATED, ...quiet })).toBe(
        "1.1.0",
      );
      const v1 = readRelease(join(datasets, "moscow-format", "1.0.0"), "1.0.0").dataset;
      const v2 = readRelease(join(datasets, "moscow-format", "1.1.0"), "1.1.0").dataset;
      for (const table of ["meetings", "attendees", "quotes", "people", "sources"] as const) {
        const after = keysOf(v2, table);
        expect(
          [...keysOf(v1, table)].filter((id) => !after.has(id)),
          `${table} IDs lost`,
        ).toEqual([]);
      }
    },
  );

  const build = async (files: string[]): Promise<Dataset> =>
    (await buildDataset({ sourcesDir: SEEDS, files, registryDir: REGISTRY, cacheDir: null, workers: 0 })).dataset;
  const ids = (dataset: Dataset) => ({
    meetings: [...keysOf(dataset, "meetings")].sort(),
    attendees: [...keysOf(dataset, "attendees")].sort(),
    quotes: [...keysOf(dataset, "quotes")].sort(),
    people: [...keysOf(dataset, "people")].sort(),
  });

  it("do not depend on the order the sources are read in", async () => {
    const files = [...listSourceFiles(SEEDS), SIXTH];
    const reference = await build(files);
    // Fixed permutations, so a failure can be reproduced.
    for (const order of [
      [5, 4, 3, 2, 1, 0],
      [2, 5, 0, 3, 1, 4],
      [1, 0, 3, 2, 5, 4],
    ]) {
      expect(await build(order.map((i) => files[i] ?? ""))).toEqual(reference);
    }
  });

  it("do not depend on how source files are named, which decides the order they are merged in", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-renamed-"));
    const files = [...listSourceFiles(SEEDS), SIXTH];
    // Reverse prefixes put the last article first.
    const renamed = files.map((file, i) => {
      const target = join(dir, `${String.fromCharCode(122 - i)}_${basename(file)}`);
      cpSync(file, target);
      return target;
    });
    expect(ids(await build(renamed))).toEqual(ids(await build(files)));
  });
});

describe("curation in the staged build", { timeout: 120_000 }, () => {
  it("the normalize stage applies the collection's curation.yaml and warns about a stale entry", async () => {
    const { dir } = seedCollection();
    const buildDir = join(dir, "build");
    const ctx: StageContext = {
      sourcesDir: join(dir, "sources"),
      registryDir: REGISTRY,
      buildDir,
      curationFile: join(dir, "curation.yaml"),
      assertions: { min_rows: {}, max_rows: {} },
      destination: join(dir, "out"),
      publishOptions: {},
    };
    for (const stage of ["ingest", "extract", "normalize"] as const) await runStage(stage, ctx);
    const plain = JSON.parse(readFileSync(join(buildDir, "normalize", "dataset.json"), "utf8")) as Dataset;
    const rejected = plain.quotes[0]?.quote_id;
    expect(rejected).toBeDefined();
    writeFileSync(
      join(dir, "curation.yaml"),
      `- action: reject\n  id: ${rejected}\n  reason: test\n- action: reject\n  id: quote:000000000000\n  reason: stale\n`,
    );
    await runStage("normalize", ctx);
    const curated = JSON.parse(readFileSync(join(buildDir, "normalize", "dataset.json"), "utf8")) as Dataset;
    const summary = JSON.parse(readFileSync(join(buildDir, "normalize", "summary.json"), "utf8")) as {
      warnings: string[];
    };
    expect(curated.quotes.map((q) => q.quote_id)).toEqual(
      plain.quotes.map((q) => q.quote_id).filter((id) => id !== rejected),
    );
    expect(summary.warnings).toContain(
      `${join(dir, "curation.yaml")}:4: reject quote:000000000000 matches no row — update the ID or remove the correction if it is no longer needed`,
    );
  });
});
