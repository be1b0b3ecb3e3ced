import { describe, expect, it } from "vitest";
import { fieldsOf, fromCell } from "../src/index.ts";

describe("fieldsOf", () => {
  // zod writes `z.string().nullable()` as `type: ["string", "null"]` and refined strings as `anyOf`: both are nullable.
  it.each([
    ["sources", "url", { kind: "string", nullable: true }],
    ["sources", "retrieved", { kind: "string", nullable: true }],
    ["sources", "title", { kind: "string", nullable: false }],
    ["meetings", "round", { kind: "integer", nullable: true }],
    ["quotes", "source_ids", { kind: "list", nullable: false }],
  ] as const)("%s.%s is %o", (table, name, expected) => {
    const field = fieldsOf(table).find((f) => f.name === name);
    expect(field).toEqual({ name, ...expected });
  });

  it("reads an empty CSV cell of a nullable field back as null", () => {
    const url = fieldsOf("sources").find((f) => f.name === "url");
    expect(url && fromCell("", url)).toBeNull();
  });
});
