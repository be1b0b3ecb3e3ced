import { stringify } from "csv-stringify/sync";
import { type AnyTableName, TABLE_NAMES, type Dataset } from "@parley/model";
import { fieldsOf, toCells } from "@parley/validate";

// Rows rendered at a time: a large table is written, and checked, piece by piece (its files may be larger than a
// string can be), with the same bytes as when rendered whole.
const CHUNK_ROWS = 2000;

/** A piece of a table's files: CSV rows (the header before the first), the JSON records, and the records. */
export interface TablePiece {
  csv: string;
  json: string;
  records: Array<Record<string, unknown>>;
  /** How many rows of the table come before this piece. */
  offset: number;
}

/** A record as published: the contract's columns, in its order, a missing value null. */
function contractRecord(row: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const name of names) record[name] = row[name] ?? null;
  return record;
}

/** A table's CSV and JSON text in pieces: joined, they are `renderDataset`'s files byte for byte. */
export function* renderTable(table: AnyTableName, rows: ReadonlyArray<Record<string, unknown>>): Generator<TablePiece> {
  const fields = fieldsOf(table);
  const names = fields.map((f) => f.name);
  // OWASP: a neutralised cell (leading apostrophe) is also wrapped in double quotes.
  const csvOf = (cells: string[][]): string => stringify(cells, { record_delimiter: "\n", quoted_match: /^'/ });
  if (rows.length === 0) {
    yield { csv: csvOf([names]), json: "[]\n", records: [], offset: 0 };
    return;
  }
  for (let offset = 0; offset < rows.length; offset += CHUNK_ROWS) {
    const records = rows.slice(offset, offset + CHUNK_ROWS).map((row) => contractRecord(row, names));
    const cells = records.map((record) => toCells(record, fields));
    // JSON keeps the exact text, in the contract's key order: the array JSON.stringify(records, null, 2) would
    // write, one element at a time (an element's lines indented by two more spaces).
    const elements = records
      .map((record) => `  ${JSON.stringify(record, null, 2).replaceAll("\n", "\n  ")}`)
      .join(",\n");
    const last = offset + CHUNK_ROWS >= rows.length;
    yield {
      csv: csvOf(offset === 0 ? [names, ...cells] : cells),
      json: `${offset === 0 ? "[\n" : ",\n"}${elements}${last ? "\n]\n" : ""}`,
      records,
      offset,
    };
  }
}

/** One table's two files, whole: `[name, text]` of its CSV and its JSON. */
export function renderTableFiles(
  table: AnyTableName,
  rows: ReadonlyArray<Record<string, unknown>>,
): Array<[string, string]> {
  let csv = "";
  let json = "";
  for (const piece of renderTable(table, rows)) {
    csv += piece.csv;
    json += piece.json;
  }
  return [
    [`${table}.csv`, csv],
    [`${table}.json`, json],
  ];
}

/** Every dataset file by name, as bytes-to-be: CSV with the contract's columns, JSON arrays of the same records. */
export function renderDataset(dataset: Dataset): Map<string, string> {
  return new Map(
    TABLE_NAMES.flatMap((table) =>
      renderTableFiles(table, dataset[table] as unknown as Array<Record<string, unknown>>),
    ),
  );
}
