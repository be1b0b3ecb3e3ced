import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderSchemas } from "../src/commands/schemas.ts";

const schemasDir = join(import.meta.dirname, "../../../schemas");

describe("schemas/", () => {
  it("holds exactly the JSON Schemas generated from the zod models (run 'pnpm parley schemas' after changing a model)", () => {
    const expected = renderSchemas();
    expect(
      readdirSync(schemasDir)
        .filter((f) => f.endsWith(".schema.json"))
        .sort(),
    ).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) expect(readFileSync(join(schemasDir, name), "utf8"), name).toBe(content);
  });
});
