import { join } from "node:path";
import { defineCommand } from "citty";
import { inputError } from "@parley/model";
import { findRepoRoot, guardedForDataset } from "../_paths.ts";
import { loadCollection } from "../_collection.ts";
import { runExportStage, runExtractStage, runIngestStage, runNormalizeStage, runValidateStage } from "../_pipeline.ts";

const STAGES = ["ingest", "extract", "normalize", "validate", "export"] as const;

/** One pipeline stage on the collection in the current folder: what each Turbo task runs. */
export const stage = defineCommand({
  meta: { name: "stage", description: `Run one pipeline stage (${STAGES.join(", ")}) for the collection in the current folder` },
  args: { name: { type: "positional", description: "the stage", required: true } },
  run({ args }) {
    const collection = loadCollection(process.cwd());
    const { sourcesDir, registryDir, buildDir, config } = collection;
    switch (args.name) {
      case "ingest":
        return runIngestStage(sourcesDir, registryDir, buildDir);
      case "extract":
        return runExtractStage(registryDir, buildDir);
      case "normalize":
        return runNormalizeStage(registryDir, buildDir);
      case "validate":
        return runValidateStage(buildDir, config.assertions);
      case "export": {
        const root = findRepoRoot();
        const destination = join(root, "datasets", config.name, "current");
        runExportStage(buildDir, destination, config.assertions, {
          marker: { collection: config.name, command: "parley build" },
          guarded: guardedForDataset(root, [{ path: sourcesDir, what: "the sources folder" }, { path: registryDir, what: "the registry" }]),
          flag: "parley build",
          fix: "move what you keep there to another folder: the collection's build writes its dataset there",
        });
        process.stderr.write(`export: published ${join("datasets", config.name, "current")}\n`);
        return;
      }
      default:
        throw inputError("parley stage", null, `no stage '${args.name}'`, `use one of ${STAGES.join(", ")}`);
    }
  },
});
