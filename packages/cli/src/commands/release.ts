import { isAbsolute, join, relative, resolve } from "node:path";
import { defineCommand } from "citty";
import { type Dataset, inputError } from "@parley/model";
import { existsSync, readFileSync } from "node:fs";
import {
  type CollectionMeta,
  type ReleasePlan,
  labeller,
  publishRelease,
  refuseForeignDatasetsRoot,
  renderDiff,
} from "@parley/release";
import { parseCuration, type Retirement, retirementsOf } from "@parley/normalize";
import { collectionDir, DEFAULT_COLLECTION, findRepoRoot, guardedPaths } from "../_paths.ts";
import { type Collection, collectionBuild, loadCollection } from "../_collection.ts";
import { buildDataset, checkDataset } from "@parley/pipeline";

export interface ReleaseTarget {
  collection: Collection;
  meta: CollectionMeta;
  dataset: Dataset;
  warnings: string[];
  /** What curation.yaml says of IDs that leave the dataset, for the release's redirects. */
  retirements: Retirement[];
  curationFile: string;
}

/** Builds a collection in one process, with its curation applied and its assertions checked. */
export async function buildForRelease(dir: string): Promise<ReleaseTarget> {
  const collection = loadCollection(dir);
  const options = collectionBuild(collection);
  const curationFile = options.curationFile ?? join(collection.dir, "curation.yaml");
  const result = await buildDataset(options);
  checkDataset(result.dataset, collection.config.assertions);
  const { name, title, description, license } = collection.config;
  const retirements = existsSync(curationFile)
    ? retirementsOf(parseCuration(readFileSync(curationFile, "utf8"), curationFile))
    : [];
  return {
    collection,
    meta: { name, title, description, license },
    dataset: result.dataset,
    warnings: result.curationWarnings ?? [],
    retirements,
    curationFile: displayPath(curationFile),
  };
}

/** A path as short as it can be said: relative when under the current folder. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

/** How a plan reads to a person: against which release, which bump and why, and IDs kept. */
export function describePlan(plan: ReleasePlan, where: (dir: string) => string): string[] {
  const lines = [
    plan.previous ? `Latest release: ${plan.previous.version} (${where(plan.previous.dir)})` : "No release yet.",
  ];
  if (plan.proposal) {
    lines.push(`Proposed version: ${plan.proposal.version} (${plan.proposal.bump}), because:`);
    for (const reason of plan.proposal.reasons) lines.push(`  - ${reason}`);
  }
  for (const r of plan.renamed) lines.push(`Kept ID ${r.to} (this build derived ${r.from})`);
  return lines;
}

/** The release timestamp: --created, else SOURCE_DATE_EPOCH (reproducible builds), else now; to the second. */
export function releaseTimestamp(created: string | undefined, env = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = created !== undefined ? new Date(created) : epoch ? new Date(Number(epoch) * 1000) : new Date();
  if (Number.isNaN(date.getTime()))
    throw inputError(
      "--created",
      null,
      `'${created}' is not a date`,
      "give an ISO 8601 timestamp, e.g. 2026-01-31T12:00:00Z",
    );
  return `${date.toISOString().slice(0, 19)}Z`;
}

export interface RunReleaseOptions {
  collectionDir: string;
  datasetsRoot: string;
  created?: string;
  version?: string;
  log?: (line: string) => void;
}

/** `parley release`: what the command does, callable from tests. Returns the version published, or null. */
export async function runRelease(options: RunReleaseOptions): Promise<string | null> {
  const log = options.log ?? ((line: string) => console.log(line));
  const collection = loadCollection(options.collectionDir);
  const guarded = guardedPaths(findRepoRoot(), [
    { path: collection.sourcesDir, what: "the sources folder" },
    { path: collection.registryDir, what: "the registry" },
  ]);
  // Before the build: a wrong --datasets is refused at once, and nothing is written.
  refuseForeignDatasetsRoot(options.datasetsRoot, guarded);
  const target = await buildForRelease(options.collectionDir);
  for (const warning of target.warnings) log(`warning: ${warning}`);
  const result = await publishRelease(target.dataset, {
    datasetsRoot: options.datasetsRoot,
    guarded,
    collection: target.meta,
    assertions: target.collection.config.assertions,
    created: releaseTimestamp(options.created),
    retirements: target.retirements,
    curationFile: target.curationFile,
    ...(options.version !== undefined ? { version: options.version } : {}),
  });
  for (const line of describePlan(result.plan, displayPath)) log(line);
  if (result.published === null || result.dir === null) {
    log(
      `Nothing to release: the build matches ${result.plan.previous?.version ?? "the latest release"} record for record; nothing was published.`,
    );
    return null;
  }
  log("");
  log(renderDiff(result.plan.diff, labeller(result.plan.previous?.dataset ?? null, result.plan.dataset)));
  log("");
  log(
    `Published ${target.meta.name} ${result.published} to ${displayPath(result.dir)} (frozen: check with 'sha256sum -c SHA256SUMS' in that folder).`,
  );
  return result.published;
}

export const datasetArgs = {
  collection: { type: "string", description: "collection under pipelines/", default: DEFAULT_COLLECTION },
  datasets: { type: "string", description: "datasets root (default: <repo>/datasets)" },
} as const;

export const release = defineCommand({
  meta: {
    name: "release",
    description:
      "Cut a new frozen version of a collection into datasets/<collection>/<version>/ (proposes the version from the diff)",
  },
  args: {
    ...datasetArgs,
    version: { type: "string", description: "publish as this version instead of the proposed one" },
    created: { type: "string", description: "the release timestamp (ISO 8601; default: SOURCE_DATE_EPOCH or now)" },
  },
  async run({ args }) {
    const root = findRepoRoot();
    await runRelease({
      collectionDir: collectionDir(root, args.collection),
      datasetsRoot: resolve(args.datasets ?? join(root, "datasets")),
      ...(args.created !== undefined ? { created: args.created } : {}),
      ...(args.version !== undefined ? { version: args.version } : {}),
    });
  },
});
