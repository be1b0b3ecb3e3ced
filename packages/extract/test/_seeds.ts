import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { Article } from "@parley/model";
import { ingestSource } from "@parley/ingest";
import { loadRegistry, type Registry } from "@parley/registry";

const root = fileURLToPath(new URL("../../../", import.meta.url));
export const SOURCES_DIR = join(root, "pipelines/moscow-format/sources");
export const REGISTRY: Registry = loadRegistry(join(root, "pipelines/registry"));

/** The seed articles, ingested as the pipeline does. */
export function seedArticles(): Article[] {
  return readdirSync(SOURCES_DIR)
    .filter((f) => !f.startsWith("."))
    .sort()
    .map((f) => ingestSource(join(SOURCES_DIR, f), readFileSync(join(SOURCES_DIR, f)), REGISTRY));
}

/** The gold annotations of the seeds (what a careful human reads out of them). */
export function seedGold(): unknown {
  return JSON.parse(readFileSync(join(root, "pipelines/moscow-format/gold/seeds.gold.json"), "utf8"));
}
