import initSqlJs from "sql.js";
import { ALL_TABLES, type AnyTableName, TABLE_NAMES, type Dataset, type RedirectRecord } from "@parley/model";
import { fieldsOf } from "@parley/validate";
import type { CollectionMeta } from "./_datapackage.ts";
import { tableSchemaOf } from "./_table-schema.ts";

const SQL_TYPE = { string: "TEXT", integer: "INTEGER", number: "REAL", boolean: "INTEGER", list: "TEXT" } as const;

// Compiling the WebAssembly module is the slow part: once per process.
let sqlJs: ReturnType<typeof initSqlJs> | undefined;

const quoteName = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function createTable(table: AnyTableName): string {
  const required = new Set(
    tableSchemaOf(table)
      .fields.filter((f) => f.constraints?.required)
      .map((f) => f.name),
  );
  const key = ALL_TABLES[table].key;
  const columns = fieldsOf(table).map((f) => {
    const notNull = required.has(f.name) ? " NOT NULL" : "";
    return `  ${quoteName(f.name)} ${SQL_TYPE[f.kind]}${f.name === key ? " PRIMARY KEY" : notNull}`;
  });
  const references = (tableSchemaOf(table).foreignKeys ?? []).map(
    (fk) =>
      `  FOREIGN KEY (${quoteName(fk.fields)}) REFERENCES ${quoteName(fk.reference.resource)} (${quoteName(fk.reference.fields)})`,
  );
  return `CREATE TABLE ${quoteName(table)} (\n${[...columns, ...references].join(",\n")}\n)`;
}

/**
 * Every table in one SQLite database (sql.js: SQLite compiled to WebAssembly, nothing to compile on install).
 * List columns hold JSON arrays, usable with json_each(). The same dataset gives the same bytes.
 */
export async function renderSqlite(
  dataset: Dataset,
  meta: CollectionMeta,
  version: string,
  redirects: readonly RedirectRecord[] = [],
): Promise<Uint8Array> {
  const SQL = await (sqlJs ??= initSqlJs());
  const db = new SQL.Database();
  try {
    db.run("PRAGMA page_size = 4096");
    db.run("BEGIN");
    db.run('CREATE TABLE "metadata" ("key" TEXT PRIMARY KEY, "value" TEXT NOT NULL)');
    const info = db.prepare('INSERT INTO "metadata" VALUES (?, ?)');
    for (const [k, v] of [
      ["name", meta.name],
      ["title", meta.title],
      ["version", version],
      ["license", meta.license],
    ])
      info.run([k ?? "", v ?? ""]);
    info.free();
    const tables: Array<[AnyTableName, ReadonlyArray<Record<string, unknown>>]> = [
      ...TABLE_NAMES.map((t): [AnyTableName, ReadonlyArray<Record<string, unknown>>] => [
        t,
        dataset[t] as unknown as Array<Record<string, unknown>>,
      ]),
      ["redirects", redirects as unknown as Array<Record<string, unknown>>],
    ];
    for (const [table, rows] of tables) {
      db.run(createTable(table));
      const fields = fieldsOf(table);
      const insert = db.prepare(`INSERT INTO ${quoteName(table)} VALUES (${fields.map(() => "?").join(", ")})`);
      for (const row of rows) {
        insert.run(
          fields.map((f) => {
            const value = row[f.name];
            if (value === undefined || value === null) return null;
            if (f.kind === "list") return JSON.stringify(value);
            if (f.kind === "boolean") return value === true ? 1 : 0;
            return value as string | number;
          }),
        );
      }
      insert.free();
      for (const fk of tableSchemaOf(table).foreignKeys ?? []) {
        db.run(`CREATE INDEX ${quoteName(`${table}_${fk.fields}`)} ON ${quoteName(table)} (${quoteName(fk.fields)})`);
      }
    }
    db.run("COMMIT");
    return db.export();
  } finally {
    db.close();
  }
}
