import { fileURLToPath } from "node:url";
import {
  type AttendeeRecord,
  type Dataset,
  type QuoteRecord,
  Dataset as DatasetSchema,
  attendeeId,
  foldText,
  meetingId,
  personId,
} from "@parley/model";
import { type Gold, loadGold, sourceStem } from "../src/index.ts";

export const SEEDS_GOLD = fileURLToPath(
  new URL("../../../pipelines/moscow-format/gold/seeds.gold.json", import.meta.url),
);

export const seedsGold = (): Gold => loadGold(SEEDS_GOLD);

/** The dataset a perfect pipeline would write for the gold: one row per gold item, every source merged. */
export function goldToDataset(gold: Gold): Dataset {
  const stems = (names: string[]): string[] => names.map(sourceStem).sort();
  const allSources = [
    ...new Set([...gold.meetings, ...gold.optional_meetings, ...gold.quotes].flatMap((x) => stems(x.sources))),
  ].sort();
  const idOfMeeting = new Map<string, string>();
  const meetings = [
    ...gold.meetings.map((m) => ({ ...m, series: m.series })),
    ...gold.optional_meetings.flatMap((m) =>
      m.date && m.city ? [{ ...m, date: m.date, city: m.city, series: null, round: null, country: null }] : [],
    ),
  ].map((m) => {
    const id = meetingId(m.series, m.round, m.date, m.city);
    idOfMeeting.set(m.key, id);
    return {
      meeting_id: id,
      name: m.key,
      series: m.series,
      round: m.round,
      date: m.date,
      city: m.city,
      country: m.country,
      source_ids: stems(m.sources),
      curated_fields: [],
      confidence: null,
    };
  });
  const person = (name: string) => gold.people.find((p) => p.name === name);
  const attendees: AttendeeRecord[] = gold.meetings.flatMap((m) => {
    const id = idOfMeeting.get(m.key) ?? "";
    const base = { meeting_id: id, source_ids: stems(m.sources) };
    return [
      ...m.people.map((name) => ({
        ...base,
        attendee_id: attendeeId(id, "person", name),
        role_key: null,
        curated_fields: [],
        confidence: null,
        attendee_type: "person" as const,
        person_id: personId(name),
        name,
        role: person(name)?.role ?? null,
        country: person(name)?.country ?? null,
        basis: null,
        participation: m.participation[name] ?? ("in_person" as const),
      })),
      ...m.countries.map((code) => ({
        ...base,
        attendee_id: attendeeId(id, "country", code),
        role_key: null,
        curated_fields: [],
        confidence: null,
        attendee_type: "country" as const,
        person_id: null,
        name: code,
        role: null,
        country: code,
        basis: null,
        participation: "in_person" as const,
      })),
    ];
  });
  const quotes: QuoteRecord[] = gold.quotes.map((q) => ({
    quote_id: `quote:${foldText(q.text).slice(0, 40)}`,
    text: q.text,
    kind: null,
    medium: null,
    said_on: null,
    translated: null,
    curated_fields: [],
    speaker_type: q.speaker_kind,
    speaker_id: q.speaker_kind === "person" ? personId(q.speaker) : null,
    speaker_name: q.speaker,
    speaker_role: null,
    speaker_role_key: null,
    speaker_country: null,
    meeting_id: q.meeting === null ? null : (idOfMeeting.get(q.meeting) ?? null),
    source_ids: stems(q.sources),
  }));
  return DatasetSchema.parse({
    sources: allSources.map((s) => ({
      source_id: s,
      title: s,
      publisher: "test",
      url: null,
      published: "2025",
      language: "en",
      title_is_headline: true,
      unknown_fields: [],
      retrieved: null,
      sha256: "0".repeat(64),
      curated_fields: [],
    })),
    meetings,
    attendees,
    quotes,
    quote_sources: [],
    people: gold.people.map((p) => ({
      person_id: personId(p.name),
      name: p.name,
      aliases: p.aliases,
      country: p.country,
      role: p.role,
      curated_fields: [],
    })),
    roles: [],
    evidence: [],
  });
}
