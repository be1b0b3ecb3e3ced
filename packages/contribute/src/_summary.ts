import {
  type Dataset,
  type EvidenceRecord,
  formatProblem,
  type Problem,
  TABLE_NAMES,
  TABLES,
  type TableName,
} from "@parley/model";
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

type Listed = Exclude<TableName, "evidence" | "quote_sources" | "roles">;
type EvidenceType = EvidenceRecord["record_type"];
const EVIDENCE_TYPE: Record<Listed, EvidenceType | null> = {
  sources: null,
  meetings: "meeting",
  attendees: "attendee",
  quotes: "quote",
  people: null,
};
const LISTED: Listed[] = ["sources", "meetings", "attendees", "quotes", "people"];
const TITLES: Record<Listed, string> = {
  sources: "New sources",
  meetings: "New meetings",
  attendees: "New attendees",
  quotes: "New quotes",
  people: "New people",
};

const listOf = (values: ReadonlyArray<string | number | null>): string =>
  values
    .filter((v) => v !== null && v !== "")
    .map((v) => escapeMarkdown(String(v)))
    .join(", ");

/** One line that lets a reviewer recognise a row without opening the dataset. */
function describer(dataset: Dataset): (table: Listed, id: string) => string | null {
  const meetingName = new Map(dataset.meetings.map((m) => [m.meeting_id, m.name]));
  const at = (meetingId: string | null): string =>
    meetingId === null ? "" : ` at ${escapeMarkdown(meetingName.get(meetingId) ?? meetingId)}`;
  const lines: Record<Listed, Map<string, string>> = {
    sources: new Map(
      dataset.sources.map((s) => [
        s.source_id,
        `${code(s.source_id)} **${escapeMarkdown(s.title)}**, ${listOf([s.publisher, s.published])}${s.url ? `, <${s.url.replace(/[<>\s]/g, encodeURIComponent)}>` : ""}`,
      ]),
    ),
    meetings: new Map(
      dataset.meetings.map((m) => [
        m.meeting_id,
        `**${escapeMarkdown(m.name)}**, ${listOf([m.date, m.city, m.country])} ${code(m.meeting_id)}`,
      ]),
    ),
    attendees: new Map(
      dataset.attendees.map((a) => [
        a.attendee_id,
        `**${escapeMarkdown(a.name)}** (${listOf([a.attendee_type, a.role, a.country, a.participation])})${at(a.meeting_id)}`,
      ]),
    ),
    quotes: new Map(
      dataset.quotes.map((q) => {
        const speaker = listOf([q.speaker_role, q.speaker_country]);
        return [
          q.quote_id,
          `**${escapeMarkdown(q.speaker_name)}**${speaker ? ` (${speaker})` : ""}${at(q.meeting_id)}: “${escapeMarkdown(clip(q.text, MAX_SENTENCE))}”`,
        ];
      }),
    ),
    people: new Map(
      dataset.people.map((p) => [
        p.person_id,
        `**${escapeMarkdown(p.name)}**${p.role ? `, ${escapeMarkdown(p.role)}` : ""}${p.country ? ` (${p.country})` : ""}`,
      ]),
    ),
  };
  return (table, id) => lines[table].get(id) ?? null;
}

/** Evidence rows per record, in reading order of the sources. */
function evidenceIndex(dataset: Dataset): Map<string, EvidenceRecord[]> {
  const index = new Map<string, EvidenceRecord[]>();
  const sorted = [...dataset.evidence].sort((a, b) =>
    (a.source_id ?? "") < (b.source_id ?? "")
      ? -1
      : (a.source_id ?? "") > (b.source_id ?? "")
        ? 1
        : (a.start ?? 0) - (b.start ?? 0),
  );
  for (const row of sorted) {
    const key = `${row.record_type}|${row.record_id}`;
    index.set(key, [...(index.get(key) ?? []), row]);
  }
  return index;
}

/** Each row's sources by table and ID (sources and people have none). */
function sourceIndex(dataset: Dataset | null): (table: Listed, id: string) => string[] {
  const index = new Map<string, string[]>();
  for (const table of LISTED) {
    const key = TABLES[table].key as string;
    for (const row of (dataset?.[table] ?? []) as Array<Record<string, unknown>>) {
      if (Array.isArray(row.source_ids)) index.set(`${table}|${String(row[key])}`, row.source_ids as string[]);
    }
  }
  return (table, id) => index.get(`${table}|${id}`) ?? [];
}

interface Item {
  line: string;
  evidence: EvidenceRecord | null;
  hasEvidence: boolean;
  /** Text the evidence excerpt must show (a quote), when the sentence is too long to show whole. */
  focus?: string;
}

/** A long evidence passage cut around the words the row is about, so the quote stays visible. */
export function excerpt(sentence: string, focus: string | undefined, max = MAX_SENTENCE): string {
  if (sentence.length <= max) return sentence;
  const at = focus === undefined ? -1 : sentence.indexOf(focus.slice(0, 60));
  if (at < 0) return clip(sentence, max);
  const start = Math.max(0, Math.min(at - Math.floor(max / 4), sentence.length - max));
  const end = Math.min(sentence.length, start + max);
  let window = sentence.slice(start, end);
  // Whole words only at the cuts.
  if (start > 0) window = window.slice(window.indexOf(" ") + 1);
  if (end < sentence.length) window = window.slice(0, Math.max(window.lastIndexOf(" "), 0));
  return `${start > 0 ? "…" : ""}${window.trim()}${end < sentence.length ? "…" : ""}`;
}

function renderItems(items: Item[]): string[] {
  const position = (item: Item): string =>
    item.evidence ? `${item.evidence.source_id}\u0000${String(item.evidence.start).padStart(9, "0")}` : "\uffff";
  const sorted = [...items].sort((a, b) => (position(a) < position(b) ? -1 : position(a) > position(b) ? 1 : 0));
  const lines: string[] = [];
  for (const item of sorted.slice(0, MAX_LISTED)) {
    lines.push(`- ${item.line}`);
    if (!item.hasEvidence) continue;
    lines.push(
      item.evidence
        ? `  > ${escapeMarkdown(excerpt(item.evidence.sentence, item.focus))} (${code(item.evidence.source_id ?? "curation")})`
        : "  > no evidence sentence: this row is not backed by the text of a source",
    );
  }
  if (sorted.length > MAX_LISTED) lines.push(`- … and ${sorted.length - MAX_LISTED} more`);
  return lines;
}

function countsTable(diff: DatasetDiff, after: Dataset): string[] {
  return [
    "| table | added | changed | removed | rows after |",
    "|---|---:|---:|---:|---:|",
    ...TABLE_NAMES.map(
      (t) =>
        `| ${t} | ${diff[t].added.length} | ${diff[t].changed.length} | ${diff[t].removed.length} | ${after[t].length} |`,
    ),
  ];
}

function section(title: string, count: number, lines: readonly string[]): string[] {
  return count === 0 ? [] : ["", `### ${title} (${count})`, "", ...lines];
}

/**
 * New rows with the sentence that supports them; changed rows with what changed and the sentence of a source that
 * newly supports them (an article that repeats a known quote changes that quote's sources); removed rows.
 */
function changeSections(before: Dataset | null, after: Dataset, diff: DatasetDiff): string[] {
  const evidence = evidenceIndex(after);
  const describeAfter = describer(after);
  const describeBefore = before === null ? () => null : describer(before);
  const evidenceOf = (table: Listed, id: string, prefer: readonly string[] = []): EvidenceRecord | null => {
    const type = EVIDENCE_TYPE[table];
    const rows = type === null ? [] : (evidence.get(`${type}|${id}`) ?? []);
    return rows.find((r) => r.source_id !== null && prefer.includes(r.source_id)) ?? rows[0] ?? null;
  };
  const sourcesBefore = sourceIndex(before);
  const sourcesAfter = sourceIndex(after);
  const quoteText = new Map(after.quotes.map((q) => [q.quote_id, q.text]));
  const out: string[] = [];
  for (const table of LISTED) {
    const items = diff[table].added.map((id) => ({
      line: describeAfter(table, id) ?? code(id),
      evidence: evidenceOf(table, id),
      hasEvidence: EVIDENCE_TYPE[table] !== null,
      focus: quoteText.get(id),
    }));
    out.push(...section(TITLES[table], items.length, renderItems(items)));
  }
  const changed = LISTED.flatMap((table) =>
    diff[table].changed.map((c) => {
      const added = sourcesAfter(table, c.id).filter((s) => !sourcesBefore(table, c.id).includes(s));
      const what = c.fields
        .map((f) => (f === "source_ids" && added.length > 0 ? `${code(f)} (+${added.map(code).join(", +")})` : code(f)))
        .join(", ");
      return {
        line: `${table}: ${describeAfter(table, c.id) ?? code(c.id)} — changed: ${what}`,
        evidence: evidenceOf(table, c.id, added),
        hasEvidence: EVIDENCE_TYPE[table] !== null,
        focus: quoteText.get(c.id),
      };
    }),
  );
  out.push(...section("Changed rows", changed.length, renderItems(changed)));
  const removed = LISTED.flatMap((table) =>
    diff[table].removed.map((id) => `- ${table}: ${describeBefore(table, id) ?? code(id)}`),
  );
  out.push(...section("Removed rows", removed.length, clipList(removed)));
  return out;
}

function clipList(lines: string[]): string[] {
  return lines.length > MAX_LISTED
    ? [...lines.slice(0, MAX_LISTED), `- … and ${lines.length - MAX_LISTED} more`]
    : lines;
}

function problemList(problems: readonly Problem[]): string[] {
  // A backtick fence inside a message would end the code block early.
  return ["```", ...clipList(problems.map((p) => formatProblem(p).replace(/`/g, "'"))), "```"];
}

/** The pull request summary: what the change does to the dataset, with the evidence a reviewer needs to judge it. */
export function renderChangeSummary(input: ChangeSummaryInput): string {
  const { collection, baseVersion, change, errors, warnings } = input;
  const out = [`## Parley check: ${collection}`, ""];
  out.push(
    errors.length === 0
      ? "✅ Every source and curated file passed the check."
      : `❌ ${errors.length} problem(s) must be fixed before this can be merged.`,
  );
  out.push(...section("Problems to fix", errors.length, problemList(errors)));
  if (change !== null) {
    out.push(
      "",
      baseVersion === null
        ? "Compared with: no release yet, so every row is new."
        : `Compared with release ${baseVersion}.`,
      "",
    );
    out.push(...countsTable(change.diff, change.after));
    out.push(...changeSections(change.before, change.after, change.diff));
  } else {
    out.push("", "The dataset was not built: fix the problems above and run `pnpm parley check` again.");
  }
  out.push(...section("Warnings (worth a look, not blocking)", warnings.length, problemList(warnings)));
  return `${out.join("\n")}\n`;
}
