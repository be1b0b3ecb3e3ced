// The one place that knows how releases sit on disk: swap for the release package's reader when it lands.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Dataset, Dataset as DatasetSchema, inputError, TABLE_NAMES } from "@parley/model";

export interface Release {
  version: string;
  dir: string;
  dataset: Dataset;
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

function compareVersions(a: string, b: string): number {
  const pa = SEMVER.exec(a)?.slice(1).map(Number) ?? [];
  const pb = SEMVER.exec(b)?.slice(1).map(Number) ?? [];
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * The latest release of a collection: the highest `x.y.z` folder under `datasets/<collection>/` that holds every
 * table as JSON. Null when there is none yet (then every row of a build is new).
 */
export function loadLatestRelease(datasetsDir: string, collection: string): Release | null {
  const dir = join(datasetsDir, collection);
  if (!existsSync(dir)) return null;
  const versions = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && SEMVER.test(e.name))
    .map((e) => e.name)
    .filter((v) => TABLE_NAMES.every((t) => existsSync(join(dir, v, `${t}.json`))))
    .sort(compareVersions);
  const version = versions.at(-1);
  if (version === undefined) return null;
  const releaseDir = join(dir, version);
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, JSON.parse(readFileSync(join(releaseDir, `${t}.json`), "utf8")) as unknown]));
  const parsed = DatasetSchema.safeParse(tables);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw inputError(join(releaseDir, `${String(issue?.path[0] ?? "tables")}.json`), null, `the release does not match the dataset contract (${issue?.message ?? "unknown"})`, "a published release must not be edited: restore it from git");
  }
  return { version, dir: releaseDir, dataset: parsed.data };
}
