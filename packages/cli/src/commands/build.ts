import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defineCommand } from "citty";
import { recoverInterruptedSwap, refuseUnsafeTarget } from "@parley/export";
import { inputError } from "@parley/model";
import { collectionDir, DEFAULT_COLLECTION, findRepoRoot, guardedForDataset } from "../_paths.ts";
import { loadCollection } from "../_collection.ts";
import { buildInProcess, formatSummary, publishWithChanges, summarize, type BuildSummary } from "../_pipeline.ts";

export const build = defineCommand({
  meta: { name: "build", description: "Build a collection's dataset (through Turbo), or any folder of sources with --sources and --out" },
  args: {
    collection: { type: "string", description: "collection under pipelines/", default: DEFAULT_COLLECTION },
    sources: { type: "string", description: "a folder of source files to build instead of a collection" },
    out: { type: "string", description: "where to write the dataset files (with --sources)" },
    registry: { type: "string", description: "curated registry folder (default: pipelines/registry)" },
  },
  run({ args }) {
    const root = findRepoRoot();
    if (args.sources !== undefined || args.out !== undefined) {
      if (args.sources === undefined || args.out === undefined) {
        throw inputError("parley build", null, "--sources and --out go together", "pass both, e.g. --sources my-articles --out my-dataset");
      }
      const [sources, out] = [resolve(args.sources), resolve(args.out)];
      const registryDir = resolve(args.registry ?? join(root, "pipelines", "registry"));
      const guarded = guardedForDataset(root, [{ path: sources, what: "the sources folder" }, { path: registryDir, what: "the registry" }]);
      // Refused before any work; publishing checks again, since the folder may change while the build runs.
      refuseUnsafeTarget("--out", out, guarded);
      // A run killed mid-swap left the previous dataset aside: put it back even if this run fails.
      recoverInterruptedSwap(out);
      const result = buildInProcess(sources, registryDir);
      const options = { marker: { collection: null, command: "parley build --sources" }, guarded, flag: "--out" };
      const changes = publishWithChanges(result.dataset, out, { min_rows: {}, max_rows: {} }, options);
      console.log(formatSummary({ ...summarize(result), changes }, args.out));
      return;
    }
    const dir = collectionDir(root, args.collection);
    const collection = loadCollection(dir);
    const turbo = spawnSync("pnpm", ["exec", "turbo", "run", "export", `--filter=./pipelines/${args.collection}`, "--output-logs=new-only"], {
      cwd: root,
      stdio: "inherit",
    });
    if (turbo.status !== 0) process.exit(turbo.status ?? 1);
    const summaryFile = join(collection.buildDir, "export", "summary.json");
    if (existsSync(summaryFile)) {
      const summary = JSON.parse(readFileSync(summaryFile, "utf8")) as BuildSummary;
      console.log(formatSummary(summary, join("datasets", collection.config.name, "current")));
    }
  },
});
