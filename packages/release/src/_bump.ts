import { TABLE_NAMES } from "@parley/model";
import type { DatasetDiff } from "@parley/diff";
import { type Bump, bumpVersion } from "./_semver.ts";

export interface SchemaChanges {
  breaking: string[];
  additive: string[];
}

export interface Proposal {
  bump: Bump;
  version: string;
  /** Why this bump, one line each, for people reading the command's output and the changelog. */
  reasons: string[];
  /** The collection's first release. */
  first?: boolean;
}

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? "" : "s"}`;

/**
 * The next version from the record-level diff and the schema changes, or null when nothing changed.
 * The first release is 1.0.0.
 */
export function proposeBump(previous: string | null, diff: DatasetDiff, schema: SchemaChanges): Proposal | null {
  const added = TABLE_NAMES.filter((t) => diff[t].added.length > 0);
  const touched = TABLE_NAMES.filter((t) => diff[t].removed.length + diff[t].changed.length > 0);
  const rows = (tables: typeof TABLE_NAMES, pick: (t: (typeof TABLE_NAMES)[number]) => number, what: string): string =>
    tables.map((t) => `${t} ${count(pick(t), what)}`).join(", ");
  if (previous === null) {
    return {
      bump: "major",
      version: "1.0.0",
      first: true,
      reasons: [`first release: ${rows(TABLE_NAMES, (t) => diff[t].added.length, "row")}`],
    };
  }
  if (schema.breaking.length > 0) {
    return {
      bump: "major",
      version: bumpVersion(previous, "major"),
      reasons: schema.breaking.map((b) => `schema breaks: ${b}`),
    };
  }
  if (added.length > 0 || schema.additive.length > 0) {
    const reasons = schema.additive.map((a) => `schema grows: ${a}`);
    if (added.length > 0) reasons.push(`records added: ${rows(added, (t) => diff[t].added.length, "row")}`);
    return { bump: "minor", version: bumpVersion(previous, "minor"), reasons };
  }
  if (touched.length > 0) {
    return {
      bump: "patch",
      version: bumpVersion(previous, "patch"),
      reasons: [
        `corrections only: ${rows(touched, (t) => diff[t].removed.length + diff[t].changed.length, "row")} changed or removed`,
      ],
    };
  }
  return null;
}
