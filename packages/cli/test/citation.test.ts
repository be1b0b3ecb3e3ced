import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

describe("CITATION.cff", () => {
  it("holds the fields the Citation File Format requires, and the data's license", () => {
    const cff = parse(readFileSync(join(import.meta.dirname, "../../../CITATION.cff"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(cff["cff-version"]).toBe("1.2.0");
    for (const key of ["message", "title", "authors"]) expect(cff[key], key).toBeTruthy();
    expect(cff.type).toBe("dataset");
    expect(cff.license).toBe("ODC-BY-1.0");
  });
});
