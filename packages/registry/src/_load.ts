import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { z } from "zod";
import { InputError, type Problem } from "@parley/model";
import { parseYamlWith } from "./_yaml.ts";
import { REGISTRY_FILES, type Registry, type RegistryPerson } from "./_schema.ts";

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
      registry[key] = parsedFile(path, schema) ?? [];
    } catch (err) {
      if (err instanceof InputError) problems.push(...err.problems);
      else throw err;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const { world_people: world = [], ...rest } = registry;
  return { ...rest, people: withWorldPeople(rest.people as RegistryPerson[], world as RegistryPerson[]) } as Registry;
}

/**
 * The curated people first; then office holders of the world (people-world.yaml), except one whose name or
 * spelling a curated entry already has: curation decides how a person is written.
 */
function withWorldPeople(curated: RegistryPerson[], world: RegistryPerson[]): RegistryPerson[] {
  const known = new Set(curated.flatMap((p) => [p.name, ...p.aliases].map((n) => n.toLowerCase())));
  return [...curated, ...world.filter((p) => ![p.name, ...p.aliases].some((n) => known.has(n.toLowerCase())))];
}

/**
 * Where Parley keeps what it can compute again (per-article results, parsed registry files): PARLEY_CACHE_DIR, else
 * the user's cache folder (XDG_CACHE_HOME, else ~/.cache), under parley/.
 */
export function cacheRoot(env = process.env): string {
  return env.PARLEY_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "parley");
}

// The code a parsed file depends on besides its text: the schemas and the YAML reader.
let codeVersion: string | null = null;
const registryCode = (): string => {
  codeVersion ??= createHash("sha256")
    .update(["_schema.ts", "_yaml.ts"].map((f) => readFileSync(join(import.meta.dirname, f), "utf8")).join("\0"))
    .digest("hex");
  return codeVersion;
};

/**
 * A registry file parsed and checked, from the cache when its text and the registry code are unchanged: the office
 * holders of the world are 300 KB of YAML, half a second to parse in every process a build or a test starts, and a
 * few milliseconds to read back. A file with a mistake is never cached, so its error and line are always reported.
 * The cache is an optimisation: when it cannot be read or written, the file is parsed.
 */
function parsedFile(path: string, schema: z.ZodType): unknown[] | null {
  const text = readFileSync(path, "utf8");
  const key = createHash("sha256")
    .update(registryCode())
    .update("\0")
    .update(path)
    .update("\0")
    .update(text)
    .digest("hex");
  const cached = join(cacheRoot(), "registry", `${key}.v8`);
  if (existsSync(cached)) {
    try {
      return deserialize(readFileSync(cached)) as unknown[] | null;
    } catch {
      // A damaged entry: parse again (and write it anew below).
    }
  }
  const value = parseYamlWith(schema.nullable(), text, path) as unknown[] | null;
  try {
    mkdirSync(join(cacheRoot(), "registry"), { recursive: true });
    writeFileSync(`${cached}.${process.pid}.partial`, serialize(value));
    renameSync(`${cached}.${process.pid}.partial`, cached);
  } catch {
    // Not writable (a read-only home, a full disk): the next process parses again.
  }
  return value;
}
