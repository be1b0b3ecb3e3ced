import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { inputError } from "@parley/model";
import { parseYamlWith } from "@parley/registry";
import { Assertions } from "@parley/validate";
import type { BuildOptions } from "@parley/pipeline";

export const CollectionConfig = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a lowercase name with dashes"),
  title: z.string().min(1),
  description: z.string().min(1),
  license: z.string().min(1),
  registry: z.string().default("../registry"),
  assertions: Assertions.default({ min_rows: {}, max_rows: {} }),
});
export type CollectionConfig = z.infer<typeof CollectionConfig>;

export interface Collection {
  dir: string;
  config: CollectionConfig;
  sourcesDir: string;
  registryDir: string;
  buildDir: string;
}

/** How the runner builds a collection in one process: its sources and registry, its curation, its own cache. */
export function collectionBuild(collection: Collection): BuildOptions {
  return {
    sourcesDir: collection.sourcesDir,
    registryDir: collection.registryDir,
    curationFile: join(collection.dir, "curation.yaml"),
    cacheDir: join(collection.buildDir, "cache", "build"),
  };
}

export function loadCollection(dir: string): Collection {
  const file = join(dir, "collection.yaml");
  if (!existsSync(file))
    throw inputError(file, null, "no collection.yaml", "create it with name, title, description and license");
  const config = parseYamlWith(CollectionConfig, readFileSync(file, "utf8"), file);
  return {
    dir,
    config,
    sourcesDir: join(dir, "sources"),
    registryDir: resolve(dir, config.registry),
    buildDir: join(dir, "build"),
  };
}
