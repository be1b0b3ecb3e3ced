import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Dataset, formatProblem, inputError, Dataset as DatasetSchema, TABLE_NAMES } from "@parley/model";
import type { Registry } from "@parley/registry";
import { applyCuration, normalizeCollection, parseCuration } from "@parley/normalize";
import { type Assertions, type TableRows, validateTables } from "@parley/validate";
import { type PublishOptions, publishDataset, ValidationFailed } from "@parley/export";
import { diffDatasets } from "@parley/diff";
import { type ArticleRecord, extractStage, ingestStage } from "./_article.ts";

// The pipeline, declared once: each stage's name, what it reads (Turbo `inputs`, relative to a collection folder),
// what it writes (Turbo `outputs`), the stage it follows, and its function. Per-article stages ("each": "article")
// run once an article, in worker threads, cached by content; the others once on the merged collection.
// `parley stage NAME` runs one stage for Turbo; `buildDataset` runs them all in one process. A test holds
// turbo.json to these declarations.

const REGISTRY = "$TURBO_ROOT$/pipelines/registry/**";
const code = (...packages: string[]): string => `$TURBO_ROOT$/packages/{${packages.join(",")}}/src/**`;

export type Changes = Record<string, { added: number; removed: number; changed: number }> | null;

/** The per-article and collection stages, in order. */
export const STAGES = {
  ingest: {
    each: "article",
    dependsOn: null,
    inputs: ["sources/**", "collection.yaml", REGISTRY, code("model", "registry", "ingest", "pipeline", "cli")],
    outputs: ["build/ingest/**"],
    run: ingestStage,
  },
  extract: {
    each: "article",
    dependsOn: "ingest",
    inputs: [
      REGISTRY,
      code("model", "registry", "extract", "normalize", "pipeline"),
      "$TURBO_ROOT$/packages/extract/lexicon/**",
    ],
    outputs: ["build/extract/**"],
    run: extractStage,
  },
  normalize: {
    each: "collection",
    dependsOn: "extract",
    inputs: ["curation/**", "curation.yaml", REGISTRY, code("model", "registry", "normalize", "pipeline")],
    outputs: ["build/normalize/**", "build/review.csv"],
    run: (records: readonly ArticleRecord[], registry: Registry, curationFile: string | undefined) =>
      curate(
        normalizeCollection(
          records.map((r) => r.source),
          records.map((r) => r.extraction),
          registry,
        ),
        curationFile,
      ),
  },
  validate: {
    each: "collection",
    dependsOn: "normalize",
    inputs: ["collection.yaml", code("model", "validate", "pipeline")],
    outputs: ["build/validate/**"],
    run: (dataset: Dataset, assertions: Assertions): void => checkDataset(dataset, assertions),
  },
  export: {
    each: "collection",
    dependsOn: "validate",
    // The latest release of the collection (its IDs are kept: see `keepPreviousIds`).
    inputs: [
      "collection.yaml",
      "$TURBO_ROOT$/datasets/index.json",
      code("model", "validate", "export", "release", "pipeline"),
    ],
    outputs: ["build/export/**"],
    run: (dataset: Dataset, destination: string, assertions: Assertions, options: PublishOptions): Changes =>
      publishWithChanges(dataset, destination, assertions, options),
  },
} as const;

export type StageName = keyof typeof STAGES;
export const STAGE_NAMES = Object.keys(STAGES) as StageName[];

/** Applies a collection's curation file (when there is one) to the normalized dataset. */
export function curate(
  dataset: Dataset,
  curationFile: string | undefined,
): { dataset: Dataset; curationWarnings: string[] } {
  if (curationFile === undefined || !existsSync(curationFile)) return { dataset, curationWarnings: [] };
  const result = applyCuration(dataset, parseCuration(readFileSync(curationFile, "utf8"), curationFile));
  return { dataset: result.dataset, curationWarnings: result.unmatched.map(formatProblem) };
}

export function checkDataset(dataset: Dataset, assertions: Assertions): void {
  const violations = validateTables(dataset as unknown as TableRows, assertions, (t) => `${t} (normalized)`);
  if (violations.length > 0) throw new ValidationFailed(violations);
}

/** Reads the JSON tables of a published dataset folder, or null when there is none yet. */
export function readPublishedDataset(dir: string): Dataset | null {
  if (!TABLE_NAMES.every((t) => existsSync(join(dir, `${t}.json`)))) return null;
  const tables = Object.fromEntries(
    TABLE_NAMES.map((t) => [t, JSON.parse(readFileSync(join(dir, `${t}.json`), "utf8")) as unknown]),
  );
  const parsed = DatasetSchema.safeParse(tables);
  return parsed.success ? parsed.data : null;
}

/** Publishes a dataset and returns what changed against the one it replaces. */
export function publishWithChanges(
  dataset: Dataset,
  destination: string,
  assertions: Assertions,
  options: PublishOptions,
): Changes {
  const previous = readPublishedDataset(destination);
  publishDataset(dataset, destination, assertions, options);
  return previous === null ? null : changesBetween(previous, dataset);
}

/** Rows added, removed and changed per table. */
export function changesBetween(previous: Dataset, dataset: Dataset): NonNullable<Changes> {
  const diff = diffDatasets(previous, dataset);
  return Object.fromEntries(
    TABLE_NAMES.map((t) => [
      t,
      { added: diff[t].added.length, removed: diff[t].removed.length, changed: diff[t].changed.length },
    ]),
  );
}

// ---- Stage folders: when Turbo runs one stage a task, each reads the previous stage's folder and writes its own. ----

export const stageDir = (buildDir: string, stage: StageName): string => join(buildDir, stage);

export function writeJsonFolder(dir: string, entries: Array<[string, unknown]>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, value] of entries) writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(value, null, 1)}\n`);
}

/** The JSON files a stage wrote, in name order, as text. */
export function readJsonFolder(dir: string, stage: StageName): Array<{ name: string; json: string }> {
  if (!existsSync(dir)) throw inputError(dir, null, `the ${stage} stage has not run`, `run 'pnpm parley build'`);
  return readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((name) => ({ name, json: readFileSync(join(dir, name), "utf8") }));
}
