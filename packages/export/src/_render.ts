import { stringify } from "csv-stringify/sync";
import { TABLE_NAMES, type Dataset } from "@parley/model";
import { fieldsOf, toCells } from "@parley/validate";

/** Every dataset file by name, as bytes-to-be: CSV with the contract's columns, JSON arrays of the same records. */
export function renderDataset(dataset: Dataset): Map<string, string> {
  const files = new Map<string, string>();
  for (const table of TABLE_NAMES) {
    const fields = fieldsOf(table);
    const rows = dataset[table] as unknown as Array<Record<string, unknown>>;
    const records = rows.map((row) => toCells(row, fields));
    // OWASP: a neutralised cell (leading apostrophe) is also wrapped in double quotes.
    files.set(`${table}.csv`, stringify([fields.map((f) => f.name), ...records], { record_delimiter: "\n", quoted_match: /^'/ }));
    // JSON keeps the exact text, in the contract's key order.
    const ordered = rows.map((row) => Object.fromEntries(fields.map((f) => [f.name, row[f.name] ?? null])));
    files.set(`${table}.json`, `${JSON.stringify(ordered, null, 2)}\n`);
  }
  return files;
}
