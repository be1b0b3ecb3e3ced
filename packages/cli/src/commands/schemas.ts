import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defineCommand } from "citty";
import { ALL_TABLES, type AnyTableName } from "@parley/model";
import { jsonSchemaOf, schemaFileName } from "@parley/validate";
import { findRepoRoot } from "../_paths.ts";

/** The JSON Schema files that `schemas/` must hold, generated from the zod models. */
export function renderSchemas(): Map<string, string> {
  return new Map(
    (Object.keys(ALL_TABLES) as AnyTableName[]).map((t) => [
      schemaFileName(t),
      `${JSON.stringify(jsonSchemaOf(t), null, 2)}\n`,
    ]),
  );
}

export const schemas = defineCommand({
  meta: {
    name: "schemas",
    description: "Write schemas/*.schema.json from the zod models (--check: fail if they differ)",
  },
  args: { check: { type: "boolean", description: "only compare", default: false } },
  run({ args }) {
    const dir = join(findRepoRoot(), "schemas");
    mkdirSync(dir, { recursive: true });
    const stale: string[] = [];
    for (const [name, content] of renderSchemas()) {
      const file = join(dir, name);
      const current = existsSync(file) ? readFileSync(file, "utf8") : null;
      if (current === content) continue;
      if (args.check) stale.push(name);
      else writeFileSync(file, content);
    }
    if (stale.length > 0) {
      console.error(`schemas/ is out of date with the zod models: ${stale.join(", ")} — run 'pnpm parley schemas'`);
      process.exit(1);
    }
    console.log(
      args.check ? "schemas/ matches the zod models" : `wrote ${Object.keys(ALL_TABLES).length} schemas to schemas/`,
    );
  },
});
