import { existsSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { defineCommand } from "citty";
import { inputError } from "@parley/model";
import { formatReport, loadGold, scoreAgainstGold } from "@parley/eval";
import { findRepoRoot } from "../_paths.ts";
import { buildInProcess } from "../_pipeline.ts";

// `eval` cannot name a binding in an ES module, hence `evaluate`.
export const evaluate = defineCommand({
  meta: { name: "eval", description: "Build a folder of sources in-process and score it against gold annotations" },
  args: {
    gold: { type: "string", description: "gold annotation file (gold-v1 JSON)", required: true },
    sources: { type: "string", description: "folder of source files to build and score", required: true },
    registry: { type: "string", description: "curated registry folder (default: pipelines/registry)" },
    json: { type: "string", description: "also write the report as JSON to this file" },
  },
  run({ args }) {
    // Load inputs: the gold first, so a mistake in it shows before a build.
    const gold = loadGold(resolve(args.gold));
    const jsonFile = args.json === undefined ? null : resolve(args.json);
    if (jsonFile !== null && !existsSync(dirname(jsonFile))) {
      throw inputError(args.json ?? jsonFile, null, "the folder for the JSON report does not exist", "create it or pass another --json path");
    }
    const registryDir = resolve(args.registry ?? join(findRepoRoot(), "pipelines", "registry"));
    const { dataset } = buildInProcess(resolve(args.sources), registryDir);
    // Process, then save: the JSON lands whole or not at all.
    const report = scoreAgainstGold(gold, dataset);
    if (jsonFile !== null) {
      const partial = `${jsonFile}.partial`;
      writeFileSync(partial, `${JSON.stringify(report, null, 2)}\n`);
      renameSync(partial, jsonFile);
    }
    console.log(formatReport(report));
  },
});
