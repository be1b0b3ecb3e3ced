import { existsSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { defineCommand } from "citty";
import { inputError } from "@parley/model";
import { formatReport, loadGold, scoreAgainstGold } from "@parley/eval";
import { findRepoRoot } from "../_paths.ts";
import { buildDataset, defaultCacheDir } from "@parley/pipeline";

// `eval` cannot name a binding in an ES module, hence `evaluate`.
export const evaluate = defineCommand({
  meta: { name: "eval", description: "Build a folder of sources in-process and score it against gold annotations" },
  args: {
    gold: { type: "string", description: "gold annotation file (gold-v1 JSON)", required: true },
    sources: { type: "string", description: "folder of source files to build and score", required: true },
    registry: { type: "string", description: "curated registry folder (default: pipelines/registry)" },
    json: { type: "string", description: "also write the report as JSON to this file" },
    min: {
      type: "string",
      description: "floors that fail the run, e.g. quotes.f1=0.9,meetings.precision=0.9,quote_speakers=0.9",
    },
  },
  async run({ args }) {
    // Load inputs: the gold first, so a mistake in it shows before a build.
    const gold = loadGold(resolve(args.gold));
    const floors = args.min === undefined ? [] : parseFloors(args.min);
    const jsonFile = args.json === undefined ? null : resolve(args.json);
    if (jsonFile !== null && !existsSync(dirname(jsonFile))) {
      throw inputError(
        args.json ?? jsonFile,
        null,
        "the folder for the JSON report does not exist",
        "create it or pass another --json path",
      );
    }
    const registryDir = resolve(args.registry ?? join(findRepoRoot(), "pipelines", "registry"));
    const sources = resolve(args.sources);
    const { dataset } = await buildDataset({ sourcesDir: sources, registryDir, cacheDir: defaultCacheDir(sources) });
    // Process, then save: the JSON lands whole or not at all.
    const report = scoreAgainstGold(gold, dataset);
    if (jsonFile !== null) {
      const partial = `${jsonFile}.partial`;
      writeFileSync(partial, `${JSON.stringify(report, null, 2)}\n`);
      renameSync(partial, jsonFile);
    }
    console.log(formatReport(report));
    const metrics = report.metrics as unknown as Record<string, unknown>;
    const below = floors.filter((f) => !(metricValue(metrics, f.metric) >= f.min));
    for (const f of below)
      console.error(`below the floor: ${f.metric} = ${metricValue(metrics, f.metric).toFixed(3)} < ${f.min}`);
    if (below.length > 0) process.exitCode = 1;
    else if (floors.length > 0) console.log(`All ${floors.length} floor(s) hold.`);
  },
});

interface Floor {
  metric: string;
  min: number;
}

/** "quotes.f1=0.9,quote_speakers=0.9": a metric (and its field) at or above a number. */
function parseFloors(text: string): Floor[] {
  return text.split(",").map((part) => {
    const m = /^\s*([a-z_]+(?:\.(?:f1|precision|recall|value))?)\s*=\s*(0(?:\.\d+)?|1(?:\.0+)?)\s*$/.exec(part);
    if (!m)
      throw inputError(
        "--min",
        null,
        `'${part}' is not a floor`,
        "write metric=number, e.g. quotes.f1=0.9 or quote_speakers=0.9, joined by commas",
      );
    return { metric: m[1] as string, min: Number(m[2]) };
  });
}

/** The number a floor names: a ratio's value, or one field of precision/recall/F1 (F1 when none is named). */
function metricValue(metrics: Record<string, unknown>, name: string): number {
  const [key = "", field] = name.split(".");
  const metric = metrics[key];
  if (metric === undefined)
    throw inputError("--min", null, `no metric is called '${key}'`, `use one of: ${Object.keys(metrics).join(", ")}`);
  if (typeof metric === "number") return metric;
  const record = metric as Record<string, number | null>;
  const value = record[field ?? ("f1" in record ? "f1" : "value")];
  return value ?? 0;
}
