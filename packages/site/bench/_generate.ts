import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type {
  AttendeeRecord,
  Dataset,
  EvidenceRecord,
  MeetingRecord,
  PersonRecord,
  QuoteRecord,
  SourceRecord,
} from "@parley/model";
import { renderIndex, renderSha256Sums, scanIndex } from "@parley/release";
import { seededRandom } from "@parley/model";

// A synthetic collection the size a corpus of N articles would give, for the benchmark and the browser
// test's latency check. Invented words and names only; the shape per article follows the published
// release (about 6 quotes, 5 attendees and 24 evidence rows per article, a meeting per 5 articles).

const WORDS = (
  "security region dialogue cooperation talks ministers agreed support peace stability trade transit corridor " +
  "energy border water treaty humanitarian aid sanctions relations partners delegation summit envoy neighbours " +
  "economy investment railway pipeline agriculture health refugees counterterrorism narcotics reconstruction " +
  "development consultations framework roadmap declaration settlement mediation guarantees sovereignty " +
  "integrity commitment negotiations progress proposal initiative format round process statement"
).split(" ");
const SYLLABLES = "ka ri mo ta le vi na so du ra mi ko be za lu tor an el is ov ev in ar".split(" ");
const CITIES = [
  "Arvela",
  "Bostra",
  "Caldor",
  "Dunmere",
  "Estavo",
  "Ferrin",
  "Galavar",
  "Holmsted",
  "Ilvana",
  "Jorvik",
  "Kestrel",
  "Lunor",
];
const COUNTRIES = [
  "AFG",
  "RUS",
  "CHN",
  "IND",
  "IRN",
  "KAZ",
  "KGZ",
  "PAK",
  "TJK",
  "TKM",
  "UZB",
  "QAT",
  "TUR",
  "SAU",
  "ARE",
  "USA",
  "GBR",
  "DEU",
  "FRA",
  "JPN",
];
const SERIES = [
  "Arvela Process",
  "Caldor Format",
  "Northern Dialogue",
  "Transit Forum",
  "Water Talks",
  "Border Commission",
  "Trade Council",
  "Peace Conference",
  "Envoy Meetings",
  "Security Round",
];
const ROLES = [
  "Foreign Minister",
  "Deputy Foreign Minister",
  "Special Envoy",
  "Ambassador",
  "Prime Minister",
  "President",
  "Defence Minister",
];

export function generateDataset(articles: number, seed = 11): Dataset {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const word = (): string => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYLLABLES)).join("");
  const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  const pad = (n: number, width: number): string => String(n).padStart(width, "0");
  const hex = (n: number): string => ((n * 2654435761) >>> 0).toString(16).padStart(8, "0");

  const sources: SourceRecord[] = [];
  for (let i = 0; i < articles; i++) {
    sources.push({
      source_id: `${pad(i, 6)}_${hex(i)}`,
      title: `${cap(pick(WORDS))} ${pick(WORDS)} on the ${pick(WORDS)} agenda`,
      publisher: `${cap(word())} News`,
      url: `https://news.example/${pad(i, 6)}`,
      published: `${2015 + Math.floor(i / Math.max(1, articles / 11))}-${pad(1 + Math.floor(rand() * 12), 2)}-${pad(1 + Math.floor(rand() * 28), 2)}`,
      language: "en",
      title_is_headline: true,
      unknown_fields: [],
      retrieved: null,
      curated_fields: [],
      sha256: hex(i).repeat(8),
    });
  }
  const people: PersonRecord[] = [];
  const seen = new Set<string>();
  while (people.length < Math.max(10, Math.round(articles * 0.3))) {
    const name = `${cap(word())} ${cap(word())}`;
    const id = `person:${name.toLowerCase().replace(/ /g, "-")}`;
    if (seen.has(id)) continue;
    seen.add(id);
    people.push({ person_id: id, name, curated_fields: [], aliases: [], country: pick(COUNTRIES), role: pick(ROLES) });
  }
  const meetings: MeetingRecord[] = [];
  const attendees: AttendeeRecord[] = [];
  const quotes: QuoteRecord[] = [];
  const evidence: EvidenceRecord[] = [];
  const meetingIds = new Set<string>();
  const quoteIds = new Set<string>();
  const sentence = (n: number): string =>
    Array.from({ length: n }, () => (rand() < 0.8 ? pick(WORDS) : word())).join(" ");
  for (let s = 0; s < sources.length; s += 5) {
    const source = sources[s] as SourceRecord;
    const series = pick(SERIES);
    const city = pick(CITIES);
    const date = source.published ?? "2025";
    const meetingId = `meeting:${series.toLowerCase().replace(/ /g, "-")}:${date}:${city.toLowerCase()}`;
    if (meetingIds.has(meetingId)) continue;
    meetingIds.add(meetingId);
    const group = sources.slice(s, s + 5).map((x) => x.source_id);
    meetings.push({
      meeting_id: meetingId,
      name: `${series}, ${city}`,
      series,
      round: 1 + Math.floor(rand() * 9),
      date,
      city,
      country: pick(COUNTRIES),
      source_ids: group,
      curated_fields: [],
      confidence: null,
    });
    const told = `Officials from the region met in ${city} for the ${series} on ${sentence(6)}.`;
    evidence.push({
      origin: "source",
      field: null,
      record_type: "meeting",
      record_id: meetingId,
      source_id: source.source_id,
      start: 0,
      end: told.length,
      sentence: told,
    });
    const present = new Set<string>();
    for (let a = 0; a < 25; a++) {
      const person = pick(people);
      if (present.has(person.person_id)) continue;
      present.add(person.person_id);
      const attendeeId = `${meetingId}/person:${person.person_id.slice(7)}`;
      attendees.push({
        attendee_id: attendeeId,
        meeting_id: meetingId,
        role_key: null,
        curated_fields: [],
        confidence: null,
        attendee_type: "person",
        person_id: person.person_id,
        name: person.name,
        role: person.role,
        country: person.country,
        basis: null,
        participation: rand() < 0.9 ? "in_person" : "remote",
        source_ids: [pick(group)],
      });
      const said = `${person.role} ${person.name} attended the talks in ${city}.`;
      evidence.push({
        origin: "source",
        field: null,
        record_type: "attendee",
        record_id: attendeeId,
        source_id: source.source_id,
        start: 0,
        end: said.length,
        sentence: said,
      });
    }
    for (let q = 0; q < 30; q++) {
      const speaker = pick(people);
      const text = `${cap(sentence(8 + Math.floor(rand() * 14)))}.`;
      const quoteId = `quote:${hex(quotes.length + 1)}${pad(quotes.length, 4)}`;
      if (quoteIds.has(quoteId)) continue;
      quoteIds.add(quoteId);
      const sourceId = pick(group);
      quotes.push({
        quote_id: quoteId,
        text,
        kind: null,
        medium: null,
        said_on: null,
        translated: null,
        curated_fields: [],
        speaker_type: "person",
        speaker_id: speaker.person_id,
        speaker_name: speaker.name,
        speaker_role: speaker.role,
        speaker_role_key: null,
        speaker_country: speaker.country,
        meeting_id: rand() < 0.8 ? meetingId : null,
        source_ids: [sourceId],
      });
      const said = `“${text}” ${speaker.name} said.`;
      evidence.push({
        origin: "source",
        field: null,
        record_type: "quote",
        record_id: quoteId,
        source_id: sourceId,
        start: 0,
        end: said.length,
        sentence: said,
      });
    }
  }
  const byKey =
    <T>(key: keyof T) =>
    (a: T, b: T): number =>
      String(a[key]) < String(b[key]) ? -1 : 1;
  return {
    sources,
    meetings: meetings.sort(byKey("meeting_id")),
    attendees: attendees.sort(byKey("attendee_id")),
    quotes: quotes.sort(byKey("quote_id")),
    people: people.sort(byKey("person_id")),
    quote_sources: [],
    roles: [],
    evidence,
  };
}

/** Writes a dataset as a published version with the files the site reads, and the index.json over it. */
export function writeGeneratedRelease(datasetsRoot: string, name: string, dataset: Dataset, version = "1.0.0"): void {
  const dir = join(datasetsRoot, name, version);
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, string>();
  for (const [table, rows] of Object.entries(dataset)) files.set(`${table}.json`, `${JSON.stringify(rows, null, 2)}\n`);
  files.set(
    "datapackage.json",
    `${JSON.stringify({ name, title: `Generated collection (${dataset.sources.length} articles)`, description: "Synthetic meetings, attendees and quotes for benchmarks.", version, created: "2026-01-01T00:00:00Z", licenses: [{ name: "CC0-1.0" }] }, null, 2)}\n`,
  );
  files.set("CHANGELOG.md", `# Changelog\n\n## ${version}\n\nGenerated.\n`);
  for (const [file, content] of files) writeFileSync(join(dir, file), content);
  writeFileSync(join(dir, "SHA256SUMS"), renderSha256Sums(files));
  writeFileSync(join(datasetsRoot, "index.json"), renderIndex(scanIndex(datasetsRoot)));
}
