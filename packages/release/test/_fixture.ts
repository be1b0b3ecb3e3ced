import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Dataset, type MeetingRecord, type QuoteRecord, quoteId, sha256 } from "@parley/model";
import type { CollectionMeta } from "../src/index.ts";

// Real wording from the seed articles; the rows are hand-made so these tests do not depend on the extractor.
export const SHORT_QUOTE =
  "The deployment of military infrastructure of any third countries on the territory of Afghanistan… is categorically unacceptable under any pretext.";
export const LONG_QUOTE =
  "The deployment of military infrastructure of any third countries on the territory of Afghanistan, as well as on the territories of neighboring states, is categorically unacceptable under any pretext";
const SENTENCE = `“${LONG_QUOTE},” Lavrov said.`;

export const META: CollectionMeta = {
  name: "moscow-format",
  title: "Moscow Format consultations on Afghanistan",
  description: "Meetings, attendees and quotes of the Moscow Format consultations.",
  license: "ODC-BY-1.0",
};

export const meeting = (date: string, sources: string[]): MeetingRecord => ({
  meeting_id: `meeting:moscow-format:${date}:moscow`,
  name: "Moscow Format (Moscow)",
  curated_fields: [],
  series: "Moscow Format",
  round: null,
  date,
  city: "Moscow",
  country: "RUS",
  source_ids: sources,
  confidence: null,
});

export const lavrovQuote = (text: string, sources: string[], meetingId: string | null): QuoteRecord => ({
  quote_id: quoteId("person:sergey-lavrov", text.toLowerCase()),
  text,
  kind: null,
  medium: null,
  said_on: null,
  translated: null,
  curated_fields: [],
  speaker_type: "person",
  speaker_id: "person:sergey-lavrov",
  speaker_name: "Sergey Lavrov",
  speaker_role: "Foreign Minister",
  speaker_role_key: null,
  speaker_country: "RUS",
  meeting_id: meetingId,
  source_ids: sources,
});

const source = (id: string, title: string, publisher: string) => ({
  source_id: id,
  title,
  publisher,
  url: null,
  published: "2025-10",
  language: "en",
  title_is_headline: true,
  unknown_fields: [],
  retrieved: null,
  curated_fields: [],
  sha256: sha256(title),
});

/** The first release: one source, one meeting, Lavrov attending and the short wording of his quote. */
export function firstBuild(): Dataset {
  const m = meeting("2025-10", ["000_pulse"]);
  const q = lavrovQuote(SHORT_QUOTE, ["000_pulse"], m.meeting_id);
  return {
    sources: [
      source(
        "000_pulse",
        "Russia hosts Taliban delegation, warns against foreign military presence in Afghanistan",
        "The National Pulse",
      ),
    ],
    meetings: [m],
    attendees: [
      {
        attendee_id: `${m.meeting_id}/person:sergey-lavrov`,
        meeting_id: m.meeting_id,
        role_key: null,
        curated_fields: [],
        attendee_type: "person",
        person_id: "person:sergey-lavrov",
        name: "Sergey Lavrov",
        role: "Foreign Minister",
        country: "RUS",
        basis: null,
        participation: "in_person",
        source_ids: ["000_pulse"],
        confidence: null,
      },
    ],
    quotes: [q],
    people: [
      {
        person_id: "person:sergey-lavrov",
        name: "Sergey Lavrov",
        curated_fields: [],
        aliases: [],
        country: "RUS",
        role: "Foreign Minister",
      },
    ],
    quote_sources: [],
    roles: [],
    evidence: [
      {
        origin: "source",
        field: null,
        record_type: "quote",
        record_id: q.quote_id,
        source_id: "000_pulse",
        start: 0,
        end: SENTENCE.length,
        sentence: SENTENCE,
      },
    ],
  };
}

/**
 * The same facts after a second source: the meeting's day is now known and the quote's fuller wording was found,
 * so the builder derives new meeting and quote IDs for the same things.
 */
export function refinedBuild(): Dataset {
  const m = meeting("2025-10-07", ["000_pulse", "001_calitoday"]);
  const q = lavrovQuote(LONG_QUOTE, ["000_pulse", "001_calitoday"], m.meeting_id);
  const first = firstBuild();
  return {
    sources: [
      ...first.sources,
      source(
        "001_calitoday",
        "Russia rolls out the red carpet for the Taliban at Moscow meeting on Afghanistan",
        "CaliToday",
      ),
    ],
    meetings: [m],
    attendees: first.attendees.map((a) => ({
      ...a,
      attendee_id: `${m.meeting_id}/person:sergey-lavrov`,
      meeting_id: m.meeting_id,
    })),
    quotes: [q],
    people: first.people,
    quote_sources: [],
    roles: [],
    evidence: [
      {
        origin: "source",
        field: null,
        record_type: "quote",
        record_id: q.quote_id,
        source_id: "000_pulse",
        start: 0,
        end: SENTENCE.length,
        sentence: SENTENCE,
      },
      {
        origin: "source",
        field: null,
        record_type: "quote",
        record_id: q.quote_id,
        source_id: "001_calitoday",
        start: 0,
        end: SENTENCE.length,
        sentence: SENTENCE,
      },
    ],
  };
}

export const tempRoot = (): string => mkdtempSync(join(tmpdir(), "parley-release-"));

export const NO_ASSERTIONS = { min_rows: {}, max_rows: {} };
