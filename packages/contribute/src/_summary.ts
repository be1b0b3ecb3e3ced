import { type Dataset, type EvidenceRecord, formatProblem, type Problem, TABLE_NAMES, type TableName } from "@parley/model";
import type { DatasetDiff } from "@parley/diff";

export interface ChangeSummaryInput {
  collection: string;
  /** The release compared against, or null when the collection has none yet. */
  baseVersion: string | null;
  /** The built dataset and its diff, or null when problems stopped the build. */
  change: { before: Dataset | null; after: Dataset; diff: DatasetDiff } | null;
  errors: readonly Problem[];
  warnings: readonly Problem[];
}

/** Rows listed per section; a pull request comment holds at most 65,536 characters. */
export const MAX_LISTED = 60;
const MAX_SENTENCE = 400;

/** Text from articles is shown, never interpreted: no Markdown, no HTML, no @-mentions that notify people. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`)
    .replace(/@/g, "&#64;");
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

function evidenceIndex(dataset: Dataset): Map<string, EvidenceRecord> {
  const index = new Map<string, EvidenceRecord>();
  const sorted = [...dataset.evidence].sort((a, b) => (a.source_id < b.source_id ? -1 : a.source_id > b.source_id ? 1 : a.start - b.start));
  for (const row of sorted) {
    const key = `${row.record_type}|${row.record_id}`;
    if (!index.has(key)) index.set(key, row);
  }
  return index;
}

/** Each new row as a list item, with the sentence that supports it quoted underneath, in reading order of the sources. */
function rowList<T>(
  ids: readonly string[],
  rows: readonly T[],
  idOf: (row: T) => string,
  describe: (row: T) => string,
  evidence: ((row: T) => EvidenceRecord | undefined) | null,
): string[] {
  const byId = new Map(rows.map((r) => [idOf(r), r]));
  const position = (row: T): string => {
    const found = evidence?.(row);
    return found ? `${found.source_id}\u0000${String(found.start).padStart(9, "0")}` : `\uffff${idOf(row)}`;
  };
  const listed = ids
    .map((id) => byId.get(id))
    .filter((row): row is T => row !== undefined)
    .sort((a, b) => (position(a) < position(b) ? -1 : position(a) > position(b) ? 1 : 0));
  const lines: string[] = [];
  for (const row of listed.slice(0, MAX_LISTED)) {
    lines.push(`- ${describe(row)}`);
    if (evidence === null) continue;
    const found = evidence(row);
    lines.push(found ? `  > ${escapeMarkdown(clip(found.sentence, MAX_SENTENCE))} (${code(found.source_id)})` : "  > no evidence sentence: this row is not backed by the text of a source");
  }
  if (listed.length > MAX_LISTED) lines.push(`- … and ${listed.length - MAX_LISTED} more`);
  return lines;
}

const TRACKED: TableName[] = TABLE_NAMES.filter((t) => t !== "evidence");

function countsTable(diff: DatasetDiff, after: Dataset): string[] {
  return [
    "| table | added | changed | removed | rows after |",
    "|---|---:|---:|---:|---:|",
    ...TABLE_NAMES.map((t) => `| ${t} | ${diff[t].added.length} | ${diff[t].changed.length} | ${diff[t].removed.length} | ${after[t].length} |`),
  ];
}

function section(title: string, count: number, lines: readonly string[]): string[] {
  return count === 0 ? [] : ["", `### ${title} (${count})`, "", ...lines];
}

function changeSections(before: Dataset | null, after: Dataset, diff: DatasetDiff): string[] {
  const evidence = evidenceIndex(after);
  const meetingName = new Map(after.meetings.map((m) => [m.meeting_id, m.name]));
  const out: string[] = [];
  out.push(
    ...section(
      "New sources",
      diff.sources.added.length,
      rowList(
        diff.sources.added,
        after.sources,
        (s) => s.source_id,
        (s) => `${code(s.source_id)} **${escapeMarkdown(s.title)}**, ${escapeMarkdown(s.publisher)}, ${s.published}${s.url ? `, <${s.url.replace(/[<>\s]/g, encodeURIComponent)}>` : ""}`,
        null,
      ),
    ),
    ...section(
      "New meetings",
      diff.meetings.added.length,
      rowList(diff.meetings.added, after.meetings, (m) => m.meeting_id, (m) => `**${escapeMarkdown(m.name)}**, ${m.date}${m.city ? `, ${escapeMarkdown(m.city)}` : ""} ${code(m.meeting_id)}`, (m) => evidence.get(`meeting|${m.meeting_id}`)),
    ),
    ...section(
      "New attendees",
      diff.attendees.added.length,
      rowList(
        diff.attendees.added,
        after.attendees,
        (a) => a.attendee_id,
        (a) => `**${escapeMarkdown(a.name)}** (${[a.attendee_type, a.role, a.country, a.participation].filter(Boolean).map((v) => escapeMarkdown(String(v))).join(", ")}) at ${escapeMarkdown(meetingName.get(a.meeting_id) ?? a.meeting_id)}`,
        (a) => evidence.get(`attendee|${a.attendee_id}`),
      ),
    ),
    ...section(
      "New quotes",
      diff.quotes.added.length,
      rowList(
        diff.quotes.added,
        after.quotes,
        (q) => q.quote_id,
        (q) => {
          const speaker = [q.speaker_role, q.speaker_country].filter(Boolean).map((v) => escapeMarkdown(String(v))).join(", ");
          const meeting = q.meeting_id === null ? "" : ` at ${escapeMarkdown(meetingName.get(q.meeting_id) ?? q.meeting_id)}`;
          return `**${escapeMarkdown(q.speaker_name)}**${speaker ? ` (${speaker})` : ""}${meeting}: “${escapeMarkdown(clip(q.text, MAX_SENTENCE))}”`;
        },
        (q) => evidence.get(`quote|${q.quote_id}`),
      ),
    ),
    ...section(
      "New people",
      diff.people.added.length,
      rowList(diff.people.added, after.people, (p) => p.person_id, (p) => `**${escapeMarkdown(p.name)}**${p.role ? `, ${escapeMarkdown(p.role)}` : ""}${p.country ? ` (${p.country})` : ""}`, null),
    ),
  );
  const changed = TRACKED.flatMap((t) => diff[t].changed.map((c) => `- ${t} ${code(c.id)}: ${c.fields.join(", ")}`));
  out.push(...section("Changed rows (fields that changed)", changed.length, clipList(changed)));
  const names = new Map<string, string>();
  for (const m of before?.meetings ?? []) names.set(m.meeting_id, m.name);
  for (const q of before?.quotes ?? []) names.set(q.quote_id, `${q.speaker_name}: “${clip(q.text, 120)}”`);
  for (const a of before?.attendees ?? []) names.set(a.attendee_id, a.name);
  const removed = TRACKED.flatMap((t) => diff[t].removed.map((id) => `- ${t} ${code(id)}${names.has(id) ? ` ${escapeMarkdown(names.get(id) ?? "")}` : ""}`));
  out.push(...section("Removed rows", removed.length, clipList(removed)));
  return out;
}

function clipList(lines: string[]): string[] {
  return lines.length > MAX_LISTED ? [...lines.slice(0, MAX_LISTED), `- … and ${lines.length - MAX_LISTED} more`] : lines;
}

function problemList(problems: readonly Problem[]): string[] {
  // A backtick fence inside a message would end the code block early.
  return ["```", ...clipList(problems.map((p) => formatProblem(p).replace(/`/g, "'"))), "```"];
}

/** The pull request summary: what the change does to the dataset, with the evidence a reviewer needs to judge it. */
export function renderChangeSummary(input: ChangeSummaryInput): string {
  const { collection, baseVersion, change, errors, warnings } = input;
  const out = [`## Parley check: ${collection}`, ""];
  out.push(errors.length === 0 ? "✅ Every source and curated file passed the check." : `❌ ${errors.length} problem(s) must be fixed before this can be merged.`);
  out.push(...section("Problems to fix", errors.length, problemList(errors)));
  if (change !== null) {
    out.push("", baseVersion === null ? "Compared with: no release yet, so every row is new." : `Compared with release ${baseVersion}.`, "");
    out.push(...countsTable(change.diff, change.after));
    out.push(...changeSections(change.before, change.after, change.diff));
  } else {
    out.push("", "The dataset was not built: fix the problems above and run `pnpm parley check` again.");
  }
  out.push(...section("Warnings (worth a look, not blocking)", warnings.length, problemList(warnings)));
  return `${out.join("\n")}\n`;
}
