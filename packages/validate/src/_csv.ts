import Papa from "papaparse";
import type { FieldSpec } from "./_schemas.ts";

/** List cells are joined with this separator in CSV. */
export const LIST_SEPARATOR = ";";

// OWASP CSV injection: a cell a spreadsheet would run as a formula gets a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) || text.startsWith("'") ? `'${text}` : text;
}

export function restoreCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/** One record as CSV cells: lists joined, nulls empty, text neutralised against formula injection. */
export function toCells(record: Record<string, unknown>, fields: readonly FieldSpec[]): string[] {
  return fields.map(({ name, kind }) => {
    const value = record[name];
    if (value === null || value === undefined) return "";
    if (kind === "list") return neutralizeCell((value as unknown[]).map(String).join(LIST_SEPARATOR));
    if (kind === "integer" || kind === "number" || kind === "boolean") return String(value);
    return neutralizeCell(String(value));
  });
}

/** One CSV cell back to its JSON value, by the field's kind. */
export function fromCell(cell: string, field: FieldSpec): unknown {
  if (cell === "") return field.kind === "list" ? [] : field.nullable ? null : "";
  if (field.kind === "list") return restoreCell(cell).split(LIST_SEPARATOR);
  if (field.kind === "integer" || field.kind === "number") return Number(cell);
  if (field.kind === "boolean") return cell === "true" ? true : cell === "false" ? false : cell;
  return restoreCell(cell);
}

export interface ParsedCsv {
  header: string[];
  rows: string[][];
  errors: Array<{ row: number | undefined; message: string }>;
}

export function parseCsv(text: string): ParsedCsv {
  // Our files end records with "\n": say so rather than have papaparse guess from the text.
  const result = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", newline: "\n" });
  const [header = [], ...rows] = result.data;
  return { header, rows, errors: result.errors.map((e) => ({ row: e.row, message: e.message })) };
}
