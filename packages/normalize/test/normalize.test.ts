import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Article, ArticleExtraction, MeetingMention, QuoteMention } from "@parley/model";
import { loadRegistry } from "@parley/registry";
import { quotesMatch } from "@parley/model";
import { normalizeCollection, datesAgree } from "../src/index.ts";
import { articleOf } from "./_article.ts";

const registry = loadRegistry(join(import.meta.dirname, "../../../pipelines/registry"));

const text =
  "“The deployment of military infrastructure of any third countries on the territory of Afghanistan, as well as on the territories of neighboring states, is categorically unacceptable under any pretext,” Lavrov said.";

function article(source_id: string, published: string): Article {
  return articleOf(source_id, text, published);
}

const whole = { start: 0, end: text.length };
function quote(quoteText: string, speaker: string, meeting_key: string | null = null): QuoteMention {
  return {
    text: quoteText,
    span: whole,
    evidence: whole,
    speaker: { type: "person", name: speaker, role: null, country: null },
    kind: null,
    medium: null,
    translated: null,
    meeting_key,
  };
}
function meeting(key: string, date: string, city: string | null, round: number | null = null): MeetingMention {
  return {
    key,
    name: null,
    series: "Moscow Format",
    round,
    date,
    city,
    country: "RUS",
    evidence: [whole],
    attendees: [
      {
        type: "country",
        name: "Afghanistan",
        role: null,
        country: "AFG",
        basis: null,
        participation: "in_person",
        evidence: whole,
      },
    ],
  };
}
function extraction(source_id: string, quotes: QuoteMention[], meetings: MeetingMention[]): ArticleExtraction {
  return { source_id, people: [], quotes, meetings, warnings: [] };
}

const neighboring =
  "The deployment of military infrastructure of any third countries on the territory of Afghanistan, as well as on the territories of neighboring states, is categorically unacceptable under any pretext.";
const neighbouring = neighboring.replace("neighboring", "neighbouring");
const elided =
  "The deployment of military infrastructure of any third countries on the territory of Afghanistan… is categorically unacceptable under any pretext.";

describe("merging across sources", () => {
  const articles = [article("a", "2025-10"), article("b", "2025-10-08"), article("c", "2025-10")];
  const extractions = [
    extraction("a", [quote(elided, "Sergey Lavrov", "m")], [meeting("m", "2025-10-07", "Moscow", 7)]),
    extraction("b", [quote(neighboring, "Sergey Lavrov", "m")], [meeting("m", "2025-10-07", "Moscow")]),
    extraction("c", [quote(neighbouring, "Sergei Lavrov", "m")], [meeting("m", "2025-10", "Moscow", 7)]),
  ];
  const dataset = normalizeCollection(articles, extractions, registry);

  it("makes one meeting with all its sources and the most precise date", () => {
    expect(dataset.meetings).toHaveLength(1);
    expect(dataset.meetings[0]).toMatchObject({
      date: "2025-10-07",
      city: "Moscow",
      round: 7,
      source_ids: ["a", "b", "c"],
    });
    expect(dataset.attendees).toHaveLength(1);
    expect(dataset.attendees[0]?.source_ids).toEqual(["a", "b", "c"]);
  });

  it("scores the meeting and its attendee by their surest report, and leaves unscored rows empty", () => {
    const scored = (m: MeetingMention, meeting: number, attendee: number): MeetingMention => ({
      ...m,
      confidence: meeting,
      attendees: m.attendees.map((a) => ({ ...a, confidence: attendee })),
    });
    const merged = normalizeCollection(
      articles,
      [
        extraction("a", [], [scored(meeting("m", "2025-10-07", "Moscow", 7), 0.8, 0.7)]),
        extraction("b", [], [scored(meeting("m", "2025-10-07", "Moscow"), 0.953, 0.6)]),
        extraction("c", [], [meeting("m", "2025-10", "Moscow", 7)]),
      ],
      registry,
    );
    expect(merged.meetings.map((m) => m.confidence)).toEqual([0.95]);
    expect(merged.attendees.map((a) => a.confidence)).toEqual([0.7]);
    expect(dataset.meetings[0]?.confidence).toBeNull();
  });

  it("makes one quote with three sources despite spelling and elision", () => {
    expect(dataset.quotes).toHaveLength(1);
    expect(dataset.quotes[0]?.source_ids).toEqual(["a", "b", "c"]);
    expect(dataset.quotes[0]?.speaker_name).toBe("Sergey Lavrov");
    expect(dataset.quotes[0]?.meeting_id).toBe(dataset.meetings[0]?.meeting_id);
  });

  it("makes one person with the transliteration as an alias", () => {
    expect(dataset.people.map((p) => p.name)).toEqual(["Sergey Lavrov"]);
    expect(dataset.people[0]?.aliases).toContain("Sergei Lavrov");
    expect(dataset.people[0]?.country).toBe("RUS");
  });

  it("gives evidence for every quote from every source", () => {
    const quoteEvidence = dataset.evidence.filter((e) => e.record_type === "quote");
    expect(quoteEvidence.map((e) => e.source_id)).toEqual(["a", "b", "c"]);
    expect(quoteEvidence[0]?.sentence).toContain("Lavrov said");
  });

  it("does not depend on the order sources are read in", () => {
    const again = normalizeCollection([...articles].reverse(), [...extractions].reverse(), registry);
    expect(JSON.stringify(again)).toBe(JSON.stringify(dataset));
  });

  it("keeps two meetings of one article apart, even when a vaguer mention agrees with both", () => {
    const side = { ...meeting("side", "2025-10", "Moscow"), series: null };
    const vague = { ...meeting("m", "2025-10", "Moscow"), series: null };
    const result = normalizeCollection(
      articles,
      [extraction("a", [], [meeting("m", "2025-10-07", "Moscow", 7), side]), extraction("b", [], [vague])],
      registry,
    );
    expect(result.meetings).toHaveLength(3);
    expect(result.meetings.map((m) => m.source_ids.join()).sort()).toEqual(["a", "a", "b"]);
  });

  it("keeps meetings on different days apart", () => {
    const two = normalizeCollection(
      articles,
      [
        extraction("a", [], [meeting("m", "2025-10-07", "Moscow")]),
        extraction("b", [], [meeting("m", "2025-10-09", "Moscow")]),
      ],
      registry,
    );
    expect(two.meetings).toHaveLength(2);
  });
});

describe("matching rules", () => {
  it.each([
    [neighboring, neighbouring, true],
    [neighboring, elided, true],
    ["We are trying to get it back, by the way.", "We gave it for nothing. We are trying to get it back", false],
    [
      "return the assets they have seized",
      "correct their course, return the assets they have seized and take responsibility",
      true,
    ],
  ])("quotesMatch(%s, %s) = %s", (a, b, expected) => {
    expect(quotesMatch(a, b)).toBe(expected);
  });

  it.each([
    ["2024-10", "2024-10-15", true],
    ["2024", "2024-10-15", true],
    ["2024-10-14", "2024-10-15", false],
    ["2023-09", "2024-09", false],
  ])("datesAgree(%s, %s) = %s", (a, b, expected) => {
    expect(datesAgree(a, b)).toBe(expected);
  });
});
