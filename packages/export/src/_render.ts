import { stringify } from "csv-stringify/sync";
import { type AnyTableName, TABLE_NAMES, type Dataset } from "@parley/model";
import { fieldsOf, toCells } from "@parley/validate";

/** One table's files by name: CSV with the contract's columns, and a JSON array of the same records. */
export function renderTable(table: AnyTableName, rows: ReadonlyArray<Record<string, unknown>>): Array<[string, string]> {
  const fields = fieldsOf(table);
  const records = rows.map((row) => toCells(row, fields));
  // OWASP: a neutralised cell (leading apostrophe) is also wrapped in double quotes.
  const csv = stringify([fields.map((f) => f.name), ...records], { record_delimiter: "\n", quoted_match: /^'/ });
  // JSON keeps the exact text, in the contract's key order.
  const ordered = rows.map((row) => Object.fromEntries(fields.map((f) => [f.name, row[f.name] ?? null])));
  return [
    [`${table}.csv`, csv],
    [`${table}.json`, `${JSON.stringify(ordered, null, 2)}\n`],
  ];
}

/** Every dataset file by name, as bytes-to-be. */
export function renderDataset(dataset: Dataset): Map<string, string> {
  return new Map(TABLE_NAMES.flatMap((table) => renderTable(table, dataset[table] as unknown as Array<Record<string, unknown>>)));
}
