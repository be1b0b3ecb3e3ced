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

/** An article made of real sentences, published on `published`, for rule tests. */
export function articleOf(text: string, published: string): Article {
  return {
    source_id: "test",
    file: "test.md",
    title: "test",
    publisher: "test",
    url: null,
    published,
    language: "en",
    retrieved: null,
    text,
    sha256: "0".repeat(64),
    body_line: 1,
    removed: [],
  };
}
