import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { type Dataset, type RedirectRecord, TABLE_NAMES, InputError, inputError } from "@parley/model";
import type { Retirement } from "@parley/normalize";
import { diffDatasets, type DatasetDiff } from "@parley/diff";
import {
  datasetTargetProblem,
  type Guarded,
  listEntries,
  overlapProblem,
  readTarget,
  renderDataset,
  renderTableFiles,
  type TargetState,
  ValidationFailed,
} from "@parley/export";
import { type Assertions, validateDatasetDir } from "@parley/validate";
import { type Proposal, proposeBump, type SchemaChanges } from "./_bump.ts";
import { addChangelogEntry, changelogEntry } from "./_changelog.ts";
import { findPublishedVersions, renderSha256Sums, SUMS_FILE, verifyVersionFolder } from "./_checksums.ts";
import { keepPreviousIds, type Renamed } from "./_continuity.ts";
import { type CollectionMeta, dataPackageOf, sqliteFileName } from "./_datapackage.ts";
import { renderIndex, scanIndex } from "./_index.ts";
import { compareVersions, isVersion, latestVersion } from "./_semver.ts";
import { diffSchemas, tableSchemaOf, type TableSchemaField } from "./_table-schema.ts";
import { renderSqlite } from "./_sqlite.ts";
import { retire } from "./_redirects.ts";
import { renderReadme, upgradeNotes } from "./_readme.ts";

export const REDIRECTS_FILE = "redirects.json";
export const README_FILE = "README.md";

export const CHANGELOG_FILE = "CHANGELOG.md";
export const INDEX_FILE = "index.json";

export interface PublishedRelease {
  version: string;
  dir: string;
  dataset: Dataset;
  fields: Record<string, TableSchemaField[]>;
  changelog: string | null;
  /** Every ID retired up to this version (empty before redirects were published). */
  redirects: RedirectRecord[];
}

// Not parsed with today's model: an older release may lack a column or a table added since, and must still be readable.
function asDataset(tables: Record<string, unknown>, dir: string): Dataset {
  for (const table of TABLE_NAMES) {
    if (tables[table] === undefined) tables[table] = [];
    if (!Array.isArray(tables[table]))
      throw inputError(
        join(dir, `${table}.json`),
        null,
        "not a JSON array of records",
        "restore the published file from git",
      );
  }
  return tables as unknown as Dataset;
}

const readJsonIfThere = (file: string): unknown =>
  existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as unknown) : undefined;

/** Reads a published version back, after checking that it is still exactly what was published. */
export function readRelease(dir: string, version: string): PublishedRelease {
  const problems = verifyVersionFolder(dir);
  if (problems.length > 0) {
    throw new InputError(
      problems.map((p) => ({
        file: p,
        line: null,
        message: "the published version was altered",
        fix: "restore it from git (git checkout -- <folder>); publish changes as a new version",
        severity: "error" as const,
      })),
    );
  }
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, readJsonIfThere(join(dir, `${t}.json`))]));
  const descriptor = JSON.parse(readFileSync(join(dir, "datapackage.json"), "utf8")) as {
    resources?: Array<{ name: string; schema?: { fields: TableSchemaField[] } }>;
  };
  const fields = Object.fromEntries(
    (descriptor.resources ?? []).filter((r) => r.schema).map((r) => [r.name, r.schema?.fields ?? []]),
  );
  const changelogFile = join(dir, CHANGELOG_FILE);
  return {
    version,
    dir,
    dataset: asDataset(tables, dir),
    fields,
    changelog: existsSync(changelogFile) ? readFileSync(changelogFile, "utf8") : null,
    redirects: (readJsonIfThere(join(dir, REDIRECTS_FILE)) as RedirectRecord[] | undefined) ?? [],
  };
}

export const collectionRoot = (datasetsRoot: string, collection: string): string => join(datasetsRoot, collection);

/** The newest published version of a collection, or null before the first release. */
export function latestRelease(datasetsRoot: string, collection: string): PublishedRelease | null {
  const dir = collectionRoot(datasetsRoot, collection);
  if (!existsSync(dir)) return null;
  const version = latestVersion(readdirSync(dir));
  return version === null ? null : readRelease(join(dir, version), version);
}

export interface ReleasePlan {
  previous: PublishedRelease | null;
  /** The build, with the previous release's IDs kept where a row was only refined. */
  dataset: Dataset;
  renamed: Renamed[];
  diff: DatasetDiff;
  schema: SchemaChanges;
  /** Null when the build matches the latest release: nothing to publish. */
  proposal: Proposal | null;
  /** The IDs the latest release published that this one retires, with where their rows went; throws when one is unaccounted for. */
  retired: () => RedirectRecord[];
}

const currentFields = (): Record<string, TableSchemaField[]> =>
  Object.fromEntries([...TABLE_NAMES, "redirects" as const].map((t) => [t, tableSchemaOf(t).fields]));

/** What a release of this build would publish: the record-level diff against the latest release and the bump. */
export function planRelease(
  datasetsRoot: string,
  collection: string,
  build: Dataset,
  retirements: readonly Retirement[] = [],
  curationFile = "curation.yaml",
): ReleasePlan {
  const previous = latestRelease(datasetsRoot, collection);
  const { dataset, renamed } = previous ? keepPreviousIds(previous.dataset, build) : { dataset: build, renamed: [] };
  const diff = diffDatasets(previous?.dataset ?? null, dataset);
  const schema = previous ? diffSchemas(previous.fields, currentFields()) : { breaking: [], additive: [] };
  const proposal = proposeBump(previous?.version ?? null, diff, schema);
  const retired = (): RedirectRecord[] =>
    previous && proposal ? retire(previous.dataset, dataset, retirements, proposal.version, curationFile) : [];
  return { previous, dataset, renamed, diff, schema, proposal, retired };
}

export interface ReleaseOptions {
  datasetsRoot: string;
  /** Folders the datasets root must not be, sit in or hold (see `refuseForeignDatasetsRoot`). */
  guarded?: readonly Guarded[];
  collection: CollectionMeta;
  assertions: Assertions;
  /** The declared release timestamp (ISO 8601): the only value in a release that is not a function of the data. */
  created: string;
  /** A version to publish instead of the proposed one; it must be newer than the latest. */
  version?: string;
  /** What the curation says of IDs that leave (merges, rejections, retirements). */
  retirements?: readonly Retirement[];
  curationFile?: string;
}

export interface ReleaseResult {
  plan: ReleasePlan;
  /** The version published, or null when nothing changed. */
  published: string | null;
  dir: string | null;
}

function chooseVersion(plan: ReleasePlan, requested: string | undefined): string {
  const proposed = plan.proposal?.version ?? "";
  if (requested === undefined) return proposed;
  if (!isVersion(requested))
    throw inputError("--version", null, `'${requested}' is not a version`, "give MAJOR.MINOR.PATCH, e.g. 1.1.0");
  if (plan.previous && compareVersions(requested, plan.previous.version) <= 0) {
    throw inputError(
      "--version",
      null,
      `${requested} is not newer than the latest release ${plan.previous.version}`,
      `use ${proposed} (proposed)`,
    );
  }
  return requested;
}

const DatasetsIndex = z.object({ collections: z.array(z.unknown()) });

function isDatasetsIndex(file: string): boolean {
  try {
    return DatasetsIndex.safeParse(JSON.parse(readFileSync(file, "utf8"))).success;
  } catch {
    return false;
  }
}

/** Why a release may not write into this datasets root; null when it is new, empty or Parley's. */
export function datasetsRootProblem(root: string, state: TargetState): string | null {
  if (state.kind !== "folder") return datasetTargetProblem(root, state);
  // index.json marks a root Parley released into, as `.parley` marks a dataset folder. A release adds its
  // version folder and rewrites only the index and the changelog: anything else there is kept, untouched.
  if (isDatasetsIndex(join(root, INDEX_FILE))) return null;
  // A first release killed before it wrote the index leaves collection folders holding a published version.
  const released = new Set(findPublishedVersions(root).map((v) => v.collection));
  const foreign = state.entries.filter((e) => !released.has(e.name));
  return foreign.length === 0 ? null : `${root} holds files that are not Parley datasets (${listEntries(foreign)})`;
}

const DATASETS_FIX = "choose a new or empty folder, or a datasets folder a previous release wrote";

/** The release side of the rule every writing command follows: refused before anything is written. */
export function refuseForeignDatasetsRoot(root: string, guarded: readonly Guarded[]): void {
  // A linked datasets root is fine: a release writes into it and never replaces it.
  const problem =
    overlapProblem(root, guarded) ??
    datasetsRootProblem(root, readTarget(existsSync(root) ? realpathSync(root) : root));
  if (problem !== null) throw inputError("--datasets", null, problem, DATASETS_FIX);
}

/** Writes a file by renaming a finished temporary file over it, so readers never see half a file. */
function writeAtomic(file: string, content: string): void {
  const temp = `${file}.parley-tmp-${process.pid}`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

/** Brings the collection's CHANGELOG.md and the datasets index in line with the published folders. */
export function syncCatalog(datasetsRoot: string, collection: string): string[] {
  const written: string[] = [];
  const latest = latestVersion(
    existsSync(collectionRoot(datasetsRoot, collection)) ? readdirSync(collectionRoot(datasetsRoot, collection)) : [],
  );
  const snapshot = latest === null ? null : join(collectionRoot(datasetsRoot, collection), latest, CHANGELOG_FILE);
  const updates: Array<[string, string | null]> = [
    [
      join(collectionRoot(datasetsRoot, collection), CHANGELOG_FILE),
      snapshot && existsSync(snapshot) ? readFileSync(snapshot, "utf8") : null,
    ],
    [join(datasetsRoot, INDEX_FILE), renderIndex(scanIndex(datasetsRoot))],
  ];
  for (const [file, content] of updates) {
    if (content === null || (existsSync(file) && readFileSync(file, "utf8") === content)) continue;
    writeAtomic(file, content);
    written.push(file);
  }
  return written;
}

/**
 * Cuts a new version into `<root>/<collection>/<version>/`: CSV and JSON, datapackage.json, a SQLite database,
 * the changelog and SHA256SUMS, written into a temporary folder, validated and checked, then moved into place.
 * A published version is never overwritten; with no change nothing is published.
 */
export async function publishRelease(build: Dataset, options: ReleaseOptions): Promise<ReleaseResult> {
  const { datasetsRoot, collection, assertions, created } = options;
  refuseForeignDatasetsRoot(datasetsRoot, options.guarded ?? []);
  const plan = planRelease(datasetsRoot, collection.name, build, options.retirements ?? [], options.curationFile);
  if (plan.proposal === null) {
    syncCatalog(datasetsRoot, collection.name);
    return { plan, published: null, dir: null };
  }
  const version = chooseVersion(plan, options.version);
  const root = collectionRoot(datasetsRoot, collection.name);
  const destination = join(root, version);
  if (existsSync(destination)) {
    throw inputError(
      destination,
      null,
      `version ${version} is already published and frozen`,
      "publish a new version instead (changes go into a new version)",
    );
  }
  mkdirSync(root, { recursive: true });
  const staging = join(root, `.parley-tmp-${version}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const files = new Map<string, Uint8Array | string>(renderDataset(plan.dataset));
    for (const [name, content] of files) writeFileSync(join(staging, name), content);
    const { violations } = validateDatasetDir(staging, assertions);
    if (violations.length > 0) throw new ValidationFailed(violations);
    const retired = plan.retired().map((r) => ({ ...r, version }));
    const redirects = [...(plan.previous?.redirects ?? []), ...retired].sort((a, b) =>
      a.old_id < b.old_id ? -1 : a.old_id > b.old_id ? 1 : 0,
    );
    for (const [name, content] of renderTableFiles("redirects", redirects)) files.set(name, content);
    files.set(sqliteFileName(collection.name), await renderSqlite(plan.dataset, collection, version, redirects));
    const proposal = { ...plan.proposal, version };
    const previousVersion = plan.previous?.version ?? null;
    const entry = changelogEntry({
      proposal,
      date: created.slice(0, 10),
      diff: plan.diff,
      previous: plan.previous?.dataset ?? null,
      current: plan.dataset,
      previousVersion,
      notes: plan.renamed.map((r) => `kept ID ${r.to} (built as ${r.from})`),
      upgrade:
        proposal.bump === "major"
          ? [
              ...plan.schema.breaking.map((b) => `schema: ${b}`),
              ...plan.schema.additive.map((a) => `schema: ${a}`),
              ...upgradeNotes(previousVersion, version),
            ]
          : [],
      redirects: retired,
    });
    files.set(CHANGELOG_FILE, addChangelogEntry(plan.previous?.changelog ?? null, entry, collection));
    files.set(README_FILE, renderReadme(collection, version, created, plan.dataset, redirects.length));
    files.set(
      "datapackage.json",
      `${JSON.stringify(dataPackageOf(collection, version, created, files, plan.dataset.sources), null, 2)}\n`,
    );
    files.set(SUMS_FILE, renderSha256Sums(files));
    for (const [name, content] of files) writeFileSync(join(staging, name), content);
    const problems = verifyVersionFolder(staging);
    if (problems.length > 0) throw new Error(`release self-check failed: ${problems.join("; ")}`);
    renameSync(staging, destination);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  syncCatalog(datasetsRoot, collection.name);
  return { plan, published: version, dir: destination };
}
