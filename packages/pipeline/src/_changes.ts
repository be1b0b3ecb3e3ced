import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { keyOf } from "@parley/diff";
import { type Dataset, TABLE_NAMES, type TableName } from "@parley/model";
import { forEachLine } from "./_cache.ts";
import type { Changes } from "./_stages.ts";

// What a build changed against the dataset it replaces, counted without reading that dataset back: the last build
// left, per table, one line a row (its key and a hash of its content) sorted by key; the new rows' lines are sorted
// the same way and the two lists walked side by side. Memory holds one table's lines, not two datasets. Rows are keyed as the
// record-level diff (@parley/diff) keys them.

const FOLDER = "published-rows";

function digestLines(table: TableName, rows: ReadonlyArray<Record<string, unknown>>): string[] {
  return rows
    .map((row) => `${keyOf(table, row)}\t${createHash("md5").update(JSON.stringify(row)).digest("base64")}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const keyOfLine = (line: string): string => line.slice(0, line.lastIndexOf("\t"));

/** Whether `cacheDir` holds the digests of the dataset last published to `destination`. */
export function hasDigests(cacheDir: string, destination: string): boolean {
  const dir = join(cacheDir, FOLDER);
  const target = join(dir, "destination");
  return (
    existsSync(target) &&
    readFileSync(target, "utf8") === destination &&
    TABLE_NAMES.every((t) => existsSync(join(dir, `${t}.tsv`)))
  );
}

/**
 * Counts rows added, removed and changed per table against the digests in `cacheDir` of the dataset last published
 * to `destination`, then saves the new ones; undefined when there are none for that destination.
 */
export function countChanges(dataset: Dataset, cacheDir: string, destination: string): Changes | undefined {
  const dir = join(cacheDir, FOLDER);
  const target = join(dir, "destination");
  const known = hasDigests(cacheDir, destination);
  rmSync(target, { force: true });
  const changes: NonNullable<Changes> = {};
  mkdirSync(dir, { recursive: true });
  for (const table of TABLE_NAMES) {
    const now = digestLines(table, dataset[table] as unknown as Array<Record<string, unknown>>);
    const file = join(dir, `${table}.tsv`);
    if (known) {
      const count = { added: 0, removed: 0, changed: 0 };
      let i = 0;
      forEachLine(file, (before) => {
        const key = keyOfLine(before);
        while (i < now.length && keyOfLine(now[i] as string) < key) {
          count.added++;
          i++;
        }
        const line = now[i];
        if (line !== undefined && keyOfLine(line) === key) {
          if (line !== before) count.changed++;
          i++;
        } else count.removed++;
      });
      count.added += now.length - i;
      changes[table] = count;
    }
    const fd = openSync(`${file}.partial`, "w");
    try {
      for (let j = 0; j < now.length; j += 10_000) writeSync(fd, `${now.slice(j, j + 10_000).join("\n")}\n`);
    } finally {
      closeSync(fd);
    }
    renameSync(`${file}.partial`, file);
  }
  writeFileSync(target, destination);
  return known ? changes : undefined;
}
