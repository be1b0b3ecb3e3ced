import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError, type Problem } from "@parley/model";
import { parseYamlWith } from "./_yaml.ts";
import { REGISTRY_FILES, type Registry } from "./_schema.ts";

/** Reads the curated registry folder; a missing file is an empty list, a malformed one an error with its line. */
export function loadRegistry(dir: string): Registry {
  const problems: Problem[] = [];
  const registry: Record<string, unknown[]> = {};
  for (const [key, { file, schema }] of Object.entries(REGISTRY_FILES)) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      registry[key] = [];
      continue;
    }
    try {
      registry[key] = parseYamlWith(schema.nullable(), readFileSync(path, "utf8"), path) ?? [];
    } catch (err) {
      if (err instanceof InputError) problems.push(...err.problems);
      else throw err;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return registry as Registry;
}
