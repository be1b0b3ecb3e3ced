import { TABLE_NAMES, TABLES, type Dataset, type TableName } from "@parley/model";

export interface ChangedRecord {
  id: string;
  fields: string[];
}

export interface TableDiff {
  added: string[];
  removed: string[];
  changed: ChangedRecord[];
}

export type DatasetDiff = Record<TableName, TableDiff>;

// Rows without an ID of their own (evidence, quote_sources, roles) are keyed by their identity fields.
export function keyOf(table: TableName, row: Record<string, unknown>): string {
  const { key, identity } = TABLES[table];
  if (key !== null) return String(row[key]);
  // Trailing empty parts are left out, so a field added to the identity later keeps earlier keys.
  return identity
    .map((f) => (row[f] === null || row[f] === undefined ? "" : String(row[f])))
    .join("|")
    .replace(/\|+$/, "");
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Record-level diff of two datasets: per table, IDs added, removed, and changed with the fields that changed. */
export function diffDatasets(before: Dataset | null, after: Dataset): DatasetDiff {
  const diff = {} as DatasetDiff;
  for (const table of TABLE_NAMES) {
    const old = new Map(
      ((before?.[table] as unknown[] | undefined) ?? []).map((r) => [
        keyOf(table, r as Record<string, unknown>),
        r as Record<string, unknown>,
      ]),
    );
    const now = new Map(
      after[table].map((r) => [keyOf(table, r as Record<string, unknown>), r as Record<string, unknown>]),
    );
    const added = [...now.keys()].filter((id) => !old.has(id)).sort();
    const removed = [...old.keys()].filter((id) => !now.has(id)).sort();
    const changed: ChangedRecord[] = [];
    for (const [id, row] of now) {
      const previous = old.get(id);
      if (!previous) continue;
      const fields = Object.keys({ ...previous, ...row }).filter((f) => !same(previous[f], row[f]));
      if (fields.length > 0) changed.push({ id, fields: fields.sort() });
    }
    changed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    diff[table] = { added, removed, changed };
  }
  return diff;
}

export function isEmptyDiff(diff: DatasetDiff): boolean {
  return TABLE_NAMES.every((t) => diff[t].added.length + diff[t].removed.length + diff[t].changed.length === 0);
}
