import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
      registry[key] = parseYamlWith(schema.nullable(), readFileSync(path, "utf8"), path) ?? [];
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
