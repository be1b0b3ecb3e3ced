import { type Dataset, type RedirectRecord, TABLE_NAMES, type TableName } from "@parley/model";
import { type DatasetDiff, keyOf } from "@parley/diff";
import type { Proposal } from "./_bump.ts";

const code = (id: string): string => `\`${id}\``;
type Row = Record<string, unknown>;

const firstWords = (text: string, n = 8): string => {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  return words.length <= n ? text : `${words.slice(0, n).join(" ")} …`;
};

/** Human labels for the rows of one or two datasets: meeting name and date, speaker and first words of a quote. */
export function labeller(...datasets: ReadonlyArray<Dataset | null>): (table: TableName, key: string) => string {
  const rows = new Map<string, Row>();
  const meetings = new Map<string, Row>();
  const quotes = new Map<string, Row>();
  const people = new Map<string, Row>();
  for (const d of datasets) {
    if (!d) continue;
    for (const table of TABLE_NAMES)
      for (const row of (d[table] ?? []) as unknown as Row[]) rows.set(`${table}\u0000${keyOf(table, row)}`, row);
    for (const m of d.meetings) meetings.set(m.meeting_id, m as unknown as Row);
    for (const q of d.quotes) quotes.set(q.quote_id, q as unknown as Row);
    for (const p of d.people) people.set(p.person_id, p as unknown as Row);
  }
  const meetingLabel = (id: unknown): string => {
    const m = meetings.get(String(id));
    return m ? `${String(m.name)}, ${String(m.date)}` : String(id);
  };
  const quoteLabel = (id: unknown): string => {
    const q = quotes.get(String(id));
    return q ? `${String(q.speaker_name)}: “${firstWords(String(q.text))}”` : String(id);
  };
  const label = (table: TableName, key: string): string => {
    const row = rows.get(`${table}\u0000${key}`);
    if (!row) return "";
    switch (table) {
      case "sources":
        return `${String(row.publisher ?? "publisher unknown")}: ${String(row.title)}`;
      case "meetings":
        return meetingLabel(row.meeting_id);
      case "attendees":
        return `${String(row.name)} at ${meetingLabel(row.meeting_id)}`;
      case "quotes":
        return quoteLabel(row.quote_id);
      case "quote_sources":
        return `${quoteLabel(row.quote_id)} in ${String(row.source_id)}`;
      case "people":
        return String(row.name);
      case "roles":
        return `${String(people.get(String(row.person_id))?.name ?? row.person_id)}: ${String(row.role)}`;
      case "evidence": {
        const record =
          String(row.record_type) === "meeting"
            ? meetingLabel(row.record_id)
            : String(row.record_type) === "quote"
              ? quoteLabel(row.record_id)
              : String(row.record_id);
        return `${record} — “${firstWords(String(row.sentence), 6)}”`;
      }
    }
  };
  return label;
}

/** The lines a person reads first: rows added, changed and removed per table, and the meetings touched. */
export function renderSummary(diff: DatasetDiff, previous: Dataset | null, current: Dataset): string[] {
  const lines: string[] = [];
  const tables = TABLE_NAMES.filter((t) => diff[t].added.length + diff[t].removed.length + diff[t].changed.length > 0);
  if (tables.length === 0) return ["No record changed."];
  lines.push("| table | added | changed | removed |", "|---|---:|---:|---:|");
  for (const t of tables)
    lines.push(`| ${t} | ${diff[t].added.length} | ${diff[t].changed.length} | ${diff[t].removed.length} |`);
  const byId = new Map([...(previous?.meetings ?? []), ...current.meetings].map((m) => [m.meeting_id, m]));
  const touched = new Set<string>();
  for (const id of [...diff.meetings.added, ...diff.meetings.removed, ...diff.meetings.changed.map((c) => c.id)])
    touched.add(id);
  const meetingOf = new Map<string, string | null>(
    [...(previous?.attendees ?? []), ...current.attendees].map((a) => [a.attendee_id, a.meeting_id]),
  );
  for (const id of [...diff.attendees.added, ...diff.attendees.removed, ...diff.attendees.changed.map((c) => c.id)]) {
    const m = meetingOf.get(id);
    if (m) touched.add(m);
  }
  const quoteMeeting = new Map<string, string | null>(
    [...(previous?.quotes ?? []), ...current.quotes].map((q) => [q.quote_id, q.meeting_id]),
  );
  for (const id of [...diff.quotes.added, ...diff.quotes.removed, ...diff.quotes.changed.map((c) => c.id)]) {
    const m = quoteMeeting.get(id);
    if (m) touched.add(m);
  }
  const names = [...touched]
    .map((id) => byId.get(id))
    .filter((m) => m !== undefined)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  if (names.length > 0) {
    lines.push(
      "",
      `Meetings touched (${names.length}): ${names.map((m) => `${m.name} (${m.date}${m.city ? `, ${m.city}` : ""})`).join("; ")}.`,
    );
  }
  return lines;
}

/** The diff as Markdown, per table: rows added, removed and changed, each ID with a label a person reads. */
export function renderDiff(
  diff: DatasetDiff,
  label: (table: TableName, key: string) => string = () => "",
  heading = "###",
): string {
  const sections: string[] = [];
  const item = (table: TableName, id: string, extra = ""): string => {
    const text = label(table, id);
    return `- ${code(id)}${text ? ` — ${text}` : ""}${extra}`;
  };
  for (const table of TABLE_NAMES) {
    const { added, removed, changed } = diff[table];
    if (added.length + removed.length + changed.length === 0) continue;
    const parts = [`${heading} ${table}`];
    if (added.length > 0) parts.push(`Added (${added.length}):\n${added.map((id) => item(table, id)).join("\n")}`);
    if (removed.length > 0)
      parts.push(`Removed (${removed.length}):\n${removed.map((id) => item(table, id)).join("\n")}`);
    if (changed.length > 0)
      parts.push(
        `Changed (${changed.length}):\n${changed.map((c) => item(table, c.id, ` (${c.fields.join(", ")})`)).join("\n")}`,
      );
    sections.push(parts.join("\n\n"));
  }
  return sections.length > 0 ? sections.join("\n\n") : "No record changed.";
}

export interface ChangelogInput {
  proposal: Proposal;
  date: string;
  diff: DatasetDiff;
  previous: Dataset | null;
  current: Dataset;
  previousVersion: string | null;
  /** Schema changes and IDs kept, one line each. */
  notes?: readonly string[];
  /** How to read this version's files with code written for the previous one (a major release). */
  upgrade?: readonly string[];
  redirects?: readonly RedirectRecord[];
}

/** One version's changelog entry: the summary a person reads, the upgrade path, then every row with a label. */
export function changelogEntry(input: ChangelogInput): string {
  const { proposal, date, diff, previous, current } = input;
  const kind = proposal.first ? "First" : `${proposal.bump[0]?.toUpperCase()}${proposal.bump.slice(1)}`;
  const lines = [
    `## ${proposal.version} — ${date}`,
    "",
    `${kind} release.`,
    "",
    ...renderSummary(diff, previous, current),
    "",
  ];
  for (const reason of proposal.reasons) lines.push(`- ${reason}`);
  for (const note of input.notes ?? []) lines.push(`- ${note}`);
  if ((input.upgrade ?? []).length > 0 && input.previousVersion !== null) {
    lines.push("", `### Upgrading from ${input.previousVersion}`, "");
    for (const step of input.upgrade ?? []) lines.push(`- ${step}`);
  }
  if ((input.redirects ?? []).length > 0) {
    lines.push("", "### Retired IDs (redirects.csv)", "");
    const label = labeller(previous, current);
    for (const r of input.redirects ?? []) {
      const table = r.old_id.startsWith("person:")
        ? "people"
        : r.old_id.startsWith("quote:")
          ? "quotes"
          : r.old_id.includes("/")
            ? "attendees"
            : "meetings";
      const what = label(table, r.old_id);
      lines.push(
        `- ${code(r.old_id)}${what ? ` (${what})` : ""} → ${r.new_id === null ? "removed" : code(r.new_id)}: ${r.reason}`,
      );
    }
  }
  return `${lines.join("\n")}\n\n### Detail\n\n${renderDiff(diff, labeller(previous, current), "####")}\n`;
}

/** Puts a new entry at the top of a collection's changelog (newest first), creating the file's header if needed. */
export function addChangelogEntry(
  existing: string | null,
  entry: string,
  collection: { name: string; title: string },
): string {
  const header = `# Changelog: ${collection.title}\n\nRecord-level changes of every published version of \`${collection.name}\`, newest first. IDs are stable across versions.\n`;
  const body = existing ?? header;
  const at = body.search(/^## /m);
  if (at < 0) return `${body.trimEnd()}\n\n${entry}`;
  return `${body.slice(0, at)}${entry}\n${body.slice(at)}`;
}
