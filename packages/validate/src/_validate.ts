import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { z } from "zod";
import { TABLE_NAMES, TABLES, type TableName } from "@parley/model";
import { fieldsOf, jsonSchemaOf } from "./_schemas.ts";
import { fromCell, parseCsv } from "./_csv.ts";

/** A broken rule in a dataset: which file, which row (1-based, as a spreadsheet counts data rows), which field. */
export interface Violation {
  file: string;
  row: number | null;
  field: string | null;
  message: string;
}

export function formatViolation(v: Violation): string {
  const where = [v.file, v.row === null ? null : `row ${v.row}`, v.field === null ? null : `field '${v.field}'`]
    .filter((x) => x !== null)
    .join(", ");
  return `${where}: ${v.message}`;
}

/** What a collection declares it must hold, checked before anything is published. */
export const Assertions = z.strictObject({
  min_rows: z
    .partialRecord(z.enum(TABLE_NAMES as [TableName, ...TableName[]]), z.number().int().nonnegative())
    .default({}),
  max_rows: z
    .partialRecord(z.enum(TABLE_NAMES as [TableName, ...TableName[]]), z.number().int().nonnegative())
    .default({}),
});
export type Assertions = z.infer<typeof Assertions>;

export type TableRows = Record<TableName, Array<Record<string, unknown>>>;

let validators: Map<TableName, ValidateFunction> | undefined;
function validatorFor(table: TableName): ValidateFunction {
  validators ??= new Map();
  let validate = validators.get(table);
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    validate = ajv.compile(jsonSchemaOf(table));
    validators.set(table, validate);
  }
  return validate;
}

/** Checks every row against its JSON Schema, every reference against its table, and the collection's assertions. */
export function validateTables(
  tables: TableRows,
  assertions: Assertions,
  fileOf = (t: TableName) => `${t}.csv`,
): Violation[] {
  const violations = TABLE_NAMES.flatMap((table) => validateRows(table, tables[table], 0, fileOf(table)));
  violations.push(...validateReferences(tables, assertions, fileOf));
  return violations;
}

/** Checks rows of a table against its JSON Schema; `offset` rows come before them in the file. */
export function validateRows(
  table: TableName,
  rows: ReadonlyArray<Record<string, unknown>>,
  offset: number,
  file: string,
): Violation[] {
  const violations: Violation[] = [];
  const validate = validatorFor(table);
  rows.forEach((row, i) => {
    if (!validate(row)) {
      for (const err of validate.errors ?? []) {
        violations.push({
          file,
          row: offset + i + 1,
          field: err.instancePath.replace(/^\//, "") || null,
          message: err.message ?? "invalid",
        });
      }
    }
  });
  return violations;
}

/** Checks what needs whole tables: every reference against its table, unique IDs, the collection's assertions. */
export function validateReferences(
  tables: TableRows,
  assertions: Assertions,
  fileOf = (t: TableName) => `${t}.csv`,
): Violation[] {
  const violations: Violation[] = [];
  const ids = (table: TableName, key: string): Set<unknown> => new Set(tables[table].map((r) => r[key]));
  const sourceIds = ids("sources", "source_id");
  const meetingIds = ids("meetings", "meeting_id");
  const personIds = ids("people", "person_id");
  const recordIds: Record<string, Set<unknown>> = {
    meeting: meetingIds,
    person: personIds,
    attendee: ids("attendees", "attendee_id"),
    quote: ids("quotes", "quote_id"),
  };
  const refer = (
    table: TableName,
    i: number,
    field: string,
    value: unknown,
    known: Set<unknown>,
    what: string,
  ): void => {
    if (value !== null && value !== undefined && !known.has(value)) {
      violations.push({ file: fileOf(table), row: i + 1, field, message: `${String(value)} is not a known ${what}` });
    }
  };
  for (const table of ["meetings", "attendees", "quotes", "roles"] as const) {
    tables[table].forEach((row, i) => {
      for (const s of (row.source_ids as unknown[]) ?? []) refer(table, i, "source_ids", s, sourceIds, "source_id");
    });
  }
  tables.attendees.forEach((row, i) => {
    refer("attendees", i, "meeting_id", row.meeting_id, meetingIds, "meeting_id");
    refer("attendees", i, "person_id", row.person_id, personIds, "person_id");
  });
  tables.quotes.forEach((row, i) => {
    refer("quotes", i, "meeting_id", row.meeting_id, meetingIds, "meeting_id");
    refer("quotes", i, "speaker_id", row.speaker_id, personIds, "person_id");
  });
  tables.quote_sources.forEach((row, i) => {
    refer("quote_sources", i, "quote_id", row.quote_id, recordIds.quote as Set<unknown>, "quote_id");
    refer("quote_sources", i, "source_id", row.source_id, sourceIds, "source_id");
  });
  tables.roles.forEach((row, i) => refer("roles", i, "person_id", row.person_id, personIds, "person_id"));
  tables.evidence.forEach((row, i) => {
    refer("evidence", i, "source_id", row.source_id, sourceIds, "source_id");
    refer(
      "evidence",
      i,
      "record_id",
      row.record_id,
      recordIds[String(row.record_type)] ?? new Set(),
      `${String(row.record_type)} id`,
    );
  });
  for (const table of TABLE_NAMES) {
    const { key, identity } = TABLES[table];
    if (key !== null || table !== "evidence") {
      const seen = new Set<string>();
      tables[table].forEach((row, i) => {
        const id = identity.map((f) => String(row[f])).join(" ");
        if (seen.has(id))
          violations.push({
            file: fileOf(table),
            row: i + 1,
            field: identity.join("+"),
            message: `duplicate ID ${id}`,
          });
        seen.add(id);
      });
    }
    const count = tables[table].length;
    const min = assertions.min_rows[table];
    const max = assertions.max_rows[table];
    if (min !== undefined && count < min) {
      violations.push({
        file: fileOf(table),
        row: null,
        field: null,
        message: `${count} rows, fewer than the ${min} the collection asserts`,
      });
    }
    if (max !== undefined && count > max) {
      violations.push({
        file: fileOf(table),
        row: null,
        field: null,
        message: `${count} rows, more than the ${max} the collection asserts`,
      });
    }
  }
  return violations;
}

/** Reads a dataset folder back, CSV and JSON, checking both against the schemas and each other. */
export function validateDatasetDir(
  dir: string,
  assertions: Assertions,
): { violations: Violation[]; tables: TableRows } {
  const violations: Violation[] = [];
  const fromCsv = {} as TableRows;
  const fromJson = {} as TableRows;
  for (const table of TABLE_NAMES) {
    const csvFile = join(dir, `${table}.csv`);
    const jsonFile = join(dir, `${table}.json`);
    fromCsv[table] = [];
    fromJson[table] = [];
    if (!existsSync(csvFile) || !existsSync(jsonFile)) {
      violations.push({ file: `${table}.csv/.json`, row: null, field: null, message: "file missing" });
      continue;
    }
    const fields = fieldsOf(table);
    const csv = parseCsv(readFileSync(csvFile, "utf8"));
    for (const err of csv.errors)
      violations.push({ file: `${table}.csv`, row: err.row ?? null, field: null, message: err.message });
    const expectedHeader = fields.map((f) => f.name).join(",");
    if (csv.header.join(",") !== expectedHeader) {
      violations.push({
        file: `${table}.csv`,
        row: 0,
        field: null,
        message: `header is '${csv.header.join(",")}', expected '${expectedHeader}'`,
      });
      continue;
    }
    fromCsv[table] = csv.rows.map((cells) =>
      Object.fromEntries(fields.map((f, i) => [f.name, fromCell(cells[i] ?? "", f)])),
    );
    try {
      const parsed: unknown = JSON.parse(readFileSync(jsonFile, "utf8"));
      fromJson[table] = Array.isArray(parsed) ? (parsed as TableRows[TableName]) : [];
      if (!Array.isArray(parsed))
        violations.push({ file: `${table}.json`, row: null, field: null, message: "not a JSON array" });
    } catch (err) {
      violations.push({
        file: `${table}.json`,
        row: null,
        field: null,
        message: `not valid JSON: ${(err as Error).message}`,
      });
    }
    if (JSON.stringify(fromCsv[table]) !== JSON.stringify(fromJson[table])) {
      const i = fromCsv[table].findIndex((row, k) => JSON.stringify(row) !== JSON.stringify(fromJson[table][k]));
      violations.push({
        file: `${table}.csv`,
        row: i < 0 ? null : i + 1,
        field: null,
        message: `CSV and JSON disagree`,
      });
    }
  }
  violations.push(...validateTables(fromCsv, assertions));
  violations.push(...validateTables(fromJson, { min_rows: {}, max_rows: {} }, (t) => `${t}.json`));
  return { violations, tables: fromCsv };
}
