import { describe, expect, it } from "vitest";
import type { Dataset, QuoteRecord } from "@parley/model";
import { type EvalReport, type Gold, prf, scoreAgainstGold } from "../src/index.ts";
import { goldToDataset, seedsGold } from "./_gold-dataset.ts";
import { sourceStem } from "../src/_match.ts";

const gold = seedsGold();
const perfect = goldToDataset(gold);

/** The numbers a report is judged by, flat, so a test can say exactly which ones moved. */
function headline(r: EvalReport): Record<string, number | null> {
  const m = r.metrics;
  return {
    "quotes.precision": m.quotes.precision,
    "quotes.recall": m.quotes.recall,
    "quotes.f1": m.quotes.f1,
    quote_speakers: m.quote_speakers.value,
    quote_role_speakers: m.quote_role_speakers.value,
    quote_merge: m.quote_merge.value,
    quote_meetings: m.quote_meetings.value,
    "meetings.precision": m.meetings.precision,
    "meetings.recall": m.meetings.recall,
    "meetings.f1": m.meetings.f1,
    meeting_sources: m.meeting_sources.value,
    meeting_details: m.meeting_details.value,
    "attendee_people.precision": m.attendee_people.precision,
    "attendee_people.recall": m.attendee_people.recall,
    "attendee_people.f1": m.attendee_people.f1,
    "attendee_countries.precision": m.attendee_countries.precision,
    "attendee_countries.recall": m.attendee_countries.recall,
    "attendee_countries.f1": m.attendee_countries.f1,
    attendee_participation: m.attendee_participation.value,
    must_not_quote_violations: m.must_not_quote_violations,
  };
}

const PERFECT = Object.fromEntries(
  Object.keys(headline(scoreAgainstGold(gold, perfect))).map((k) => [k, k === "must_not_quote_violations" ? 0 : 1]),
);
const f1 = (p: number, r: number): number => (2 * p * r) / (p + r);

// Counts read from the gold, so the expectations below follow from the rules, not from a run.
const required = gold.quotes.filter((q) => !q.optional);
const R = required.length;
const personQuotes = required.filter((q) => q.speaker_kind === "person").length;
const roleQuotes = required.filter((q) => q.speaker_kind !== "person").length;
const M = gold.meetings.length;
const P = gold.meetings.reduce((n, m) => n + m.people.length, 0);
const C = gold.meetings.reduce((n, m) => n + m.countries.length, 0);
const meeting = (key: string) => gold.meetings.find((m) => m.key === key) ?? expect.fail(`no meeting ${key}`);
const linkedTo = (key: string): number => required.filter((q) => q.meeting === key).length;

const clone = (d: Dataset): Dataset => structuredClone(d);
const quoteOf = (d: Dataset, pick: (q: Gold["quotes"][number]) => boolean): QuoteRecord => {
  const g = gold.quotes.find(pick) ?? expect.fail("no such gold quote");
  return d.quotes.find((q) => q.text === g.text) ?? expect.fail("no such row");
};
const meetingRow = (d: Dataset, key: string) => d.meetings.find((m) => m.name === key) ?? expect.fail(`no row ${key}`);
const singleSource = (q: Gold["quotes"][number]): boolean =>
  !q.optional && q.sources.length === 1 && q.meeting === null && q.speaker_kind === "person";

describe("scoreAgainstGold on the gold itself", () => {
  it("gives 1.0 on every metric and lists nothing", () => {
    const report = scoreAgainstGold(gold, perfect);
    expect(headline(report)).toEqual(PERFECT);
    expect(report.quotes.missed).toEqual([]);
    expect(report.quotes.spurious).toEqual([]);
    expect(report.spurious_meetings).toEqual([]);
    expect(report.meetings.every((m) => m.meeting_id !== null)).toBe(true);
    expect(report.metrics.quotes.tp).toBe(R);
  });

  it("is deterministic whatever the row order", () => {
    const shuffled = clone(perfect);
    shuffled.quotes.reverse();
    shuffled.meetings.reverse();
    shuffled.attendees.reverse();
    expect(JSON.stringify(scoreAgainstGold(gold, shuffled))).toBe(JSON.stringify(scoreAgainstGold(gold, perfect)));
  });
});

type Mutation = [string, (d: Dataset) => void, Record<string, number>];

const mutations: Mutation[] = [
  [
    "a required quote missed",
    (d) => void d.quotes.splice(d.quotes.indexOf(quoteOf(d, singleSource)), 1),
    { "quotes.recall": (R - 1) / R, "quotes.f1": f1(1, (R - 1) / R) },
  ],
  [
    "a narrative sentence taken as a quote",
    (d) => {
      const row = quoteOf(d, (q) => q.sources[0]?.startsWith("004") === true);
      d.quotes.push({
        ...row,
        quote_id: "quote:narrative",
        text: "Direct negotiations with the Taliban can ensure some control in managing security, especially for the regional stakeholders.",
      });
    },
    { "quotes.precision": R / (R + 1), "quotes.f1": f1(R / (R + 1), 1) },
  ],
  [
    "a must_not_quote span emitted as a quote",
    (d) => {
      const row = quoteOf(d, (q) => q.sources[0]?.startsWith("004") === true);
      d.quotes.push({ ...row, quote_id: "quote:scare", text: gold.must_not_quote[0] ?? "" });
    },
    { "quotes.precision": R / (R + 1), "quotes.f1": f1(R / (R + 1), 1), must_not_quote_violations: 1 },
  ],
  [
    "a quote given to the wrong person",
    (d) => {
      const row = quoteOf(d, singleSource);
      const other = gold.people.find((p) => p.name !== row.speaker_name) ?? expect.fail("one person only");
      Object.assign(row, { speaker_name: other.name, speaker_id: null });
    },
    { quote_speakers: (personQuotes - 1) / personQuotes },
  ],
  [
    "a speaker named by an alias",
    (d) => {
      const person =
        gold.people.find(
          (p) => p.aliases.length > 0 && required.some((q) => q.speaker === p.name && q.sources.length === 1),
        ) ?? expect.fail("no alias");
      Object.assign(
        quoteOf(d, (q) => q.speaker === person.name && q.sources.length === 1),
        { speaker_name: person.aliases[0], speaker_id: null },
      );
    },
    {},
  ],
  [
    "a role speaker named by a longer phrase containing an alternative",
    (d) => {
      const row = quoteOf(d, (q) => !q.optional && q.speaker_kind === "role" && q.alt_speakers.length > 0);
      const g = gold.quotes.find((q) => q.text === row.text);
      row.speaker_name = `the ${g?.alt_speakers[0] ?? ""} press office`;
    },
    {},
  ],
  [
    "a role speaker replaced by an unrelated body",
    (d) => void (quoteOf(d, (q) => !q.optional && q.speaker_kind === "role").speaker_name = "European Commission"),
    { quote_role_speakers: (roleQuotes - 1) / roleQuotes },
  ],
  [
    "a quote from several articles left as one row per article",
    (d) => {
      const row = quoteOf(d, (q) => !q.optional && q.sources.length > 1);
      d.quotes.splice(
        d.quotes.indexOf(row),
        1,
        ...row.source_ids.map((s) => ({ ...row, quote_id: `${row.quote_id}/${s}`, source_ids: [s] })),
      );
    },
    { quote_merge: 0 },
  ],
  [
    "a quote not tied to its meeting",
    (d) => void (quoteOf(d, (q) => !q.optional && q.meeting !== null).meeting_id = null),
    { quote_meetings: (R - 1) / R },
  ],
  [
    "a quote the gold ties to no meeting, tied to an optional meeting",
    (d) => {
      // The seeds' optional meeting gives no date or city: a row from its article with no city matches it.
      const optional = gold.optional_meetings[0] ?? expect.fail("no optional meeting");
      const source = sourceStem(optional.sources[0] ?? expect.fail("no source"));
      d.meetings.push({
        meeting_id: "meeting:optional",
        name: optional.key,
        curated_fields: [],
        confidence: null,
        series: null,
        round: null,
        date: "2023-09",
        city: null,
        country: null,
        source_ids: [source],
      });
      const row = quoteOf(d, (q) => !q.optional && q.meeting === null);
      row.meeting_id = "meeting:optional";
    },
    {},
  ],
  [
    "optional quotes not found",
    (d) => void (d.quotes = d.quotes.filter((r) => !gold.quotes.some((q) => q.optional && q.text === r.text))),
    {},
  ],
  [
    "a meeting missed",
    (d) => void d.meetings.splice(d.meetings.indexOf(meetingRow(d, "mf-2024")), 1),
    {
      "meetings.recall": (M - 1) / M,
      "meetings.f1": f1(1, (M - 1) / M),
      quote_meetings: (R - linkedTo("mf-2024")) / R,
    },
  ],
  [
    "a meeting put in the wrong month",
    (d) => void (meetingRow(d, "mf-2024").date = "2024-11"),
    {
      "meetings.precision": (M - 1) / M,
      "meetings.recall": (M - 1) / M,
      "meetings.f1": (M - 1) / M,
      quote_meetings: (R - linkedTo("mf-2024")) / R,
    },
  ],
  ["a meeting dated more precisely than the gold", (d) => void (meetingRow(d, "mf-2024").date = "2024-10-08"), {}],
  [
    "a meeting row missing one of its sources",
    (d) => void meetingRow(d, "mf-2025").source_ids.shift(),
    { meeting_sources: 0 },
  ],
  [
    "a meeting with the wrong round",
    (d) => void (meetingRow(d, "mf-2025").round = 99),
    { meeting_details: (M - 1) / M },
  ],
  [
    "a person the gold says was not there listed as attendee",
    (d) => {
      const m = meeting("mf-2025");
      const absent = m.not_attendees[0] ?? expect.fail("no not_attendee");
      const row =
        d.attendees.find((a) => a.meeting_id === meetingRow(d, m.key).meeting_id && a.attendee_type === "person") ??
        expect.fail("no attendee");
      d.attendees.push({ ...row, attendee_id: `${row.attendee_id}-absent`, name: absent, person_id: null });
    },
    { "attendee_people.precision": P / (P + 1), "attendee_people.f1": f1(P / (P + 1), 1) },
  ],
  [
    "an optional attendee listed",
    (d) => {
      const m = gold.meetings.find((x) => x.optional_people.length > 0) ?? expect.fail("no optional people");
      const row =
        d.attendees.find((a) => a.meeting_id === meetingRow(d, m.key).meeting_id && a.attendee_type === "person") ??
        expect.fail("no attendee");
      d.attendees.push({
        ...row,
        attendee_id: `${row.attendee_id}-optional`,
        name: m.optional_people[0] ?? "",
        person_id: null,
      });
    },
    {},
  ],
  [
    "an attendee country missed",
    (d) =>
      void d.attendees.splice(
        d.attendees.findIndex((a) => a.attendee_type === "country"),
        1,
      ),
    { "attendee_countries.recall": (C - 1) / C, "attendee_countries.f1": f1(1, (C - 1) / C) },
  ],
  [
    "a written contribution recorded as in person",
    (d) => {
      const m = gold.meetings.find((x) => Object.keys(x.participation).length > 0) ?? expect.fail("no participation");
      const name = Object.keys(m.participation)[0];
      const row =
        d.attendees.find((a) => a.meeting_id === meetingRow(d, m.key).meeting_id && a.name === name) ??
        expect.fail("no attendee");
      row.participation = m.participation[name ?? ""] === "in_person" ? "remote" : "in_person";
    },
    { attendee_participation: (P - 1) / P },
  ],
];

describe("scoreAgainstGold: each mistake moves exactly its metric", () => {
  it.each(mutations)("%s", (_name, mutate, changed) => {
    const dataset = clone(perfect);
    mutate(dataset);
    const got = headline(scoreAgainstGold(gold, dataset));
    const want = { ...PERFECT, ...changed };
    for (const key of Object.keys(want)) expect.soft(got[key], key).toBeCloseTo(want[key] ?? Number.NaN, 3);
  });

  it("names the missed and the spurious rows", () => {
    const dataset = clone(perfect);
    const missed = quoteOf(dataset, singleSource);
    dataset.quotes.splice(dataset.quotes.indexOf(missed), 1);
    dataset.meetings.push({
      ...meetingRow(dataset, "mf-2024"),
      meeting_id: "meeting:invented",
      date: "2024-03",
      source_ids: ["004_94cf14c4f1cc1c4e"],
    });
    const report = scoreAgainstGold(gold, dataset);
    expect(report.quotes.missed.map((q) => q.text)).toEqual([missed.text]);
    expect(report.spurious_meetings.map((m) => m.meeting_id)).toEqual(["meeting:invented"]);
  });
});

describe("scoreAgainstGold: scope", () => {
  it("scores only the sources the dataset has, and says which gold sources it left out", () => {
    const dataset = clone(perfect);
    const [dropped] = dataset.sources.splice(-1, 1);
    const keep = (ids: string[]): boolean => ids.some((s) => s !== dropped?.source_id);
    dataset.quotes = dataset.quotes.filter((q) => keep(q.source_ids));
    dataset.meetings = dataset.meetings.filter((m) => keep(m.source_ids));
    const report = scoreAgainstGold(gold, dataset);
    expect(report.sources.gold_only).toEqual([dropped?.source_id]);
    expect(headline(report)).toEqual(PERFECT);
    expect(report.metrics.quotes.tp).toBeLessThan(R);
  });

  it("leaves out rows from sources the gold does not annotate", () => {
    const dataset = clone(perfect);
    const extra = { ...perfect.sources[0]!, source_id: "900_unannotated" };
    dataset.sources.push(extra);
    dataset.quotes.push({
      ...perfect.quotes[0]!,
      quote_id: "quote:elsewhere",
      text: "A sentence from an article nobody annotated.",
      source_ids: [extra.source_id],
    });
    const report = scoreAgainstGold(gold, dataset);
    expect(report.sources.dataset_only).toEqual([extra.source_id]);
    expect(headline(report)).toEqual(PERFECT);
  });
});

describe("prf", () => {
  it.each([
    ["all found, nothing wrong", [26, 0, 0], { precision: 1, recall: 1, f1: 1 }],
    ["two missed", [26, 0, 2], { precision: 1, recall: 0.9286, f1: 0.963 }],
    ["nothing found of three meetings", [0, 0, 3], { precision: null, recall: 0, f1: 0 }],
    ["only wrong rows", [0, 2, 0], { precision: 0, recall: null, f1: 0 }],
    ["nothing expected and nothing found", [0, 0, 0], { precision: null, recall: null, f1: null }],
  ] as const)("%s", (_why, [tp, fp, fn], expected) => {
    expect(prf(tp, fp, fn)).toEqual({ tp, fp, fn, ...expected });
  });
});
