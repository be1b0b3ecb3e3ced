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

// Evidence rows have no ID of their own: they are keyed by the row they support, the source and the offsets.
function keyOf(table: TableName, row: Record<string, unknown>): string {
  const key = TABLES[table].key;
  if (key !== null) return String(row[key]);
  return [row.record_type, row.record_id, row.source_id, row.start, row.end].join("|");
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Record-level diff of two datasets: per table, IDs added, removed, and changed with the fields that changed. */
export function diffDatasets(before: Dataset | null, after: Dataset): DatasetDiff {
  const diff = {} as DatasetDiff;
  for (const table of TABLE_NAMES) {
    const old = new Map((before?.[table] ?? []).map((r) => [keyOf(table, r as Record<string, unknown>), r as Record<string, unknown>]));
    const now = new Map(after[table].map((r) => [keyOf(table, r as Record<string, unknown>), r as Record<string, unknown>]));
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
