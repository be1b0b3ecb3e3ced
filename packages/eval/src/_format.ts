import type { EvalReport, GoldQuoteRef, MeetingFinding, Prf, QuoteRow, Rate } from "./_report.ts";

// The report for a terminal: the numbers first, then every miss and wrong row, one per line.

const WIDTH = 110;

function clip(text: string, width = WIDTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

const num = (x: number | null): string => (x === null ? "  n/a" : x.toFixed(3));

function prfLine(label: string, m: Prf): string {
  return `  ${label.padEnd(22)} P ${num(m.precision)}  R ${num(m.recall)}  F1 ${num(m.f1)}   (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`;
}

function rateLine(label: string, r: Rate): string {
  return `  ${label.padEnd(22)} ${num(r.value)}   (${r.correct}/${r.total})`;
}

const goldQuote = (q: GoldQuoteRef): string =>
  `${q.speaker}: “${clip(q.text, WIDTH - q.speaker.length)}” [${q.sources.join(", ")}]`;
const rowQuote = (q: QuoteRow): string =>
  `${q.quote_id} ${q.speaker}: “${clip(q.text, WIDTH - q.speaker.length)}” [${q.source_ids.join(", ")}]`;

function section<T>(title: string, items: readonly T[], line: (item: T) => string[]): string[] {
  if (items.length === 0) return [`${title}: none`];
  return [
    `${title} (${items.length}):`,
    ...items.flatMap((item) => line(item).map((l, i) => (i === 0 ? `  - ${l}` : `      ${l}`))),
  ];
}

function meetingLines(f: MeetingFinding): string[] {
  const head = `${f.key}  ${f.date} ${f.city}  [${f.sources.join(", ")}]`;
  if (f.meeting_id === null) return [`${head}: MISSED`];
  const lines = [`${head} → ${f.meeting_id}`];
  if (f.missing_sources.length > 0) lines.push(`sources missing from the row: ${f.missing_sources.join(", ")}`);
  if (f.duplicates.length > 0) lines.push(`also split into: ${f.duplicates.join(", ")}`);
  for (const d of f.detail_mismatches) lines.push(d);
  const list = (label: string, xs: string[]): void => {
    if (xs.length > 0) lines.push(`${label}: ${xs.join(", ")}`);
  };
  list("people missed", f.people.missed);
  list("people spurious", f.people.spurious);
  list("people listed who were NOT there", f.people.not_attendees);
  list("countries missed", f.countries.missed);
  list("countries spurious", f.countries.spurious);
  for (const p of f.participation_wrong) lines.push(`participation of ${p.name}: expected ${p.expected}, got ${p.got}`);
  return lines;
}

export function formatReport(report: EvalReport): string {
  const m = report.metrics;
  const q = report.quotes;
  const out: string[] = [`Scored ${report.sources.scored.length} source(s) present in both the gold and the dataset.`];
  if (report.sources.gold_only.length > 0)
    out.push(`  not in the dataset (their gold items are left out): ${report.sources.gold_only.join(", ")}`);
  if (report.sources.dataset_only.length > 0)
    out.push(`  not in the gold (their rows are left out): ${report.sources.dataset_only.join(", ")}`);
  out.push(
    "",
    "Metrics:",
    prfLine("quotes", m.quotes),
    rateLine("speaker (person)", m.quote_speakers),
    rateLine("speaker (role/group)", m.quote_role_speakers),
    rateLine("quotes merged", m.quote_merge),
    rateLine("quote → meeting", m.quote_meetings),
    prfLine("meetings", m.meetings),
    rateLine("meeting sources", m.meeting_sources),
    rateLine("meeting details", m.meeting_details),
    prfLine("attendee people", m.attendee_people),
    prfLine("attendee countries", m.attendee_countries),
    rateLine("participation", m.attendee_participation),
    `  ${"must_not_quote".padEnd(22)} ${m.must_not_quote_violations} violation(s)`,
    "",
    ...section("Quotes missed", q.missed, (x) => [goldQuote(x)]),
    ...section("Quotes spurious", q.spurious, (x) => [rowQuote(x)]),
    ...section("Wrong speaker", q.wrong_speaker, (x) => [
      `${clip(x.gold.text, 70)}`,
      `expected ${x.expected.join(" | ")}; got ${x.got.speaker} (${x.got.quote_id})`,
    ]),
    ...section("Quotes not merged", q.not_merged, (x) => [
      `${clip(x.gold.text, 70)} [${x.gold.sources.join(", ")}]`,
      ...x.rows.map((r) => `row ${r.quote_id} [${r.source_ids.join(", ")}]`),
      ...(x.missing_sources.length > 0 ? [`missing from the first row: ${x.missing_sources.join(", ")}`] : []),
    ]),
    ...section("Wrong quote → meeting", q.wrong_meeting, (x) => [
      `${clip(x.gold.text, 70)}`,
      `expected ${x.expected ?? "no meeting"}; got ${x.got_meeting_id === null ? "no meeting" : `${x.got_meeting_id} (${x.got_key ?? "not a gold meeting"})`} (${x.row.quote_id})`,
    ]),
    ...section("must_not_quote violations", q.must_not_quote, (x) => [`“${clip(x.span, 60)}” ← ${rowQuote(x.row)}`]),
    `Optional quotes found (neutral): ${q.optional_found.length}`,
    "",
    ...section("Meetings", report.meetings, meetingLines),
    ...section("Meetings spurious", report.spurious_meetings, (x) => [
      `${x.meeting_id}  ${x.date} ${x.city ?? "?"}  [${x.source_ids.join(", ")}]`,
    ]),
    `Optional meetings found (neutral): ${report.optional_meetings_found.map((x) => `${x.key} → ${x.meeting_id}`).join(", ") || "none"}`,
  );
  return out.join("\n");
}
