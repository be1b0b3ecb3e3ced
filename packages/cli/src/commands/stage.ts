import { join } from "node:path";
import { defineCommand } from "citty";
import { inputError } from "@parley/model";
import { runStage, STAGE_NAMES, type StageName } from "@parley/pipeline";
import { findRepoRoot, guardedForDataset } from "../_paths.ts";
import { loadCollection } from "../_collection.ts";

/** One pipeline stage on the collection in the current folder: what each Turbo task runs. */
export const stage = defineCommand({
  meta: {
    name: "stage",
    description: `Run one pipeline stage (${STAGE_NAMES.join(", ")}) for the collection in the current folder`,
  },
  args: { name: { type: "positional", description: "the stage", required: true } },
  async run({ args }) {
    if (!(STAGE_NAMES as string[]).includes(args.name)) {
      throw inputError("parley stage", null, `no stage '${args.name}'`, `use one of ${STAGE_NAMES.join(", ")}`);
    }
    const { sourcesDir, registryDir, buildDir, config, dir } = loadCollection(process.cwd());
    const root = findRepoRoot();
    const destination = join(root, "datasets", config.name, "current");
    await runStage(args.name as StageName, {
      sourcesDir,
      registryDir,
      buildDir,
      curationFile: join(dir, "curation.yaml"),
      assertions: config.assertions,
      destination,
      publishOptions: {
        marker: { collection: config.name, command: "parley build" },
        guarded: guardedForDataset(root, [
          { path: sourcesDir, what: "the sources folder" },
          { path: registryDir, what: "the registry" },
        ]),
        flag: "parley build",
        fix: "move what you keep there to another folder: the collection's build writes its dataset there",
      },
    });
    if (args.name === "export") process.stderr.write(`export: published ${join("datasets", config.name, "current")}\n`);
  },
});
