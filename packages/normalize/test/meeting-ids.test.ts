import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  seededRandom,
  type Article,
  type ArticleExtraction,
  type AttendeeMention,
  type MeetingMention,
} from "@parley/model";
import { loadRegistry } from "@parley/registry";
import { normalizeCollection } from "../src/index.ts";
import { articleOf } from "./_article.ts";

// Issue #12: two events that share a date and a city but are different meetings must get different IDs, every
// time the same inputs are merged, so that no corpus of valid articles is refused for a duplicate ID. A property
// test: random corpora whose meetings collide on a few dates and cities, with attendees drawn from a few countries
// (so some reports are one meeting told twice and some are different meetings on the same day in the same city).
const registry = loadRegistry(join(import.meta.dirname, "../../../pipelines/registry"));

const DATES = ["2024-05-14", "2024-05-15", "2024-05"];
const CITIES = [
  { city: "Moscow", country: "RUS" },
  { city: "Tashkent", country: "UZB" },
];
const COUNTRIES = [
  ["AFG", "Afghanistan"],
  ["CHN", "China"],
  ["IND", "India"],
  ["IRN", "Iran"],
  ["PAK", "Pakistan"],
  ["TUR", "Turkey"],
] as const;

function corpus(seed: number, size: number): { articles: Article[]; extractions: ArticleExtraction[] } {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const articles: Article[] = [];
  const extractions: ArticleExtraction[] = [];
  for (let a = 0; a < size; a++) {
    const source_id = `s${seed}-${String(a).padStart(3, "0")}`;
    const text = "The ministers met and held talks on regional security and trade.";
    const whole = { start: 0, end: text.length };
    const meetings: MeetingMention[] = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, k) => {
      const place = pick(CITIES);
      const attendees: AttendeeMention[] = COUNTRIES.filter(() => next() < 0.35).map(([code, name]) => ({
        type: "country",
        name,
        role: null,
        country: code,
        participation: "in_person",
        basis: null,
        evidence: whole,
      }));
      return {
        key: `m${k}`,
        name: next() < 0.2 ? pick(["trilateral meeting", "side meeting"]) : null,
        series: null,
        round: null,
        date: pick(DATES),
        city: place.city,
        country: place.country,
        evidence: [whole],
        attendees,
      };
    });
    articles.push(articleOf(source_id, text, "2024-05-20", `Report ${a}`));
    extractions.push({ source_id, people: [], quotes: [], meetings, warnings: [] });
  }
  return { articles, extractions };
}

describe("meeting IDs on corpora whose meetings collide on date and city", () => {
  it.each(Array.from({ length: 12 }, (_, i) => [i + 1]))(
    "seed %i: every ID unique, the same on a second merge",
    (seed) => {
      const { articles, extractions } = corpus(seed, 40);
      const dataset = normalizeCollection(articles, extractions, registry);
      const ids = dataset.meetings.map((m) => m.meeting_id);
      // The corpus does collide: several meetings share a date and a city, so the plain ID alone would repeat.
      const plain = dataset.meetings.map((m) => `${m.date}:${m.city}`);
      expect(new Set(plain).size).toBeLessThan(plain.length);
      expect(new Set(ids).size).toBe(ids.length);
      const attendeeIds = dataset.attendees.map((a) => a.attendee_id);
      expect(new Set(attendeeIds).size).toBe(attendeeIds.length);
      // Every attendee row names a meeting of the dataset.
      const known = new Set(ids);
      expect(dataset.attendees.filter((a) => !known.has(a.meeting_id))).toEqual([]);
      // Deterministic: the same inputs merged again give the same IDs, row for row.
      const again = normalizeCollection(structuredClone(articles), structuredClone(extractions), registry);
      expect(again.meetings.map((m) => m.meeting_id)).toEqual(ids);
      expect(again.attendees.map((a) => a.attendee_id)).toEqual(attendeeIds);
    },
  );
});
