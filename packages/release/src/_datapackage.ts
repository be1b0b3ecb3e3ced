import { ALL_TABLES, type AnyTableName, TABLE_NAMES, type SourceRecord } from "@parley/model";
import { sha256Hex } from "./_checksums.ts";
import { tableSchemaOf } from "./_table-schema.ts";

/** What a collection says about itself (collection.yaml). */
export interface CollectionMeta {
  name: string;
  title: string;
  description: string;
  license: string;
}

// Licenses commonly used for open data, with their canonical pages; others are named without a path.
const LICENSES: Record<string, { title: string; path: string }> = {
  "ODC-BY-1.0": {
    title: "Open Data Commons Attribution License 1.0",
    path: "https://opendatacommons.org/licenses/by/1-0/",
  },
  "ODbL-1.0": {
    title: "Open Data Commons Open Database License 1.0",
    path: "https://opendatacommons.org/licenses/odbl/1-0/",
  },
  "PDDL-1.0": {
    title: "Open Data Commons Public Domain Dedication and License 1.0",
    path: "https://opendatacommons.org/licenses/pddl/1-0/",
  },
  "CC-BY-4.0": { title: "Creative Commons Attribution 4.0", path: "https://creativecommons.org/licenses/by/4.0/" },
  "CC0-1.0": { title: "CC0 1.0", path: "https://creativecommons.org/publicdomain/zero/1.0/" },
};

export const sqliteFileName = (collection: string): string => `${collection}.sqlite`;

/**
 * The Frictionless data package descriptor of a release: one tabular resource per CSV file (with its
 * Table Schema), the JSON files and the SQLite database as plain resources, each with size and sha256.
 * `created` is the release's declared timestamp: the only value that is not a function of the data.
 */
export function dataPackageOf(
  meta: CollectionMeta,
  version: string,
  created: string,
  files: ReadonlyMap<string, Uint8Array | string>,
  sources: readonly SourceRecord[],
): Record<string, unknown> {
  const describe = (name: string): { bytes: number; hash: string } => {
    const content = files.get(name) ?? "";
    return {
      bytes: typeof content === "string" ? Buffer.byteLength(content, "utf8") : content.byteLength,
      hash: `sha256:${sha256Hex(content)}`,
    };
  };
  const resources: Array<Record<string, unknown>> = [];
  const tables: AnyTableName[] = [...TABLE_NAMES, "redirects"];
  for (const table of tables) {
    resources.push({
      name: table,
      description: ALL_TABLES[table].description,
      path: `${table}.csv`,
      profile: "tabular-data-resource",
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      ...describe(`${table}.csv`),
      dialect: { delimiter: ",", lineTerminator: "\n", quoteChar: '"', doubleQuote: true, header: true },
      schema: tableSchemaOf(table),
    });
  }
  for (const table of tables) {
    resources.push({
      name: `${table}-json`,
      path: `${table}.json`,
      profile: "data-resource",
      format: "json",
      mediatype: "application/json",
      encoding: "utf-8",
      description: `The ${table} table as a JSON array of records (lists as arrays).`,
      ...describe(`${table}.json`),
    });
  }
  const database = sqliteFileName(meta.name);
  resources.push({
    name: "database",
    path: database,
    profile: "data-resource",
    format: "sqlite",
    mediatype: "application/vnd.sqlite3",
    description: "Every table in one SQLite database (lists as JSON arrays).",
    ...describe(database),
  });
  const license = LICENSES[meta.license];
  return {
    profile: "data-package",
    name: meta.name,
    title: meta.title,
    description: `${meta.description} Character offsets (start, end) count Unicode code points into the article body of a source. See README.md.`,
    version,
    created,
    licenses: [license ? { name: meta.license, ...license } : { name: meta.license }],
    sources: sources.map((s) => {
      const title = `${s.publisher ?? "publisher unknown"}: ${s.title}`;
      return s.url ? { title, path: s.url } : { title };
    }),
    resources,
  };
}
