import { describe, expect, it } from "vitest";
import type { AttendeeMention, MeetingMention, QuoteMention } from "@parley/model";
import { extractMeetings, extractPeople, linkQuotesToMeetings } from "../src/meetings/index.ts";
import { foldPersonName } from "../src/text/index.ts";
import { REGISTRY, seedArticles, seedGold } from "./meetings-fixtures.ts";

interface GoldPerson {
  name: string;
  aliases: string[];
  country: string | null;
}
interface GoldMeeting {
  key: string;
  series: string | null;
  round: number | null;
  date: string;
  city: string;
  country: string;
  sources: string[];
  people: string[];
  optional_people?: string[];
  participation?: Record<string, string>;
  countries: string[];
  not_attendees: string[];
}
interface GoldQuote {
  text: string;
  speaker: string;
  speaker_kind: string;
  sources: string[];
  meeting: string | null;
  optional: boolean;
}
const gold = seedGold() as { people: GoldPerson[]; meetings: GoldMeeting[]; quotes: GoldQuote[] };
const articles = new Map(seedArticles().map((a) => [`${a.source_id}.txt`, a]));
const extracted = new Map([...articles].map(([file, article]) => [file, extractMeetings({ article, registry: REGISTRY })]));

// Every spelling of a gold person, folded, to compare names as the scorer does (by name or alias).
const spellings = (name: string): string[] => {
  const person = gold.people.find((p) => p.name === name);
  return [name, ...(person?.aliases ?? [])].map(foldPersonName);
};
const isPerson = (attendee: AttendeeMention, name: string): boolean => spellings(name).includes(foldPersonName(attendee.name));

/** The meeting each source reports that matches the gold meeting on date (at gold precision) and city. */
function matching(meeting: GoldMeeting, source: string): MeetingMention | undefined {
  return extracted.get(source)?.find((m) => m.city === meeting.city && m.date.startsWith(meeting.date));
}

const f1 = (found: number, expected: number, correct: number): number =>
  found + expected === 0 ? 1 : (2 * correct) / (found + expected);

describe.each(gold.meetings.map((m) => [m.key, m] as const))("seed meeting %s", (_key, meeting) => {
  it.each(meeting.sources)("is reported by %s with the gold date and city", (source) => {
    const found = matching(meeting, source);
    expect(found, `meetings of ${source}: ${JSON.stringify(extracted.get(source)?.map((m) => [m.date, m.city]))}`).toBeDefined();
    // The date is exactly as precise as the gold, or more precise and agreeing, so sources merge.
    expect(found?.date.startsWith(meeting.date)).toBe(true);
    expect(found?.country).toBe(meeting.country);
  });

  const attendees = meeting.sources.flatMap((s) => matching(meeting, s)?.attendees ?? []);
  const people = attendees.filter((a) => a.type === "person");
  const countries = new Set(attendees.filter((a) => a.type === "country").map((a) => a.country));

  it("states series and round where any source does, without contradiction", () => {
    const found = meeting.sources.map((s) => matching(meeting, s));
    const rounds = new Set(found.map((m) => m?.round).filter((r) => r != null));
    const series = new Set(found.map((m) => m?.series).filter((s) => s != null));
    expect([...rounds]).toEqual(meeting.round === null ? [] : [meeting.round]);
    expect([...series].every((s) => s === meeting.series)).toBe(true);
  });

  it("finds the attendee people (F1 ≥ 0.9) and none of the people who were not there", () => {
    const optional = meeting.optional_people ?? [];
    const names = [...new Set(people.map((p) => p.name))].filter((n) => !optional.some((o) => spellings(o).includes(foldPersonName(n))));
    const correct = meeting.people.filter((g) => people.some((p) => isPerson(p, g))).length;
    expect(f1(names.length, meeting.people.length, correct)).toBeGreaterThanOrEqual(0.9);
    for (const absent of meeting.not_attendees) expect(people.filter((p) => isPerson(p, absent))).toEqual([]);
  });

  it("finds the attendee countries (F1 ≥ 0.9)", () => {
    const correct = meeting.countries.filter((c) => countries.has(c)).length;
    expect(f1(countries.size, meeting.countries.length, correct), [...countries].join(" ")).toBeGreaterThanOrEqual(0.9);
  });

  it("records participation as the text reports it", () => {
    for (const [name, mode] of Object.entries(meeting.participation ?? {})) {
      expect(people.filter((p) => isPerson(p, name)).map((p) => p.participation)).toContain(mode);
    }
  });
});

describe("people named in the seeds", () => {
  it.each(gold.people.map((p) => [p.name, p] as const))("%s is found with its country", (name, person) => {
    const found = [...articles.values()].flatMap((article) => extractPeople({ article, registry: REGISTRY }));
    const rows = found.filter((p) => spellings(name).includes(foldPersonName(p.name)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.country)).toContain(person.country);
  });
});

describe("quotes link to the meeting they were said at", () => {
  // Each gold quote by a person, placed where it sits in its source, with the gold speaker.
  const cases = gold.quotes
    .filter((q) => q.speaker_kind === "person" && !q.optional)
    .flatMap((q) => q.sources.map((source) => [`${q.speaker}: ${q.text.slice(0, 50)} (${source})`, q, source] as const));
  it.each(cases)("%s", (_label, quote, source) => {
    const article = articles.get(source);
    if (!article) throw new Error(`no seed ${source}`);
    const head = quote.text.replace(/[“”"]/g, "").split(/[…]/)[0]?.trim().slice(0, 40) ?? "";
    const start = article.text.indexOf(head);
    expect(start, head).toBeGreaterThanOrEqual(0);
    const mention: QuoteMention = {
      text: quote.text,
      span: { start, end: start + quote.text.length },
      evidence: { start, end: start + quote.text.length },
      speaker: { type: "person", name: quote.speaker, role: null, country: null },
      meeting_key: null,
    };
    const meetings = extracted.get(source) ?? [];
    const [linked] = linkQuotesToMeetings([mention], meetings, { article, registry: REGISTRY });
    expect(linked?.meeting_key !== null).toBe(quote.meeting !== null);
  });
});
