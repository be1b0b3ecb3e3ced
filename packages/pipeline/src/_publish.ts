import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PublishOptions } from "@parley/export";
import type { Assertions } from "@parley/validate";
import { type BuildOptions, type BuildResult, buildUnlessUnchanged } from "./_run.ts";
import { publishDataset } from "@parley/export";
import { TABLE_NAMES } from "@parley/model";
import { countChanges, hasDigests } from "./_changes.ts";
import { changesBetween, readPublishedDataset } from "./_stages.ts";
import { type BuildSummary, summarize } from "./_summary.ts";

export interface PublishBuildOptions extends BuildOptions {
  destination: string;
  assertions: Assertions;
  publishOptions: PublishOptions;
}

export interface PublishedBuild {
  summary: BuildSummary;
  /** The build, or null when nothing had changed since the dataset in `destination` was published. */
  result: BuildResult | null;
}

// What the last build published, kept in the cache folder: when the next build has the same fingerprint and the
// destination still holds exactly the files it wrote (by size and time), nothing needs doing.
const LAST_PUBLISHED = "published.json";

interface LastPublished {
  fingerprint: string;
  destination: string;
  files: Record<string, [number, number]>;
  summary: BuildSummary;
}

const stamps = (dir: string): Record<string, [number, number]> =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => {
        const { size, mtimeMs } = statSync(join(dir, name));
        return [name, [size, mtimeMs]];
      }),
  );

/** Whether a published folder is small enough to read back whole (its largest file fits a string, many times over). */
function readableAtOnce(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return TABLE_NAMES.every(
    (t) => !existsSync(join(dir, `${t}.json`)) || statSync(join(dir, `${t}.json`)).size < 64 * 2 ** 20,
  );
}

const sameStamps = (a: Record<string, [number, number]>, b: Record<string, [number, number]>): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** Builds and publishes a dataset into `destination`, or does nothing when nothing it depends on has changed. */
export async function buildAndPublish(options: PublishBuildOptions): Promise<PublishedBuild> {
  const record = options.cacheDir === null ? null : join(options.cacheDir, LAST_PUBLISHED);
  const last =
    record !== null && existsSync(record) ? (JSON.parse(readFileSync(record, "utf8")) as LastPublished) : null;
  const settings = createHash("sha256")
    .update(JSON.stringify([options.destination, options.assertions, options.publishOptions.marker ?? null]))
    .digest("hex");
  const unchanged = (fingerprint: string): boolean =>
    last !== null &&
    last.fingerprint === `${fingerprint}:${settings}` &&
    last.destination === options.destination &&
    existsSync(options.destination) &&
    sameStamps(stamps(options.destination), last.files);
  const result = await buildUnlessUnchanged(options, unchanged);
  if (result === null && last !== null) {
    const summary = {
      ...last.summary,
      changes: Object.fromEntries(Object.keys(last.summary.rows).map((t) => [t, { added: 0, removed: 0, changed: 0 }])),
    };
    return { summary, result: null };
  }
  if (result === null) throw new Error("unreachable: a build was skipped with no record of the last one");
  // Small datasets are diffed against the folder itself the first time; after that, and for large ones, by digests.
  const digests = options.cacheDir !== null && hasDigests(options.cacheDir, options.destination);
  const previous = digests || !readableAtOnce(options.destination) ? null : readPublishedDataset(options.destination);
  const hadDataset = existsSync(join(options.destination, "sources.json"));
  publishDataset(result.dataset, options.destination, options.assertions, options.publishOptions);
  const counted =
    options.cacheDir === null ? undefined : countChanges(result.dataset, options.cacheDir, options.destination);
  const changes =
    counted !== undefined
      ? counted
      : previous !== null
        ? changesBetween(previous, result.dataset)
        : hadDataset
          ? undefined
          : null;
  const summary = { ...summarize(result), changes };
  if (record !== null) {
    const saved: LastPublished = {
      fingerprint: `${result.fingerprint}:${settings}`,
      destination: options.destination,
      files: stamps(options.destination),
      summary,
    };
    writeFileSync(`${record}.partial`, JSON.stringify(saved));
    renameSync(`${record}.partial`, record);
  }
  return { summary, result };
}
