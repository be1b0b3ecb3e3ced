import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Dataset, InputError } from "@parley/model";
import {
  buildAndPublish,
  buildDataset,
  changesBetween,
  readPublishedDataset,
  runStage,
  STAGE_NAMES,
  STAGES,
} from "../src/index.ts";

const REPO = join(import.meta.dirname, "../../..");
const SEEDS = join(REPO, "pipelines/moscow-format/sources");
const REGISTRY = join(REPO, "pipelines/registry");
const NO_ASSERTIONS = { min_rows: {}, max_rows: {} };

const made: string[] = [];
const tempDir = (label: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `parley-pipeline-${label}-`));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** sha256 of every file of a folder (not below), by name. */
function hashFolder(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((n) => [
        n,
        createHash("sha256")
          .update(readFileSync(join(dir, n)))
          .digest("hex"),
      ]),
  );
}

/** A copy of the seed sources, to add to and change. */
function seedCopy(): string {
  const dir = join(tempDir("sources"), "sources");
  cpSync(SEEDS, dir, { recursive: true });
  return dir;
}

const quiet = { stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream };

describe("the runner on the seed articles", { timeout: 120_000 }, () => {
  it("gives byte-identical datasets with no worker, two workers, and one stage at a time (the Turbo tasks)", async () => {
    const outputs: Array<Record<string, string>> = [];
    for (const workers of [0, 2]) {
      const out = join(tempDir("out"), "dataset");
      await buildAndPublish({
        sourcesDir: SEEDS,
        registryDir: REGISTRY,
        cacheDir: null,
        workers,
        destination: out,
        assertions: NO_ASSERTIONS,
        publishOptions: {},
        ...quiet,
      });
      outputs.push(hashFolder(out));
    }
    const collection = tempDir("collection");
    const staged = join(collection, "out");
    for (const stage of STAGE_NAMES) {
      await runStage(stage, {
        sourcesDir: SEEDS,
        registryDir: REGISTRY,
        buildDir: join(collection, "build"),
        curationFile: join(collection, "curation.yaml"),
        assertions: NO_ASSERTIONS,
        destination: staged,
        publishOptions: {},
      });
    }
    outputs.push(hashFolder(staged));
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });
});

describe("the per-article cache", { timeout: 120_000 }, () => {
  it("reads an unchanged article from the cache and extracts only what is new or changed", async () => {
    const sources = seedCopy();
    const cacheDir = join(tempDir("cache"), "cache");
    const build = () => buildDataset({ sourcesDir: sources, registryDir: REGISTRY, cacheDir, workers: 0, ...quiet });
    const first = await build();
    expect(first.stats).toMatchObject({ articles: 5, cached: 0, extracted: 5 });
    const again = await build();
    expect(again.stats).toMatchObject({ articles: 5, cached: 5, extracted: 0 });
    expect(again.dataset).toEqual(first.dataset);

    cpSync(
      join(import.meta.dirname, "../../cli/test/fixtures/005_tashkent_transit_envoys.md"),
      join(sources, "005_tashkent_transit_envoys.md"),
    );
    expect((await build()).stats).toMatchObject({ articles: 6, cached: 5, extracted: 1 });

    appendFileSync(join(sources, "003_96bfffb7ac8232e6.md"), "\nOfficials said the talks would resume next year.\n");
    expect((await build()).stats).toMatchObject({ articles: 6, cached: 5, extracted: 1 });
  });

  it("extracts everything again when the registry changes", async () => {
    const cacheDir = join(tempDir("cache"), "cache");
    const registry = join(tempDir("registry"), "registry");
    cpSync(REGISTRY, registry, { recursive: true });
    const build = () => buildDataset({ sourcesDir: SEEDS, registryDir: registry, cacheDir, workers: 0, ...quiet });
    await build();
    appendFileSync(
      join(registry, "people.yaml"),
      "\n- name: Elena Marquez\n  aliases: []\n  country: ESP\n  role: Foreign Minister\n",
    );
    expect((await build()).stats).toMatchObject({ cached: 0, extracted: 5 });
  });

  it("refuses a cache folder holding files Parley did not write, and leaves them as they were", async () => {
    const cacheDir = tempDir("cache");
    writeFileSync(join(cacheDir, "notes.txt"), "mine");
    await expect(
      buildDataset({ sourcesDir: SEEDS, registryDir: REGISTRY, cacheDir, workers: 0, ...quiet }),
    ).rejects.toThrow(/Parley did not write/);
    expect(readdirSync(cacheDir)).toEqual(["notes.txt"]);
  });

  it("keeps what was extracted when another file stops the build, and reports every problem with its file", async () => {
    const sources = seedCopy();
    const cacheDir = join(tempDir("cache"), "cache");
    writeFileSync(join(sources, "broken.md"), "---\ntitle: x\n---\n");
    const failed: Promise<unknown> = buildDataset({
      sourcesDir: sources,
      registryDir: REGISTRY,
      cacheDir,
      workers: 0,
      ...quiet,
    });
    const error = await failed.catch((err: unknown) => err);
    expect(error).toBeInstanceOf(InputError);
    expect(new Set((error as InputError).problems.map((p) => `${p.file}:${p.line}`))).toEqual(
      new Set([`${join(sources, "broken.md")}:2`]),
    );
    rmSync(join(sources, "broken.md"));
    expect(
      (await buildDataset({ sourcesDir: sources, registryDir: REGISTRY, cacheDir, workers: 0, ...quiet })).stats,
    ).toMatchObject({ cached: 5, extracted: 0 });
  });
});

/** Builds `sources` in this thread and publishes the dataset into `out`, with no row-count assertions. */
const publishBuild = (sources: string, out: string, cacheDir: string | null) =>
  buildAndPublish({
    sourcesDir: sources,
    registryDir: REGISTRY,
    cacheDir,
    workers: 0,
    destination: out,
    assertions: NO_ASSERTIONS,
    publishOptions: {},
    ...quiet,
  });

describe("a build with nothing changed", { timeout: 120_000 }, () => {
  it("publishes nothing and reads no article, until an input or the published folder changes", async () => {
    const sources = seedCopy();
    const cacheDir = join(tempDir("cache"), "cache");
    const out = join(tempDir("out"), "dataset");
    const publish = () => publishBuild(sources, out, cacheDir);
    expect((await publish()).result).not.toBeNull();
    const published = hashFolder(out);
    expect((await publish()).result).toBeNull();
    expect(hashFolder(out)).toEqual(published);

    // A published file changed by hand is written again.
    writeFileSync(join(out, "quotes.csv"), "edited");
    expect((await publish()).result?.stats).toMatchObject({ cached: 5, extracted: 0 });
    expect(hashFolder(out)).toEqual(published);

    appendFileSync(join(sources, "003_96bfffb7ac8232e6.md"), "\nOfficials said the talks would resume next year.\n");
    expect((await publish()).result?.stats).toMatchObject({ cached: 4, extracted: 1 });
  });
});

describe("what a build changed", { timeout: 120_000 }, () => {
  it("is counted from digests of the rows last published, as the record-level diff counts it", async () => {
    const sources = seedCopy();
    const out = join(tempDir("out"), "dataset");
    const publish = (cacheDir: string | null) => publishBuild(sources, out, cacheDir);
    const cacheDir = join(tempDir("cache"), "cache");
    expect((await publish(cacheDir)).summary.changes).toBeNull();
    const before = readPublishedDataset(out);
    cpSync(
      join(import.meta.dirname, "../../cli/test/fixtures/005_tashkent_transit_envoys.md"),
      join(sources, "005_tashkent_transit_envoys.md"),
    );
    rmSync(join(sources, "000_19d7d37b3b019f88.md"));
    const { summary, result } = await publish(cacheDir);
    expect(summary.changes).toEqual(changesBetween(before as Dataset, result?.dataset as Dataset));
    expect(summary.changes?.sources).toEqual({ added: 1, removed: 1, changed: 0 });
  });
});

describe("the stage declarations", () => {
  it("are what turbo.json's stage tasks say", () => {
    const turbo = JSON.parse(readFileSync(join(REPO, "turbo.json"), "utf8")) as {
      tasks: Record<string, { dependsOn?: string[]; inputs?: string[]; outputs?: string[] }>;
    };
    for (const name of STAGE_NAMES) {
      const stage = STAGES[name];
      expect(turbo.tasks[name], name).toEqual({
        ...(stage.dependsOn === null ? {} : { dependsOn: [stage.dependsOn] }),
        inputs: [...stage.inputs],
        outputs: [...stage.outputs],
      });
    }
  });
});
