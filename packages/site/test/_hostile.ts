import type { Dataset } from "@parley/model";

// Text an attacker controls: an article's words (quotes, names, evidence) and a source file's front matter
// (title, publisher, URL). Every one of them must reach a page as text.
export const HOSTILE = {
  title: "<script>alert(1)</script>",
  publisher: "<b onmouseover=alert(2)>Wire</b>",
  url: "javascript:alert(3)",
  quote: "<img src=x onerror=alert(4)> we will never agree",
  speaker: '"><svg onload=alert(5)>',
  meeting: "Talks </title><script>alert(6)</script>",
  city: "<iframe src=javascript:alert(7)>",
} as const;

export function hostileDataset(): Dataset {
  const source = "001_hostile";
  const meeting = "meeting:2024-05-02:hostile-city";
  const person = "person:svg-onload-alert5";
  const said = `“${HOSTILE.quote}” ${HOSTILE.speaker} said in ${HOSTILE.city}.`;
  return {
    sources: [
      {
        source_id: source,
        title: HOSTILE.title,
        publisher: HOSTILE.publisher,
        url: HOSTILE.url,
        published: "2024-05-03",
        language: "en",
        title_is_headline: true,
        unknown_fields: [],
        retrieved: null,
        curated_fields: [],
        sha256: "a".repeat(64),
      },
    ],
    meetings: [
      {
        meeting_id: meeting,
        name: HOSTILE.meeting,
        curated_fields: [],
        series: null,
        round: null,
        date: "2024-05-02",
        city: HOSTILE.city,
        country: "QAT",
        source_ids: [source],
        confidence: null,
      },
    ],
    attendees: [
      {
        attendee_id: `${meeting}/person:svg-onload-alert5`,
        meeting_id: meeting,
        role_key: null,
        curated_fields: [],
        attendee_type: "person",
        person_id: person,
        name: HOSTILE.speaker,
        role: "Envoy",
        country: "QAT",
        basis: null,
        participation: "in_person",
        source_ids: [source],
        confidence: null,
      },
    ],
    quotes: [
      {
        quote_id: "quote:000000000001",
        text: HOSTILE.quote,
        kind: null,
        medium: null,
        said_on: null,
        translated: null,
        curated_fields: [],
        speaker_type: "person",
        speaker_id: person,
        speaker_name: HOSTILE.speaker,
        speaker_role: "Envoy",
        speaker_role_key: null,
        speaker_country: "QAT",
        meeting_id: meeting,
        source_ids: [source],
      },
    ],
    people: [
      { person_id: person, name: HOSTILE.speaker, curated_fields: [], aliases: [], country: "QAT", role: "Envoy" },
    ],
    quote_sources: [],
    roles: [],
    evidence: [
      {
        origin: "source",
        field: null,
        record_type: "meeting",
        record_id: meeting,
        source_id: source,
        start: 0,
        end: said.length,
        sentence: said,
      },
      {
        origin: "source",
        field: null,
        record_type: "attendee",
        record_id: `${meeting}/person:svg-onload-alert5`,
        source_id: source,
        start: 0,
        end: said.length,
        sentence: said,
      },
      {
        origin: "source",
        field: null,
        record_type: "quote",
        record_id: "quote:000000000001",
        source_id: source,
        start: 0,
        end: said.length,
        sentence: said,
      },
    ],
  };
}
