import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, formatProblem } from "@parley/model";
import { loadRegistry } from "../src/index.ts";

const registryDir = join(import.meta.dirname, "../../../pipelines/registry");

function problemsOf(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), "parley-registry-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  try {
    loadRegistry(dir);
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => formatProblem(p).replace(`${dir}/`, ""));
    throw err;
  }
  return [];
}

describe("loadRegistry", () => {
  // Reading ~1,500 office holders with their line numbers takes about half a second; more on a loaded machine.
  it("loads the curated registry of the repository, the world's office holders and groups included", {
    timeout: 30_000,
  }, () => {
    const registry = loadRegistry(registryDir);
    expect(registry.people.length).toBeGreaterThan(1000);
    expect(registry.people.filter((p) => p.name === "Sergey Lavrov")).toHaveLength(1);
    expect(registry.groups.find((g) => g.name === "BRICS")?.members.length).toBeGreaterThan(1);
    expect(registry.places.every((p) => /^[A-Z]{3}$/.test(p.country))).toBe(true);
    expect(registry.publishers.some((p) => p.boilerplate_from.length > 0)).toBe(true);
  });

  it.each([
    ["people.yaml", "- name: A Person\n  country: Russia\n", "people.yaml:2: '0.country': an ISO 3166-1 alpha-3 code"],
    ["people.yaml", "- name: A Person\n  nickname: X\n", "people.yaml:2: '0.nickname': not a known field"],
    ["places.yaml", "- city: Kazan\n", "places.yaml:1: '0.country'"],
    ["series.yaml", "- name: [unclosed\n", "series.yaml:2: YAML cannot be read"],
  ])("reports a mistake in %s with its line", (file, text, expected) => {
    const problems = problemsOf({ [file]: text });
    expect(problems.join("\n")).toContain(expected);
  });
});

describe("parsed registry files kept in the cache", () => {
  const withCache = <T>(fn: (cache: string) => T): T => {
    const before = process.env.PARLEY_CACHE_DIR;
    const cache = mkdtempSync(join(tmpdir(), "parley-registry-cache-"));
    process.env.PARLEY_CACHE_DIR = cache;
    try {
      return fn(cache);
    } finally {
      if (before === undefined) delete process.env.PARLEY_CACHE_DIR;
      else process.env.PARLEY_CACHE_DIR = before;
    }
  };
  const people = "- name: Jane Roe\n  country: PER\n  aliases: [J. Roe]\n";

  it("give the same registry as parsing, and a file edited into a mistake is still reported with its line", () => {
    withCache((cache) => {
      const dir = mkdtempSync(join(tmpdir(), "parley-registry-"));
      writeFileSync(join(dir, "people.yaml"), people);
      const parsed = loadRegistry(dir);
      expect(readdirSync(join(cache, "registry")).filter((f) => f.endsWith(".v8"))).toHaveLength(1);
      expect(loadRegistry(dir)).toEqual(parsed);
      expect(parsed.people.map((p) => p.name)).toEqual(["Jane Roe"]);
      writeFileSync(join(dir, "people.yaml"), `${people}- name: [unclosed\n`);
      expect(() => loadRegistry(dir)).toThrow(InputError);
      expect(problemsOf({ "people.yaml": `${people}- name: [unclosed\n` })[0]).toMatch(
        /^people\.yaml:\d+: YAML cannot be read/,
      );
    });
  });

  it("parse the file again when an entry is damaged", () => {
    withCache((cache) => {
      const dir = mkdtempSync(join(tmpdir(), "parley-registry-"));
      writeFileSync(join(dir, "people.yaml"), people);
      loadRegistry(dir);
      for (const f of readdirSync(join(cache, "registry"))) writeFileSync(join(cache, "registry", f), "not v8");
      expect(loadRegistry(dir).people.map((p) => p.name)).toEqual(["Jane Roe"]);
    });
  });
});
