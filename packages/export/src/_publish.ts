import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { type Dataset, inputError, TABLE_NAMES, type TableName } from "@parley/model";
import {
  type Assertions,
  type Violation,
  fieldsOf,
  formatViolation,
  fromCell,
  parseCsv,
  validateReferences,
  validateRows,
} from "@parley/validate";
import { renderTable } from "./_render.ts";
import { type Guarded, MARKER_FILE, type MarkerFields, refuseUnsafeTarget, renderMarker } from "./_target.ts";

export class ValidationFailed extends Error {
  readonly violations: Violation[];
  constructor(violations: Violation[]) {
    super(
      `the dataset breaks ${violations.length} rule(s); nothing was published:\n${violations.slice(0, 50).map(formatViolation).join("\n")}`,
    );
    this.name = "ValidationFailed";
    this.violations = violations;
  }
}

const stagingPrefix = (destination: string): string => `.parley-tmp-${basename(destination)}-`;

/** Whether a process (a build that left a staging folder or a partial file) is still running. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Brings back the previous dataset if a run was killed between the two renames of a swap,
 * and removes staging folders that killed runs left behind.
 */
export function recoverInterruptedSwap(destination: string): void {
  const old = `${destination}.parley-old`;
  if (existsSync(old)) {
    if (!existsSync(destination)) renameSync(old, destination);
    else rmSync(old, { recursive: true, force: true });
  }
  const parent = dirname(destination);
  if (!existsSync(parent)) return;
  const prefix = stagingPrefix(destination);
  for (const name of readdirSync(parent)) {
    const pid = Number(name.slice(prefix.length));
    if (name.startsWith(prefix) && Number.isInteger(pid) && pid > 0 && !isRunning(pid)) {
      rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
}

export interface PublishOptions {
  /** Who is writing, for the marker: a `--sources` build belongs to no collection. */
  marker?: MarkerFields;
  /** Folders the dataset must not replace, enter or swallow (see `refuseUnsafeTarget`). */
  guarded?: readonly Guarded[];
  /** How the user named the destination, for the refusal: `--out`, or the command that chose it. */
  flag?: string;
  /** What to do about a refusal, when the user did not choose the destination. */
  fix?: string;
}

/**
 * Writes a table's CSV and JSON files piece by piece, reading each piece back as it goes (the CSV with papaparse,
 * the JSON with JSON.parse): both must give the same records, and each record must match its JSON Schema.
 * Memory holds one piece at a time, however large the table.
 */
function writeTable(dir: string, table: TableName, rows: ReadonlyArray<Record<string, unknown>>): Violation[] {
  const violations: Violation[] = [];
  const fields = fieldsOf(table);
  const header = fields.map((f) => f.name);
  const csvFile = openSync(join(dir, `${table}.csv`), "w");
  const jsonFile = openSync(join(dir, `${table}.json`), "w");
  try {
    for (const piece of renderTable(table, rows)) {
      writeSync(csvFile, piece.csv);
      writeSync(jsonFile, piece.json);
      const csv = parseCsv(piece.offset === 0 ? piece.csv : `${header.join(",")}\n${piece.csv}`);
      for (const err of csv.errors)
        violations.push({
          file: `${table}.csv`,
          row: err.row === undefined ? null : piece.offset + err.row,
          field: null,
          message: err.message,
        });
      if (csv.header.join(",") !== header.join(",")) {
        violations.push({
          file: `${table}.csv`,
          row: 0,
          field: null,
          message: `header is '${csv.header.join(",")}', expected '${header.join(",")}'`,
        });
        continue;
      }
      const fromCsv = csv.rows.map((cells) =>
        Object.fromEntries(fields.map((f, i) => [f.name, fromCell(cells[i] ?? "", f)])),
      );
      // A piece of the JSON array is its elements between "[\n" or ",\n" and "\n]\n" (an empty table is "[]\n").
      const elements = piece.records.length === 0 ? "" : piece.json.replace(/^\[\n|^,\n/, "").replace(/\n\]\n$/, "");
      const fromJson = JSON.parse(`[${elements}]`) as Array<Record<string, unknown>>;
      const i = fromCsv.findIndex((row, k) => JSON.stringify(row) !== JSON.stringify(fromJson[k]));
      if (i >= 0 || fromCsv.length !== fromJson.length) {
        violations.push({
          file: `${table}.csv`,
          row: i < 0 ? null : piece.offset + i + 1,
          field: null,
          message: "CSV and JSON disagree",
        });
      }
      violations.push(...validateRows(table, fromCsv, piece.offset, `${table}.csv`));
      violations.push(...validateRows(table, fromJson, piece.offset, `${table}.json`));
    }
  } finally {
    closeSync(csvFile);
    closeSync(jsonFile);
  }
  return violations;
}

/**
 * Writes the dataset into a temporary folder beside `destination`, reads every piece back and validates it, and
 * only then swaps it into place: a killed or failed run leaves the previous dataset as it was.
 * The swap replaces the whole folder, so it is refused unless the folder is new, empty or Parley's own.
 * Returns the names of the files written.
 */
export function publishDataset(
  dataset: Dataset,
  destination: string,
  assertions: Assertions,
  options: PublishOptions = {},
): string[] {
  const parent = dirname(destination);
  // Only Parley's own leftovers are moved here; the check then sees the folder a killed swap set aside.
  recoverInterruptedSwap(destination);
  refuseUnsafeTarget(options.flag ?? "--out", destination, options.guarded ?? [], options.fix);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `${stagingPrefix(destination)}${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const tables = dataset as unknown as Record<TableName, Array<Record<string, unknown>>>;
    // Row by row as the files are written; then what needs whole tables (references, unique IDs, row counts), on the
    // records the files were just shown to hold.
    const violations = TABLE_NAMES.flatMap((table) => writeTable(staging, table, tables[table]));
    violations.push(...validateReferences(tables, assertions));
    const files = TABLE_NAMES.flatMap((t) => [`${t}.csv`, `${t}.json`]);
    writeFileSync(
      join(staging, MARKER_FILE),
      renderMarker(options.marker ?? { collection: null, command: "parley build --sources" }, files),
    );
    if (violations.length > 0) throw new ValidationFailed(violations);
    const old = `${destination}.parley-old`;
    if (existsSync(destination)) renameSync(destination, old);
    renameSync(staging, destination);
    rmSync(old, { recursive: true, force: true });
    return files;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Writes a new file whole or not at all, and never over an existing one: the finished temporary file is
 * hard-linked to its name, which fails when the name is taken, even by a file that appeared a moment ago.
 */
export function writeNewFile(file: string, content: string): void {
  const temporary = `${file}.parley-tmp-${process.pid}`;
  writeFileSync(temporary, content, { flag: "wx" });
  try {
    linkSync(temporary, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    throw inputError(
      file,
      null,
      "a file of that name is already there and was left as it was",
      "nothing was written; run the command again",
    );
  } finally {
    rmSync(temporary, { force: true });
  }
}
