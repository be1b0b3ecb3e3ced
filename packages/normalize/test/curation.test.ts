import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { attendeeId, type Dataset, InputError } from "@parley/model";
import { applyCuration, parseCuration, renameIds } from "../src/index.ts";

const MEETING = "meeting:moscow-format:2024-10-04:moscow";
const SENTENCE = "Zamir Kabulov, Russia’s special representative, said the Taliban would be invited.";

// Two spellings of one envoy that the registry does not fold, as the extractor would leave them.
function dataset(): Dataset {
  const attendee = (person: string, name: string, source: string) => ({
    attendee_id: attendeeId(MEETING, "person", person),
    meeting_id: MEETING,
    role_key: null,
    curated_fields: [],
    confidence: null,
    attendee_type: "person" as const,
    person_id: person,
    name,
    role: "Special Representative on Afghanistan",
    country: "RUS",
    basis: null,
    participation: "in_person" as const,
    source_ids: [source],
  });
  return {
    sources: [],
    meetings: [
      {
        meeting_id: MEETING,
        name: "Moscow Format (Moscow)",
        curated_fields: [],
        confidence: null,
        series: "Moscow Format",
        round: null,
        date: "2024-10-04",
        city: "Moscow",
        country: "RUS",
        source_ids: ["003_tass", "004_kabulnow"],
      },
    ],
    attendees: [
      attendee("person:zamir-kabulov", "Zamir Kabulov", "003_tass"),
      attendee("person:zamir-kabulow", "Zamir Kabulow", "004_kabulnow"),
    ],
    quotes: [
      {
        quote_id: "quote:111111111111",
        text: "The Taliban will be invited",
        kind: null,
        medium: null,
        said_on: null,
        translated: null,
        curated_fields: [],
        speaker_type: "person",
        speaker_id: "person:zamir-kabulow",
        speaker_name: "Zamir Kabulow",
        speaker_role: null,
        speaker_role_key: null,
        speaker_country: "RUS",
        meeting_id: MEETING,
        source_ids: ["004_kabulnow"],
      },
    ],
    people: [
      {
        person_id: "person:zamir-kabulov",
        name: "Zamir Kabulov",
        curated_fields: [],
        aliases: [],
        country: "RUS",
        role: "Special Representative on Afghanistan",
      },
      {
        person_id: "person:zamir-kabulow",
        name: "Zamir Kabulow",
        curated_fields: [],
        aliases: [],
        country: "RUS",
        role: null,
      },
    ],
    quote_sources: [],
    roles: [],
    evidence: [
      {
        origin: "source",
        field: null,
        record_type: "person",
        record_id: "person:zamir-kabulow",
        source_id: "004_kabulnow",
        start: 0,
        end: SENTENCE.length,
        sentence: SENTENCE,
      },
      {
        origin: "source",
        field: null,
        record_type: "quote",
        record_id: "quote:111111111111",
        source_id: "004_kabulnow",
        start: 0,
        end: SENTENCE.length,
        sentence: SENTENCE,
      },
      {
        origin: "source",
        field: null,
        record_type: "attendee",
        record_id: `${MEETING}/person:zamir-kabulow`,
        source_id: "004_kabulnow",
        start: 0,
        end: SENTENCE.length,
        sentence: SENTENCE,
      },
    ],
  };
}

const FILE = "pipelines/test/curation.yaml";

describe("parseCuration", () => {
  it("reads the collection's curation file", () => {
    const file = join(import.meta.dirname, "../../../pipelines/moscow-format/curation.yaml");
    expect(() => parseCuration(readFileSync(file, "utf8"), file)).not.toThrow();
  });

  it.each([
    ["a missing reason", "- action: reject\n  id: quote:111111111111\n", 1, /reason/],
    ["an unknown action", "- action: delete\n  id: quote:111111111111\n  reason: a headline\n", 1, /action/],
    [
      "a field the table does not have",
      "- action: reject\n  id: quote:1\n  reason: x\n- action: correct\n  id: meeting:moscow-format:2024-10-04:moscow\n  field: venue\n  value: Kazan\n  reason: stated in TASS\n",
      4,
      /meetings has no field 'venue'/,
    ],
    [
      "a value the field does not accept",
      "- action: correct\n  id: person:zamir-kabulov\n  field: country\n  value: Russia\n  reason: envoy of Russia\n",
      1,
      /not a valid country/,
    ],
    [
      "a merge across tables",
      "- action: merge\n  id: person:zamir-kabulow\n  into: quote:111111111111\n  reason: same\n",
      1,
      /not in the same table/,
    ],
    [
      "a correction of the ID",
      "- action: correct\n  id: quote:111111111111\n  field: quote_id\n  value: quote:2\n  reason: x\n",
      1,
      /use action: rename/,
    ],
  ])("reports %s with its file and line", (_label, text, line, message) => {
    try {
      parseCuration(text, FILE);
      expect.unreachable("the curation should be rejected");
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const problem = (err as InputError).problems[0];
      expect(problem?.file).toBe(FILE);
      expect(problem?.line).toBe(line);
      expect(problem?.message).toMatch(message);
    }
  });

  it("reads an empty file as no corrections", () => {
    expect(parseCuration("# nothing to correct yet\n", FILE)).toEqual([]);
  });
});

describe("applyCuration", () => {
  it("merges two people: the spelling becomes an alias, attendance, quotes and evidence follow", () => {
    const curation = parseCuration(
      "- action: merge\n  id: person:zamir-kabulow\n  into: person:zamir-kabulov\n  reason: transliteration\n",
      FILE,
    );
    const { dataset: curated, unmatched } = applyCuration(dataset(), curation);
    expect(unmatched).toEqual([]);
    expect(curated.people).toEqual([
      {
        person_id: "person:zamir-kabulov",
        name: "Zamir Kabulov",
        curated_fields: [],
        aliases: ["Zamir Kabulow"],
        country: "RUS",
        role: "Special Representative on Afghanistan",
      },
    ]);
    expect(curated.attendees).toHaveLength(1);
    expect(curated.attendees[0]?.source_ids).toEqual(["003_tass", "004_kabulnow"]);
    expect(curated.quotes[0]?.speaker_id).toBe("person:zamir-kabulov");
    const ids = new Set([
      ...curated.people.map((p) => p.person_id),
      ...curated.attendees.map((a) => a.attendee_id),
      ...curated.quotes.map((q) => q.quote_id),
    ]);
    expect(curated.evidence.every((e) => ids.has(e.record_id))).toBe(true);
  });

  it("corrects a field and rejects rows with what hangs on them", () => {
    const curation = parseCuration(
      [
        "- action: correct\n  id: meeting:moscow-format:2024-10-04:moscow\n  field: round\n  value: 6\n  reason: the sixth round, per the foreign ministry",
        "- action: reject\n  id: person:zamir-kabulow\n  reason: a misspelling with no other source",
      ].join("\n"),
      FILE,
    );
    const { dataset: curated } = applyCuration(dataset(), curation);
    expect(curated.meetings[0]?.round).toBe(6);
    expect(curated.people.map((p) => p.person_id)).toEqual(["person:zamir-kabulov"]);
    expect(curated.attendees.map((a) => a.person_id)).toEqual(["person:zamir-kabulov"]);
    expect(curated.quotes).toEqual([]);
    // What is left of the evidence is the correction itself: its reason, against the field it set.
    expect(curated.evidence).toEqual([
      {
        record_type: "meeting",
        record_id: "meeting:moscow-format:2024-10-04:moscow",
        origin: "curation",
        source_id: null,
        start: null,
        end: null,
        field: "round",
        sentence: "the sixth round, per the foreign ministry",
      },
    ]);
    expect(curated.meetings[0]?.curated_fields).toEqual(["round"]);
  });

  it("rejecting a meeting drops its attendees and leaves its quotes without a meeting", () => {
    const curation = parseCuration(`- action: reject\n  id: ${MEETING}\n  reason: not a Moscow Format round\n`, FILE);
    const { dataset: curated } = applyCuration(dataset(), curation);
    expect(curated.meetings).toEqual([]);
    expect(curated.attendees).toEqual([]);
    expect(curated.quotes.map((q) => q.meeting_id)).toEqual([null]);
  });

  it("applies every correction on every build and warns, with its line, about one that matches nothing", () => {
    const text =
      "- action: reject\n  id: quote:111111111111\n  reason: a headline\n- action: reject\n  id: quote:999999999999\n  reason: gone since\n";
    const curation = parseCuration(text, FILE);
    const once = applyCuration(dataset(), curation);
    const twice = applyCuration(dataset(), curation);
    expect(twice.dataset).toEqual(once.dataset);
    expect(once.dataset.quotes).toEqual([]);
    expect(once.unmatched).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 4,
        severity: "warning",
        message: "reject quote:999999999999 matches no row",
      }),
    ]);
  });
});

describe("renameIds", () => {
  it("renames a meeting and every ID and reference derived from it", () => {
    const renamed = renameIds(dataset(), new Map([[MEETING, "meeting:moscow-format:2024-10:moscow"]]));
    expect(renamed.attendees.map((a) => a.attendee_id)).toEqual([
      "meeting:moscow-format:2024-10:moscow/person:zamir-kabulov",
      "meeting:moscow-format:2024-10:moscow/person:zamir-kabulow",
    ]);
    expect(renamed.quotes[0]?.meeting_id).toBe("meeting:moscow-format:2024-10:moscow");
    expect(renamed.evidence.find((e) => e.record_type === "attendee")?.record_id).toBe(
      "meeting:moscow-format:2024-10:moscow/person:zamir-kabulow",
    );
  });
});
