import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "@parley/registry";
import { chooseRole, institutionCountry, reportedRole, roleKeyOf } from "../src/_roles.ts";

const registry = loadRegistry(join(import.meta.dirname, "../../../pipelines/registry"));

// Every entry of pipelines/registry/roles.yaml lists roles as articles write them: each must map to its key.
const examples = registry.roles.flatMap((entry) => entry.examples.map((role) => [role, entry.key] as const));

describe("the controlled vocabulary of roles, by its examples", () => {
  it.each(examples)("%s → %s", (role, key) => {
    expect(roleKeyOf(role, registry.roles)).toBe(key);
  });

  it("gives no key when no phrase fits, and drops a role cut short", () => {
    expect(roleKeyOf("Chief Negotiator of the Delegation", registry.roles)).toBeNull();
    expect(reportedRole("director of the")).toBeNull();
    expect(reportedRole("Director of the FSB")).toBe("Director of the FSB");
  });

  it.each([
    ["State Department spokesperson", "USA"],
    ["Kremlin spokesman", "RUS"],
    ["spokesperson for the ministry", null],
  ])("the institution in %s tells its country: %s", (role, country) => {
    expect(institutionCountry(role, registry.institutions)).toBe(country);
  });

  it("prefers the role that says what the others say and more", () => {
    expect(chooseRole(["Foreign Minister", "Acting Foreign Minister", null])).toBe("Acting Foreign Minister");
    expect(chooseRole(["Ambassador", "Special Envoy"])).toBe("Ambassador");
  });
});
