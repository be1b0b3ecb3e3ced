import type { AttendeeRecord, Dataset, MeetingRecord, PersonRecord, QuoteRecord } from "@parley/model";
import type { Gold, GoldMeeting, GoldQuote } from "./_gold.ts";
import {
  anyNameMatches,
  containsEither,
  dateMatches,
  insideSpan,
  quoteTextMatches,
  sameName,
  sourceStem,
  textOverlap,
} from "./_match.ts";
import type {
  AttendeeFindings,
  EvalReport,
  GoldQuoteRef,
  MeetingFinding,
  MeetingRow,
  Prf,
  QuoteFindings,
  QuoteRow,
  Rate,
} from "./_report.ts";

/** Scores a dataset against gold annotations, on the sources both have. Pure: same inputs, same report. */
export function scoreAgainstGold(gold: Gold, dataset: Dataset): EvalReport {
  const scope = scopeOf(gold, dataset);
  const people = new Map(dataset.people.map((p) => [p.person_id, p]));
  const meetings = scoreMeetings(gold, dataset, scope, people);
  const quotes = scoreQuotes(gold, dataset, scope, people, meetings.keyOfMeeting, meetings.optionalKeys);
  return {
    format: "parley-eval-v1",
    sources: { scored: [...scope.scored].sort(), gold_only: scope.goldOnly, dataset_only: scope.datasetOnly },
    metrics: {
      quotes: quotes.prf,
      quote_speakers: quotes.speakers,
      quote_role_speakers: quotes.roleSpeakers,
      quote_merge: quotes.merge,
      quote_meetings: quotes.links,
      meetings: meetings.prf,
      meeting_sources: meetings.sources,
      meeting_details: meetings.details,
      attendee_people: meetings.people,
      attendee_countries: meetings.countries,
      attendee_participation: meetings.participation,
      must_not_quote_violations: quotes.findings.must_not_quote.length,
    },
    quotes: quotes.findings,
    meetings: meetings.findings,
    spurious_meetings: meetings.spurious,
    optional_meetings_found: meetings.optionalFound,
  };
}

// ---- Scope: only sources that both the gold and the dataset have are scored. ----

interface Scope {
  scored: Set<string>;
  goldOnly: string[];
  datasetOnly: string[];
}

function scopeOf(gold: Gold, dataset: Dataset): Scope {
  const goldSources = new Set(
    [...gold.meetings, ...gold.optional_meetings, ...gold.quotes].flatMap((item) => item.sources.map(sourceStem)),
  );
  const datasetSources = new Set(dataset.sources.map((s) => sourceStem(s.source_id)));
  return {
    scored: new Set([...goldSources].filter((s) => datasetSources.has(s))),
    goldOnly: [...goldSources].filter((s) => !datasetSources.has(s)).sort(),
    datasetOnly: [...datasetSources].filter((s) => !goldSources.has(s)).sort(),
  };
}

/** The scored sources of a list of source names or IDs, as stems, sorted. */
function scoredStems(names: readonly string[], scope: Scope): string[] {
  return [...new Set(names.map(sourceStem))].filter((s) => scope.scored.has(s)).sort();
}

// ---- One-to-one matching: best pairs first, each gold item and each row used once. ----

interface Pair {
  gold: number;
  system: number;
  /** Compared left to right, higher is better. */
  rank: number[];
}

function compareRank(a: Pair, b: Pair): number {
  for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i++) {
    const d = (b.rank[i] ?? 0) - (a.rank[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.gold - b.gold || a.system - b.system;
}

interface Assignment {
  /** gold index → system indexes, the first one the matched row and the rest duplicates. */
  rowsOfGold: Map<number, number[]>;
  /** system rows matched to nothing. */
  unmatched: number[];
}

/** Greedy one-to-one assignment; a leftover row that matches an assigned gold item (`duplicateOk`) is its duplicate. */
function assign(pairs: Pair[], systemCount: number, duplicateOk: (p: Pair) => boolean): Assignment {
  const sorted = [...pairs].sort(compareRank);
  const rowsOfGold = new Map<number, number[]>();
  const usedSystem = new Set<number>();
  for (const p of sorted) {
    if (rowsOfGold.has(p.gold) || usedSystem.has(p.system)) continue;
    rowsOfGold.set(p.gold, [p.system]);
    usedSystem.add(p.system);
  }
  for (const p of sorted) {
    if (usedSystem.has(p.system) || !duplicateOk(p)) continue;
    rowsOfGold.get(p.gold)?.push(p.system);
    usedSystem.add(p.system);
  }
  const unmatched = Array.from({ length: systemCount }, (_, i) => i).filter((i) => !usedSystem.has(i));
  return { rowsOfGold, unmatched };
}

// ---- Ratios ----

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  // Nothing right while something was expected or produced is an F1 of 0; n/a only when there was nothing at all.
  const f1 = tp === 0 ? (fp + fn > 0 ? 0 : null) : (2 * tp) / (2 * tp + fp + fn);
  const r = (x: number | null): number | null => (x === null ? null : round4(x));
  return { tp, fp, fn, precision: r(precision), recall: r(recall), f1: r(f1) };
}

export function rate(correct: number, total: number): Rate {
  return { correct, total, value: total > 0 ? round4(correct / total) : null };
}

// ---- Meetings and attendees ----

interface GoldMeetingCandidate {
  key: string;
  required: GoldMeeting | null;
  date: string | undefined;
  city: string | undefined;
  series: string | null;
  sources: string[];
  /** Cities the gold gives other meetings of the same articles: where a cityless optional meeting may be placed. */
  siblingCities: string[];
  /** Every name of the people, and the countries, the gold places at the meeting (for ties). */
  attendeeNames: string[];
  countries: string[];
}

interface MeetingScores {
  prf: Prf;
  sources: Rate;
  details: Rate;
  people: Prf;
  countries: Prf;
  participation: Rate;
  findings: MeetingFinding[];
  spurious: MeetingRow[];
  optionalFound: Array<{ key: string; meeting_id: string }>;
  /** system meeting_id → gold meeting key, for every matched or duplicate row. */
  keyOfMeeting: Map<string, string>;
  optionalKeys: Set<string>;
}

const FULL_MATCH = 1;
const SOURCE_MATCH = 0;

/**
 * How well a system meeting fits a gold one; null when it does not match. Date and city decide; among rows
 * sharing both, the one sharing most sources and then most attendees wins.
 */
function meetingPair(
  g: GoldMeetingCandidate,
  s: MeetingRecord,
  scope: Scope,
  attendeeOverlap: number,
): number[] | null {
  const shared = scoredStems(s.source_ids, scope).filter((x) => g.sources.includes(x)).length;
  const dateOk = g.date === undefined || dateMatches(g.date, s.date);
  if (!dateOk || !cityMatches(g, s)) return null;
  const full = g.date !== undefined && g.city !== undefined;
  // An optional meeting is recognised only from one of its own sources.
  if (g.required === null && shared === 0) return null;
  const series = g.series !== null && s.series !== null && sameName(g.series, s.series) ? 1 : 0;
  return [full ? FULL_MATCH : SOURCE_MATCH, shared, attendeeOverlap, series, g.required ? 1 : 0];
}

/** The gold's city; where the gold has none, no city or a city the gold gives another meeting of the same article. */
function cityMatches(g: GoldMeetingCandidate, s: MeetingRecord): boolean {
  if (g.city !== undefined) return s.city !== null && sameName(g.city, s.city);
  return s.city === null || g.siblingCities.some((c) => sameName(c, s.city ?? ""));
}

/** How many of a row's attendees (people by any name, countries by code) the gold places at the meeting. */
function attendeeOverlap(
  g: GoldMeetingCandidate,
  rows: readonly AttendeeRecord[],
  people: Map<string, PersonRecord>,
): number {
  return rows.filter((a) =>
    a.attendee_type === "country"
      ? g.countries.includes(a.country ?? a.name)
      : anyNameMatches(systemNames(a.name, a.person_id, people), g.attendeeNames),
  ).length;
}

function scoreMeetings(gold: Gold, dataset: Dataset, scope: Scope, people: Map<string, PersonRecord>): MeetingScores {
  const all = [
    ...gold.meetings.map((m) => ({ m, required: m as GoldMeeting | null })),
    ...gold.optional_meetings.map((m) => ({ m, required: null })),
  ];
  const citiesOf = (sources: string[], key: string): string[] =>
    all
      .filter(({ m }) => m.key !== key && m.city != null && m.sources.some((x) => sources.includes(sourceStem(x))))
      .map(({ m }) => m.city as string);
  const candidates: GoldMeetingCandidate[] = all
    .map(({ m, required }) => {
      const sources = scoredStems(m.sources, scope);
      return {
        key: m.key,
        required,
        date: m.date ?? undefined,
        city: m.city ?? undefined,
        series: m.series ?? null,
        sources,
        siblingCities: citiesOf(sources, m.key),
        attendeeNames: m.people.flatMap((name) => goldNames(gold, name)),
        countries: m.countries,
      };
    })
    .filter((c) => c.sources.length > 0);
  const rows = [...dataset.meetings]
    .sort((a, b) => cmp(a.meeting_id, b.meeting_id))
    .filter((m) => scoredStems(m.source_ids, scope).length > 0);
  const attendees = groupBy(dataset.attendees, (a) => a.meeting_id);
  const pairs: Pair[] = [];
  candidates.forEach((g, gi) =>
    rows.forEach((s, si) => {
      const rank = meetingPair(g, s, scope, attendeeOverlap(g, attendees.get(s.meeting_id) ?? [], people));
      if (rank) pairs.push({ gold: gi, system: si, rank });
    }),
  );
  const { rowsOfGold, unmatched } = assign(pairs, rows.length, (p) => p.rank[0] === FULL_MATCH);

  const keyOfMeeting = new Map<string, string>();
  const optionalFound: Array<{ key: string; meeting_id: string }> = [];
  const findings: MeetingFinding[] = [];
  const sourcesTally = new Tally();
  const detailsTally = new Tally();
  const participationTally = new Tally();
  const peopleCounts = { tp: 0, fp: 0, fn: 0 };
  const countryCounts = { tp: 0, fp: 0, fn: 0 };

  candidates.forEach((g, gi) => {
    const matched = (rowsOfGold.get(gi) ?? []).map((i) => rows[i]).filter((r): r is MeetingRecord => r !== undefined);
    for (const r of matched) keyOfMeeting.set(r.meeting_id, g.key);
    const m = g.required;
    if (m === null) {
      const first = matched[0];
      if (first) optionalFound.push({ key: g.key, meeting_id: first.meeting_id });
      return;
    }
    const primary = matched[0] ?? null;
    const finding: MeetingFinding = {
      key: m.key,
      date: m.date,
      city: m.city,
      sources: g.sources,
      meeting_id: primary?.meeting_id ?? null,
      duplicates: matched.slice(1).map((r) => r.meeting_id),
      missing_sources: [],
      detail_mismatches: [],
      people: { missed: [], spurious: [], not_attendees: [] },
      countries: { missed: [], spurious: [], not_attendees: [] },
      participation_wrong: [],
    };
    findings.push(finding);
    if (primary === null) return;
    finding.missing_sources = g.sources.filter((s) => !scoredStems(primary.source_ids, scope).includes(s));
    if (g.sources.length > 1 || matched.length > 1)
      sourcesTally.add(finding.missing_sources.length === 0 && matched.length === 1);
    finding.detail_mismatches = meetingDetailMismatches(m, primary);
    detailsTally.add(finding.detail_mismatches.length === 0);
    const rowsHere = attendees.get(primary.meeting_id) ?? [];
    const personResult = scoreAttendeePeople(
      gold,
      m,
      rowsHere.filter((a) => a.attendee_type === "person"),
      people,
      participationTally,
    );
    finding.people = personResult.findings;
    finding.participation_wrong = personResult.participationWrong;
    add(peopleCounts, personResult.counts);
    const countryResult = scoreAttendeeCountries(
      m,
      rowsHere.filter((a) => a.attendee_type === "country"),
    );
    finding.countries = countryResult.findings;
    add(countryCounts, countryResult.counts);
  });

  const spurious: MeetingRow[] = unmatched
    .map((i) => rows[i])
    .filter((r): r is MeetingRecord => r !== undefined)
    .map((r) => ({ meeting_id: r.meeting_id, date: r.date, city: r.city, source_ids: r.source_ids }));
  const tp = findings.filter((f) => f.meeting_id !== null).length;
  return {
    prf: prf(tp, spurious.length, findings.length - tp),
    sources: sourcesTally.rate(),
    details: detailsTally.rate(),
    people: prf(peopleCounts.tp, peopleCounts.fp, peopleCounts.fn),
    countries: prf(countryCounts.tp, countryCounts.fp, countryCounts.fn),
    participation: participationTally.rate(),
    findings,
    spurious,
    optionalFound,
    keyOfMeeting,
    optionalKeys: new Set(gold.optional_meetings.map((m) => m.key)),
  };
}

function meetingDetailMismatches(m: GoldMeeting, row: MeetingRecord): string[] {
  const out: string[] = [];
  if (m.series !== null && (row.series === null || !sameName(m.series, row.series)))
    out.push(`series: expected ${m.series}, got ${row.series ?? "none"}`);
  if (m.round !== null && row.round !== m.round) out.push(`round: expected ${m.round}, got ${row.round ?? "none"}`);
  if (m.country !== null && row.country !== m.country)
    out.push(`country: expected ${m.country}, got ${row.country ?? "none"}`);
  return out;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function add(total: Counts, part: Counts): void {
  total.tp += part.tp;
  total.fp += part.fp;
  total.fn += part.fn;
}

/** All the names of a gold person: name and aliases. */
function goldNames(gold: Gold, name: string): string[] {
  const person = gold.people.find((p) => p.name === name);
  return person ? [person.name, ...person.aliases] : [name];
}

/** All the names the dataset gives a row's person: the row's own name, the person's name and aliases. */
function systemNames(own: string, personId: string | null, people: Map<string, PersonRecord>): string[] {
  const person = personId === null ? undefined : people.get(personId);
  return person ? [own, person.name, ...person.aliases] : [own];
}

function scoreAttendeePeople(
  gold: Gold,
  m: GoldMeeting,
  rows: AttendeeRecord[],
  people: Map<string, PersonRecord>,
  participation: Tally,
): { counts: Counts; findings: AttendeeFindings; participationWrong: MeetingFinding["participation_wrong"] } {
  const findings: AttendeeFindings = { missed: [], spurious: [], not_attendees: [] };
  const participationWrong: MeetingFinding["participation_wrong"] = [];
  const found = new Set<string>();
  const counts: Counts = { tp: 0, fp: 0, fn: 0 };
  const named = (list: string[], names: string[]): string | undefined =>
    list.find((g) => anyNameMatches(names, goldNames(gold, g)));
  for (const row of [...rows].sort((a, b) => cmp(a.attendee_id, b.attendee_id))) {
    const names = systemNames(row.name, row.person_id, people);
    const person = named(m.people, names);
    if (person !== undefined && !found.has(person)) {
      found.add(person);
      counts.tp++;
      const expected = m.participation[person] ?? "in_person";
      participation.add(row.participation === expected);
      if (row.participation !== expected) participationWrong.push({ name: person, expected, got: row.participation });
    } else if (person !== undefined) {
      counts.fp++;
      findings.spurious.push(`${row.name} (listed twice)`);
    } else if (named(m.optional_people, names) === undefined) {
      counts.fp++;
      const absent = named(m.not_attendees, names);
      if (absent !== undefined) findings.not_attendees.push(row.name);
      else findings.spurious.push(row.name);
    }
  }
  findings.missed = m.people.filter((p) => !found.has(p));
  counts.fn = findings.missed.length;
  return { counts, findings, participationWrong };
}

function scoreAttendeeCountries(
  m: GoldMeeting,
  rows: AttendeeRecord[],
): { counts: Counts; findings: AttendeeFindings } {
  const expected = new Set(m.countries);
  // Optional countries are neither rewarded nor charged: they leave the comparison.
  const codes = new Set(
    rows.map((r) => r.country ?? r.name).filter((c) => expected.has(c) || !m.optional_countries.includes(c)),
  );
  const findings: AttendeeFindings = {
    missed: [...expected].filter((c) => !codes.has(c)).sort(),
    spurious: [...codes].filter((c) => !expected.has(c)).sort(),
    not_attendees: [],
  };
  const tp = [...codes].filter((c) => expected.has(c)).length;
  return { counts: { tp, fp: findings.spurious.length, fn: findings.missed.length }, findings };
}

// ---- Quotes ----

interface QuoteScores {
  prf: Prf;
  speakers: Rate;
  roleSpeakers: Rate;
  merge: Rate;
  links: Rate;
  findings: QuoteFindings;
}

function scoreQuotes(
  gold: Gold,
  dataset: Dataset,
  scope: Scope,
  people: Map<string, PersonRecord>,
  keyOfMeeting: Map<string, string>,
  optionalKeys: Set<string>,
): QuoteScores {
  const goldQuotes = gold.quotes
    .map((q) => ({ q, sources: scoredStems(q.sources, scope) }))
    .filter((g) => g.sources.length > 0);
  const rows = [...dataset.quotes]
    .sort((a, b) => cmp(a.quote_id, b.quote_id))
    .filter((q) => scoredStems(q.source_ids, scope).length > 0);
  const pairs: Pair[] = [];
  goldQuotes.forEach((g, gi) =>
    rows.forEach((s, si) => {
      const shared = scoredStems(s.source_ids, scope).filter((x) => g.sources.includes(x)).length;
      // The same words in another article are another quote: a match needs a shared source.
      if (shared > 0 && quoteTextMatches(s.text, g.q.text))
        pairs.push({ gold: gi, system: si, rank: [shared, textOverlap(s.text, g.q.text)] });
    }),
  );
  const { rowsOfGold, unmatched } = assign(pairs, rows.length, () => true);

  const findings: QuoteFindings = {
    missed: [],
    spurious: [],
    wrong_speaker: [],
    not_merged: [],
    wrong_meeting: [],
    must_not_quote: [],
    optional_found: [],
  };
  const speakers = new Tally();
  const roleSpeakers = new Tally();
  const merge = new Tally();
  const links = new Tally();
  let tp = 0;
  goldQuotes.forEach((g, gi) => {
    const matched = (rowsOfGold.get(gi) ?? []).map((i) => rows[i]).filter((r): r is QuoteRecord => r !== undefined);
    const ref: GoldQuoteRef = { text: g.q.text, speaker: g.q.speaker, sources: g.sources };
    const primary = matched[0];
    if (g.q.optional) {
      findings.optional_found.push(...matched.map(quoteRow));
      return;
    }
    if (primary === undefined) {
      findings.missed.push(ref);
      return;
    }
    tp++;
    const row = quoteRow(primary);
    const expected = expectedSpeakers(gold, g.q);
    const speakerOk = speakerMatches(gold, g.q, systemNames(primary.speaker_name, primary.speaker_id, people));
    (g.q.speaker_kind === "person" ? speakers : roleSpeakers).add(speakerOk);
    if (!speakerOk) findings.wrong_speaker.push({ gold: ref, expected, got: row });
    if (g.sources.length > 1 || matched.length > 1) {
      const missing = g.sources.filter((s) => !scoredStems(primary.source_ids, scope).includes(s));
      const merged = missing.length === 0 && matched.length === 1;
      merge.add(merged);
      if (!merged) findings.not_merged.push({ gold: ref, rows: matched.map(quoteRow), missing_sources: missing });
    }
    const gotKey = primary.meeting_id === null ? null : (keyOfMeeting.get(primary.meeting_id) ?? null);
    const linkOk = meetingLinkMatches(g.q.meeting, primary.meeting_id, gotKey, optionalKeys);
    links.add(linkOk);
    if (!linkOk)
      findings.wrong_meeting.push({
        gold: ref,
        expected: g.q.meeting,
        got_meeting_id: primary.meeting_id,
        got_key: gotKey,
        row,
      });
  });
  findings.spurious = unmatched
    .map((i) => rows[i])
    .filter((r): r is QuoteRecord => r !== undefined)
    .map(quoteRow);
  for (const row of rows) {
    const span = gold.must_not_quote.find((s) => insideSpan(row.text, s));
    if (span !== undefined) findings.must_not_quote.push({ span, row: quoteRow(row) });
  }
  const required = goldQuotes.filter((g) => !g.q.optional).length;
  return {
    prf: prf(tp, findings.spurious.length, required - tp),
    speakers: speakers.rate(),
    roleSpeakers: roleSpeakers.rate(),
    merge: merge.rate(),
    links: links.rate(),
    findings,
  };
}

function quoteRow(q: QuoteRecord): QuoteRow {
  return { quote_id: q.quote_id, text: q.text, speaker: q.speaker_name, source_ids: q.source_ids };
}

/** Acceptable speakers: a person's name and aliases, or the role/group text, then the alternatives. */
function expectedSpeakers(gold: Gold, q: GoldQuote): string[] {
  const own = q.speaker_kind === "person" ? goldNames(gold, q.speaker) : [q.speaker];
  return [...own, ...q.alt_speakers];
}

/** A person is matched by name or alias; a role or group, and any alternative, by folded containment. */
function speakerMatches(gold: Gold, q: GoldQuote, got: string[]): boolean {
  if (q.speaker_kind === "person" && anyNameMatches(got, goldNames(gold, q.speaker))) return true;
  const byContainment = q.speaker_kind === "person" ? q.alt_speakers : [q.speaker, ...q.alt_speakers];
  return byContainment.some((e) => got.some((n) => containsEither(n, e)));
}

/** The quote's meeting is the gold's; a quote the gold ties to no meeting may go with a meeting that is optional. */
function meetingLinkMatches(
  expected: string | null,
  gotId: string | null,
  gotKey: string | null,
  optionalKeys: Set<string>,
): boolean {
  if (expected === null) return gotId === null || (gotKey !== null && optionalKeys.has(gotKey));
  return gotKey === expected;
}

// ---- Small helpers ----

class Tally {
  private correct = 0;
  private total = 0;
  add(ok: boolean): void {
    this.total++;
    if (ok) this.correct++;
  }
  rate(): Rate {
    return rate(this.correct, this.total);
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Code-point order: stable across machines and locales. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
