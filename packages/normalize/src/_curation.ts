import { LineCounter, parseDocument, isSeq, isNode } from "yaml";
import { z } from "zod";
import { attendeeId, type Dataset, InputError, type Problem, TABLES, type TableName } from "@parley/model";
import { parseYamlWith } from "@parley/registry";

// ---- The curation file: corrections the extractor cannot get right, as data with a reason each. ----

const Id = z.string().trim().min(1, "an ID from the dataset");
const Reason = z.string().trim().min(1, "say why, so the next curator can judge whether it still holds");
const Value = z.union([z.string(), z.number(), z.null(), z.array(z.string())]);

export const Correction = z.discriminatedUnion("action", [
  /** Two IDs name one thing: `id` disappears into `into`, its spellings and sources kept. */
  z.strictObject({ action: z.literal("merge"), id: Id, into: Id, reason: Reason }),
  /** Keeps an ID stable: rows built as `id` are published as `to` (for a renamed canonical name or a longer wording). */
  z.strictObject({ action: z.literal("rename"), id: Id, to: Id, reason: Reason }),
  /** Sets one field of one row. */
  z.strictObject({ action: z.literal("correct"), id: Id, field: z.string().min(1), value: Value, reason: Reason }),
  /** Drops a row that is wrong (with what hangs on it: a meeting's attendees, a person's attendance and quotes). */
  z.strictObject({ action: z.literal("reject"), id: Id, reason: Reason }),
  /**
   * Retires an ID a release published that the build no longer makes (a better reading split or moved the row):
   * the next release lists it in redirects.csv, pointing `to` the row that replaced it, or as removed without `to`.
   */
  z.strictObject({ action: z.literal("retire"), id: Id, to: Id.optional(), reason: Reason }),
]);
export type Correction = z.infer<typeof Correction>;

export interface CurationEntry {
  correction: Correction;
  file: string;
  line: number;
}
export type Curation = CurationEntry[];

/** The table an ID belongs to, read from its prefix (source IDs are file names and have none). */
export function tableOfId(id: string): TableName {
  if (id.startsWith("person:")) return "people";
  if (id.startsWith("quote:")) return "quotes";
  if (id.startsWith("meeting:")) return id.includes("/") ? "attendees" : "meetings";
  return "sources";
}

const RENAMEABLE: readonly TableName[] = ["people", "meetings", "quotes"];

function checkCorrection(c: Correction): string | null {
  const table = tableOfId(c.id);
  if (c.action === "merge" || c.action === "rename") {
    const target = c.action === "merge" ? c.into : c.to;
    if (!RENAMEABLE.includes(table)) return `'id': ${c.action} works on people, meetings and quotes, not ${table}`;
    if (tableOfId(target) !== table)
      return `'${c.action === "merge" ? "into" : "to"}': ${target} is not in the same table as ${c.id}`;
    if (target === c.id) return `'id': ${c.action} of an ID into itself`;
  }
  if ((c.action === "reject" || c.action === "retire") && table === "sources")
    return `'id': a source cannot be ${c.action === "reject" ? "rejected" : "retired"}; remove its file from sources/`;
  if (c.action === "retire" && c.to !== undefined && tableOfId(c.to) !== table)
    return `'to': ${c.to} is not in the same table as ${c.id}`;
  if (c.action === "correct") {
    const shape = TABLES[table].schema.shape as Record<string, z.ZodType>;
    const field = shape[c.field];
    if (field === undefined)
      return `'field': ${table} has no field '${c.field}' (fields: ${Object.keys(shape).join(", ")})`;
    if (c.field === TABLES[table].key) return `'field': ${c.field} is the ID; use action: rename`;
    const parsed = field.safeParse(c.value);
    if (!parsed.success) return `'value': not a valid ${c.field}: ${parsed.error.issues[0]?.message ?? "invalid"}`;
  }
  return null;
}

/** Reads a curation file: a YAML list of corrections, each checked with file:line errors. */
export function parseCuration(text: string, file: string): Curation {
  const corrections = parseYamlWith(z.array(Correction).nullable(), text, file) ?? [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const items = isSeq(doc.contents) ? doc.contents.items : [];
  const lineOf = (i: number): number => {
    const node = items[i];
    return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : 1;
  };
  const entries = corrections.map((correction, i) => ({ correction, file, line: lineOf(i) }));
  const problems: Problem[] = [];
  for (const entry of entries) {
    const message = checkCorrection(entry.correction);
    if (message) problems.push({ file, line: entry.line, message, fix: "correct the entry", severity: "error" });
  }
  if (problems.length > 0) throw new InputError(problems);
  return entries;
}

// ---- Renaming IDs: rewrites every reference, merges rows that come to share an ID. ----

type Row = Record<string, unknown>;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function mergeInto(kept: Row, other: Row): Row {
  const merged: Row = { ...kept };
  for (const [field, value] of Object.entries(other)) {
    const mine = merged[field];
    if (Array.isArray(mine) && Array.isArray(value))
      merged[field] = [...new Set([...mine, ...value].map(String))].sort(byText);
    else if (mine === null || mine === undefined) merged[field] = value;
  }
  // A merged person's other spelling becomes an alias of the one kept.
  if (typeof merged.person_id === "string" && Array.isArray(merged.aliases)) {
    const names = [other.name, ...((other.aliases as unknown[]) ?? [])].filter(
      (n): n is string => typeof n === "string",
    );
    merged.aliases = [...new Set([...(merged.aliases as string[]), ...names])]
      .filter((n) => n !== merged.name)
      .sort(byText);
  }
  return merged;
}

/** Rows with the same key become one; the row that already had the ID wins over rows renamed into it. */
function collapse(rows: Row[], key: string, original: Map<Row, string>): Row[] {
  const byId = new Map<string, Row>();
  for (const row of rows) {
    const id = String(row[key]);
    const seen = byId.get(id);
    if (!seen) byId.set(id, row);
    else if (original.get(row) === id && original.get(seen) !== id) byId.set(id, mergeInto(row, seen));
    else byId.set(id, mergeInto(seen, row));
  }
  return [...byId.values()].sort((a, b) => byText(String(a[key]), String(b[key])));
}

function sortEvidence(rows: Dataset["evidence"]): Dataset["evidence"] {
  const seen = new Map(
    rows.map((r) => [
      `${r.record_type}\u0000${r.record_id}\u0000${r.origin}\u0000${r.source_id}\u0000${r.start}\u0000${r.end}\u0000${r.field}`,
      r,
    ]),
  );
  return [...seen.values()].sort(
    (a, b) =>
      byText(a.record_type, b.record_type) ||
      byText(a.record_id, b.record_id) ||
      byText(a.origin, b.origin) ||
      byText(a.source_id ?? "", b.source_id ?? "") ||
      (a.start ?? 0) - (b.start ?? 0) ||
      (a.end ?? 0) - (b.end ?? 0) ||
      byText(a.field ?? "", b.field ?? ""),
  );
}

/** Rows that come to share their identity fields become one: sources joined, dates widened. */
function collapseBy<T extends Row>(rows: T[], identity: (row: T) => string, merge: (kept: T, other: T) => T): T[] {
  const byId = new Map<string, T>();
  for (const row of rows) {
    const id = identity(row);
    const seen = byId.get(id);
    byId.set(id, seen ? merge(seen, row) : row);
  }
  return [...byId.values()];
}

const widerRole = (a: Dataset["roles"][number], b: Dataset["roles"][number]): Dataset["roles"][number] => ({
  ...a,
  role_key: a.role_key ?? b.role_key,
  country: a.country ?? b.country,
  from: [a.from, b.from].filter((d): d is string => d !== null).sort()[0] ?? null,
  to:
    [a.to, b.to]
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null,
  source_ids: [...new Set([...a.source_ids, ...b.source_ids])].sort(byText),
});

/** Gives rows new IDs (person, meeting or quote IDs, old → new) and rewrites every reference to them. */
export function renameIds(dataset: Dataset, renames: ReadonlyMap<string, string>): Dataset {
  if (renames.size === 0) return dataset;
  const r = (id: string): string => renames.get(id) ?? id;
  const rn = (id: string | null): string | null => (id === null ? null : r(id));
  const original = new Map<Row, string>();
  const track = <T extends Row>(row: T, key: string): T => {
    original.set(row, String(row[key]));
    return row;
  };
  const attendeeRenames = new Map<string, string>();
  const attendees = dataset.attendees.map((a) => {
    const meeting = r(a.meeting_id);
    const person = rn(a.person_id);
    const rest = a.attendee_id.slice(a.meeting_id.length + 1);
    const id =
      a.attendee_type === "person" && person !== a.person_id && person !== null
        ? attendeeId(meeting, "person", person)
        : `${meeting}/${rest}`;
    if (id !== a.attendee_id) attendeeRenames.set(a.attendee_id, id);
    return track({ ...a, attendee_id: id, meeting_id: meeting, person_id: person }, "attendee_id");
  });
  return {
    sources: dataset.sources,
    quote_sources: collapseBy(
      dataset.quote_sources.map((q) => ({ ...q, quote_id: r(q.quote_id) })),
      (q) => `${q.quote_id}\u0000${q.source_id}`,
      (kept, other) => (other.text.length > kept.text.length ? other : kept),
    ).sort((a, b) => byText(a.quote_id, b.quote_id) || byText(a.source_id, b.source_id)),
    roles: collapseBy(
      dataset.roles.map((x) => ({ ...x, person_id: r(x.person_id) })),
      (x) => `${x.person_id}\u0000${x.role.toLowerCase()}`,
      widerRole,
    ).sort((a, b) => byText(a.person_id, b.person_id) || byText(a.role, b.role)),
    meetings: collapse(
      dataset.meetings.map((m) => track({ ...m, meeting_id: r(m.meeting_id) }, "meeting_id")),
      "meeting_id",
      original,
    ) as Dataset["meetings"],
    attendees: collapse(attendees, "attendee_id", original) as Dataset["attendees"],
    quotes: collapse(
      dataset.quotes.map((q) =>
        track(
          { ...q, quote_id: r(q.quote_id), speaker_id: rn(q.speaker_id), meeting_id: rn(q.meeting_id) },
          "quote_id",
        ),
      ),
      "quote_id",
      original,
    ) as Dataset["quotes"],
    people: collapse(
      dataset.people.map((p) => track({ ...p, person_id: r(p.person_id) }, "person_id")),
      "person_id",
      original,
    ) as Dataset["people"],
    evidence: sortEvidence(
      dataset.evidence.map((e) => ({
        ...e,
        record_id: e.record_type === "attendee" ? (attendeeRenames.get(e.record_id) ?? e.record_id) : r(e.record_id),
      })),
    ),
  };
}

// ---- Applying a curation ----

/** Removes rows by ID with what hangs on them; references that may be empty are cleared instead. */
function rejectIds(dataset: Dataset, ids: ReadonlySet<string>): Dataset {
  const meetings = dataset.meetings.filter((m) => !ids.has(m.meeting_id));
  const meetingIds = new Set(meetings.map((m) => m.meeting_id));
  const people = dataset.people.filter((p) => !ids.has(p.person_id));
  const personIds = new Set(people.map((p) => p.person_id));
  const attendees = dataset.attendees.filter(
    (a) =>
      !ids.has(a.attendee_id) && meetingIds.has(a.meeting_id) && (a.person_id === null || personIds.has(a.person_id)),
  );
  const quotes = dataset.quotes
    .filter((q) => !ids.has(q.quote_id) && (q.speaker_id === null || personIds.has(q.speaker_id)))
    .map((q) => (q.meeting_id !== null && !meetingIds.has(q.meeting_id) ? { ...q, meeting_id: null } : q));
  const sources = dataset.sources;
  const quoteIds = new Set(quotes.map((q) => q.quote_id));
  const quote_sources = dataset.quote_sources.filter((q) => quoteIds.has(q.quote_id));
  const roles = dataset.roles.filter((x) => personIds.has(x.person_id));
  const kept: Record<string, Set<string>> = {
    meeting: meetingIds,
    person: personIds,
    attendee: new Set(attendees.map((a) => a.attendee_id)),
    quote: quoteIds,
  };
  const sourceIds = new Set(sources.map((s) => s.source_id));
  const evidence = dataset.evidence.filter(
    (e) => kept[e.record_type]?.has(e.record_id) === true && (e.source_id === null || sourceIds.has(e.source_id)),
  );
  return { sources, meetings, attendees, quotes, quote_sources, people, roles, evidence };
}

function idsOf(dataset: Dataset, table: TableName): Set<string> {
  const key = TABLES[table].key as string;
  return new Set((dataset[table] as unknown as Row[]).map((row) => String(row[key])));
}

/** Lists a field among the fields of a row that curation set. */
function markCurated(dataset: Dataset, id: string, field: string): Dataset {
  const table = tableOfId(id);
  const key = TABLES[table].key as string;
  const rows = (dataset[table] as unknown as Row[]).map((row) =>
    row[key] === id
      ? {
          ...row,
          curated_fields: [...new Set([...((row.curated_fields as string[] | undefined) ?? []), field])].sort(byText),
        }
      : row,
  );
  return { ...dataset, [table]: rows };
}

const RECORD_TYPES: Partial<Record<TableName, Dataset["evidence"][number]["record_type"]>> = {
  meetings: "meeting",
  attendees: "attendee",
  quotes: "quote",
  people: "person",
};

/** The curation's reason as evidence of the row it changed, beside the sentences of its sources. */
function curationEvidence(dataset: Dataset, id: string, field: string, reason: string): Dataset {
  const record_type = RECORD_TYPES[tableOfId(id)];
  if (record_type === undefined) return dataset;
  const row = {
    record_type,
    record_id: id,
    origin: "curation" as const,
    source_id: null,
    start: null,
    end: null,
    field,
    sentence: reason,
  };
  return { ...dataset, evidence: sortEvidence([...dataset.evidence, row]) };
}

function correctField(dataset: Dataset, c: Extract<Correction, { action: "correct" }>): Dataset {
  const table = tableOfId(c.id);
  const key = TABLES[table].key as string;
  const rows = (dataset[table] as unknown as Row[]).map((row) =>
    row[key] === c.id ? { ...row, [c.field]: c.value } : row,
  );
  return curationEvidence(markCurated({ ...dataset, [table]: rows }, c.id, c.field), c.id, c.field, c.reason);
}

export interface CurationResult {
  dataset: Dataset;
  /** Corrections that matched no row: a warning each, so stale curation is noticed. */
  unmatched: Problem[];
}

/**
 * Applies every correction of a curation to a normalized dataset: merges and renames first (so later
 * corrections may name the surviving ID), then field corrections, then rejections.
 */
export function applyCuration(dataset: Dataset, curation: Curation): CurationResult {
  const unmatched: Problem[] = [];
  const miss = (entry: CurationEntry, id: string): void => {
    unmatched.push({
      file: entry.file,
      line: entry.line,
      message: `${entry.correction.action} ${id} matches no row`,
      fix: "update the ID or remove the correction if it is no longer needed",
      severity: "warning",
    });
  };
  const renames = new Map<string, string>();
  for (const entry of curation) {
    const c = entry.correction;
    if (c.action !== "merge" && c.action !== "rename") continue;
    const ids = idsOf(dataset, tableOfId(c.id));
    const target = c.action === "merge" ? c.into : c.to;
    if (!ids.has(c.id)) miss(entry, c.id);
    else if (c.action === "merge" && !ids.has(target) && ![...renames.values()].includes(target)) miss(entry, target);
    else renames.set(c.id, target);
  }
  let result = renameIds(dataset, renames);
  for (const entry of curation) {
    const c = entry.correction;
    if ((c.action !== "merge" && c.action !== "rename") || !renames.has(c.id)) continue;
    const target = c.action === "merge" ? c.into : c.to;
    const key = TABLES[tableOfId(target)].key as string;
    if (c.action === "rename") result = markCurated(result, target, key);
    result = curationEvidence(
      result,
      target,
      key,
      `${c.action === "merge" ? "merged" : "renamed"} ${c.id}: ${c.reason}`,
    );
  }
  for (const entry of curation) {
    const c = entry.correction;
    if (c.action !== "correct") continue;
    if (!idsOf(result, tableOfId(c.id)).has(c.id)) miss(entry, c.id);
    else result = correctField(result, c);
  }
  const rejected = new Set<string>();
  for (const entry of curation) {
    const c = entry.correction;
    if (c.action !== "reject") continue;
    if (!idsOf(result, tableOfId(c.id)).has(c.id)) miss(entry, c.id);
    else rejected.add(c.id);
  }
  if (rejected.size > 0) result = rejectIds(result, rejected);
  return { dataset: result, unmatched };
}

/** An ID the curation says may leave the dataset: where its row went (null when removed) and why. */
export interface Retirement {
  id: string;
  to: string | null;
  reason: string;
  file: string;
  line: number;
}

/** What the curation says of IDs that leave: merged into another, rejected, or retired by hand. */
export function retirementsOf(curation: Curation): Retirement[] {
  return curation.flatMap(({ correction: c, file, line }): Retirement[] => {
    if (c.action === "merge") return [{ id: c.id, to: c.into, reason: `merged: ${c.reason}`, file, line }];
    if (c.action === "reject") return [{ id: c.id, to: null, reason: `removed: ${c.reason}`, file, line }];
    if (c.action === "retire")
      return [{ id: c.id, to: c.to ?? null, reason: `${c.to ? "replaced" : "removed"}: ${c.reason}`, file, line }];
    return [];
  });
}
