import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defineCommand } from "citty";
import { recoverInterruptedSwap, refuseUnsafeTarget } from "@parley/export";
import { inputError } from "@parley/model";
import { collectionDir, DEFAULT_COLLECTION, findRepoRoot, guardedForDataset } from "../_paths.ts";
import { loadCollection } from "../_collection.ts";
import { buildAndPublish, defaultCacheDir, formatSummary, type BuildSummary } from "@parley/pipeline";

export const build = defineCommand({
  meta: {
    name: "build",
    description: "Build a collection's dataset (through Turbo), or any folder of sources with --sources and --out",
  },
  args: {
    collection: { type: "string", description: "collection under pipelines/", default: DEFAULT_COLLECTION },
    sources: { type: "string", description: "a folder of source files to build instead of a collection" },
    out: { type: "string", description: "where to write the dataset files (with --sources)" },
    registry: { type: "string", description: "curated registry folder (default: pipelines/registry)" },
    cache: {
      type: "string",
      description:
        "where to keep per-article results between builds (with --sources; default: PARLEY_CACHE_DIR or ~/.cache/parley)",
    },
    workers: {
      type: "string",
      description: "worker threads for extraction (default: one a core on large builds; 0: none)",
    },
  },
  async run({ args }) {
    const root = findRepoRoot();
    if (args.sources !== undefined || args.out !== undefined) {
      if (args.sources === undefined || args.out === undefined) {
        throw inputError(
          "parley build",
          null,
          "--sources and --out go together",
          "pass both, e.g. --sources my-articles --out my-dataset",
        );
      }
      const [sources, out] = [resolve(args.sources), resolve(args.out)];
      const registryDir = resolve(args.registry ?? join(root, "pipelines", "registry"));
      const guarded = guardedForDataset(root, [
        { path: sources, what: "the sources folder" },
        { path: registryDir, what: "the registry" },
      ]);
      // Refused before any work; publishing checks again, since the folder may change while the build runs.
      refuseUnsafeTarget("--out", out, guarded);
      // A run killed mid-swap left the previous dataset aside: put it back even if this run fails.
      recoverInterruptedSwap(out);
      const { summary } = await buildAndPublish({
        sourcesDir: sources,
        registryDir,
        cacheDir: resolve(args.cache ?? defaultCacheDir(sources)),
        ...workersArg(args.workers),
        destination: out,
        assertions: { min_rows: {}, max_rows: {} },
        publishOptions: { marker: { collection: null, command: "parley build --sources" }, guarded, flag: "--out" },
      });
      console.log(formatSummary(summary, args.out));
      return;
    }
    const dir = collectionDir(root, args.collection);
    const collection = loadCollection(dir);
    const turbo = spawnSync(
      "pnpm",
      ["exec", "turbo", "run", "export", `--filter=./pipelines/${args.collection}`, "--output-logs=new-only"],
      {
        cwd: root,
        stdio: "inherit",
      },
    );
    if (turbo.status !== 0) process.exit(turbo.status ?? 1);
    const summaryFile = join(collection.buildDir, "export", "summary.json");
    if (existsSync(summaryFile)) {
      const summary = JSON.parse(readFileSync(summaryFile, "utf8")) as BuildSummary;
      console.log(formatSummary(summary, join("datasets", collection.config.name, "current")));
    }
  },
});

/** `--workers N`: a whole number of worker threads, or nothing (the runner decides). */
export function workersArg(value: string | undefined): { workers?: number } {
  if (value === undefined) return {};
  if (!/^\d+$/.test(value))
    throw inputError(
      "--workers",
      null,
      `'${value}' is not a number of workers`,
      "pass a whole number, e.g. --workers 2 (0 extracts in the main thread)",
    );
  return { workers: Number(value) };
}
