import { z } from "zod";

// The public dataset contract: one schema per published table. Add fields freely; never drop or rename.

/** ISO 8601 date at the precision known: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "a date as YYYY, YYYY-MM or YYYY-MM-DD")
  .refine(isCalendarDate, "a day that exists in that month");

function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) return true;
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}
export type PartialDate = z.infer<typeof PartialDate>;

/** ISO 3166-1 alpha-3 country code. */
export const CountryCode = z.string().regex(/^[A-Z]{3}$/, "an ISO 3166-1 alpha-3 code");

const Id = z.string().min(1).max(200);
const SourceIds = z.array(Id).min(1);

/** A field's description with the meaning of each of its values, for datapackage.json and the README. */
function meanings(text: string, values: Record<string, string>): string {
  return `${text} Values: ${Object.entries(values)
    .map(([v, m]) => `\`${v}\` ${m}`)
    .join("; ")}.`;
}

const CURATED_FIELDS = z
  .array(z.string().min(1))
  .describe(
    "The fields of this row set by the collection's curation.yaml rather than read from a source (the reason is in the evidence table, origin `curation`); empty when none.",
  );

/** What a source's front matter does not know: the fields a citation needs that are empty for this source. */
export const UnknownField = z.enum(["publisher", "published", "url", "retrieved"]);
export type UnknownField = z.infer<typeof UnknownField>;

export const SourceRecord = z.object({
  source_id: Id.describe("The source file's name without its extension, e.g. `000_19d7d37b3b019f88`."),
  title: z
    .string()
    .min(1)
    .describe("The article's title: its headline, or a title an editor wrote when `title_is_headline` is false."),
  title_is_headline: z
    .boolean()
    .describe(
      "True when `title` is the headline the publisher printed; false when an editor of this collection wrote it (the article's headline is not known).",
    ),
  publisher: z
    .string()
    .min(1)
    .nullable()
    .describe(
      "Who published the article (newspaper, agency, site); empty when not known (then `unknown_fields` lists `publisher`).",
    ),
  url: z
    .string()
    .nullable()
    .describe("The article's web address; empty when not known (then `unknown_fields` lists `url`)."),
  published: PartialDate.nullable().describe(
    "Publication date, ISO 8601 at the precision known (YYYY, YYYY-MM or YYYY-MM-DD); empty when not known, and relative dates in that article ('Tuesday') then stay unresolved.",
  ),
  language: z.string().min(2).describe("Language of the article text, an ISO 639 code such as `en`."),
  retrieved: PartialDate.nullable().describe(
    "When the article was saved from the web, ISO 8601 at the precision known; empty when not known.",
  ),
  unknown_fields: z.array(UnknownField).describe(
    meanings(
      "The citation fields this source does not know, so an empty cell reads as 'not known' rather than 'forgotten'.",
      {
        publisher: "the publisher is not known",
        published: "the publication date is not known",
        url: "the article's address is not known",
        retrieved: "when the article was saved is not known",
      },
    ),
  ),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("SHA-256 of the article body (the source file after its front matter), hex."),
  curated_fields: CURATED_FIELDS,
});
export type SourceRecord = z.infer<typeof SourceRecord>;

const SOURCE_IDS_DESCRIPTION =
  "The sources that report this row (source_id values), in ID order; the first is the one `text` and single values are taken from where sources differ.";

/** A score between 0 and 1, to two decimals; null where nothing scored the row. */
const Confidence = z.number().min(0).max(1).nullable();

export const MeetingRecord = z.object({
  meeting_id: Id.describe(
    "Stable ID: `meeting:<series>:<round>` when series and round are known, otherwise `meeting:<date>:<city>` with the date first published; kept when a later source refines the date (see redirects.csv).",
  ),
  name: z.string().min(1).describe("A readable name: series and round, or series and city, or the place."),
  series: z
    .string()
    .nullable()
    .describe("The series of meetings this one belongs to (e.g. Moscow Format); empty when not known."),
  round: z
    .number()
    .int()
    .positive()
    .nullable()
    .describe("The round of the series, a count (1 = first meeting of the series); empty when not known."),
  date: PartialDate.describe("The (first) day of the meeting, ISO 8601 at the precision the sources support."),
  city: z.string().nullable().describe("The city where the meeting took place."),
  country: CountryCode.nullable().describe("The host country, ISO 3166-1 alpha-3."),
  source_ids: SourceIds.describe(SOURCE_IDS_DESCRIPTION),
  curated_fields: CURATED_FIELDS,
  confidence: Confidence.describe(
    "How surely the sources' text supports this meeting, its date and its city, 0 to 1: the highest of its reports, each scored by how its sentence gives the date and the place (a date and a city written with the meeting: 0.9 and up). Meetings below the build's bar are not published; they are listed for review. Empty for a row curation added.",
  ),
});
export type MeetingRecord = z.infer<typeof MeetingRecord>;

export const AttendeeType = z.enum(["person", "country", "organization"]);
export const Participation = z.enum(["in_person", "remote", "written", "unknown"]);
const PARTICIPATION_MEANINGS = {
  in_person: "the text says the attendee was there (attended, took part, in attendance, held talks)",
  remote: "the text says the attendee took part by video link or online",
  written: "the text says the attendee took part in writing (a written greeting or message)",
  unknown: "the text places the attendee at the meeting without saying how",
};

export const AttendeeRecord = z.object({
  attendee_id: Id.describe("`<meeting_id>/<attendee_type>:<key>`: the meeting and who attended."),
  meeting_id: Id.describe("The meeting attended (meetings.meeting_id)."),
  attendee_type: AttendeeType.describe(
    meanings("What kind of attendee.", {
      person: "a named person",
      country: "a country (its delegation)",
      organization: "an international organisation",
    }),
  ),
  person_id: Id.nullable().describe("The person (people.person_id) for a person attendee; empty otherwise."),
  name: z.string().min(1).describe("The person's canonical name, the country's or organisation's name."),
  role: z
    .string()
    .nullable()
    .describe(
      "The person's role as the sources write it for this meeting ('Acting Foreign Minister'); empty when no source gives one.",
    ),
  role_key: z
    .string()
    .nullable()
    .describe(
      "The role grouped under the controlled vocabulary of pipelines/registry/roles.yaml (e.g. `foreign-minister`); empty when no role or no entry fits.",
    ),
  country: CountryCode.nullable().describe("The country the attendee represents, ISO 3166-1 alpha-3."),
  participation: Participation.describe(meanings("How the attendee took part, as reported.", PARTICIPATION_MEANINGS)),
  basis: z
    .string()
    .nullable()
    .describe(
      "The words of the source that support `participation` ('took part', 'attended', 'written greeting'); empty when participation is `unknown`.",
    ),
  source_ids: SourceIds.describe(SOURCE_IDS_DESCRIPTION),
  curated_fields: CURATED_FIELDS,
  confidence: Confidence.describe(
    "How surely the sources' text places this attendee at the meeting, 0 to 1: the highest of its reports. Empty for a row curation added.",
  ),
});
export type AttendeeRecord = z.infer<typeof AttendeeRecord>;

export const SpeakerType = z.enum(["person", "role", "group"]);
export type SpeakerType = z.infer<typeof SpeakerType>;
export const QuoteKind = z.enum(["direct", "partial", "written"]);
export type QuoteKind = z.infer<typeof QuoteKind>;
export const QuoteMedium = z.enum(["press_conference", "interview", "statement", "social_media", "speech", "letter"]);
export type QuoteMedium = z.infer<typeof QuoteMedium>;

export const QuoteRecord = z.object({
  quote_id: Id.describe("`quote:<12 hex digits>`: a hash of the speaker and the folded words of the quote."),
  text: z
    .string()
    .min(1)
    .describe(
      "The quoted words exactly as the first source (first of source_ids) prints them, without quotation marks or the attribution's trailing comma; other sources' wording is in quote_sources.",
    ),
  kind: QuoteKind.nullable().describe(
    meanings("What kind of quotation.", {
      direct: "a whole quoted sentence or more, introduced as speech",
      partial:
        "a fragment of words inside the article's reported speech ('He pledged Russia's \"all-round assistance\"')",
      written: "words from a letter, written greeting, statement or post, per the text",
    }),
  ),
  medium: QuoteMedium.nullable().describe(
    meanings("Where the words were said or published, when the text says; empty otherwise.", {
      press_conference: "a press conference, briefing or remarks to reporters",
      interview: "an interview",
      statement: "a statement or communiqué",
      social_media: "a post on social media",
      speech: "a speech or address",
      letter: "a letter, message or written greeting",
    }),
  ),
  said_on: PartialDate.nullable().describe(
    "When the words were said: the date (ISO 8601, at the precision known) of the meeting they were said at; empty when not linked to a meeting.",
  ),
  translated: z
    .boolean()
    .nullable()
    .describe(
      "True when the article says the words are a translation (said in another language); empty when it does not say (never guessed).",
    ),
  speaker_type: SpeakerType.describe(
    meanings("Who spoke.", {
      person: "a named person (speaker_id set)",
      role: "an unnamed holder of a role ('State Department spokesperson')",
      group: "a group ('participating nations')",
    }),
  ),
  speaker_id: Id.nullable().describe("The speaker (people.person_id) when a named person."),
  speaker_name: z
    .string()
    .min(1)
    .describe("The speaker's canonical name, or the role or group as the article names it."),
  speaker_role: z
    .string()
    .nullable()
    .describe(
      "The speaker's role as the first source that gives one writes it ('Acting Foreign Minister'); empty when no source gives one.",
    ),
  speaker_role_key: z
    .string()
    .nullable()
    .describe("speaker_role grouped under the controlled vocabulary of roles.yaml (e.g. `spokesperson`)."),
  speaker_country: CountryCode.nullable().describe(
    "The country the speaker speaks for, ISO 3166-1 alpha-3; for a role, from its institution ('State Department' → USA).",
  ),
  meeting_id: Id.nullable().describe(
    "The meeting the words were said at or issued about; empty when not said at a meeting.",
  ),
  source_ids: SourceIds.describe(SOURCE_IDS_DESCRIPTION),
  curated_fields: CURATED_FIELDS,
});
export type QuoteRecord = z.infer<typeof QuoteRecord>;

/** One source's exact wording of a quote and where it stands in that source. */
export const QuoteSourceRecord = z.object({
  quote_id: Id.describe("The quote (quotes.quote_id)."),
  source_id: Id.describe("The source (sources.source_id)."),
  text: z.string().min(1).describe("The quote exactly as this source prints it (spelling, elisions)."),
  start: z
    .number()
    .int()
    .nonnegative()
    .describe(
      "Offset of the first character of `text` in the source's article body, in Unicode code points (as Python, R and most tools slice strings), counted from 0.",
    ),
  end: z
    .number()
    .int()
    .nonnegative()
    .describe("Offset just after the last character of `text`, in Unicode code points: body[start:end] == text."),
});
export type QuoteSourceRecord = z.infer<typeof QuoteSourceRecord>;

export const PersonRecord = z.object({
  person_id: Id.describe("`person:<canonical-name-slug>`."),
  name: z.string().min(1).describe("Canonical name (the registry's when the person is in it)."),
  aliases: z.array(z.string().min(1)).describe("Other spellings seen in the sources."),
  country: CountryCode.nullable().describe("The country the person represents, ISO 3166-1 alpha-3."),
  role: z
    .string()
    .nullable()
    .describe(
      "The role the registry records (current at the time of curation), or the first role a source gives; dated roles as reported are in the roles table.",
    ),
  curated_fields: CURATED_FIELDS,
});
export type PersonRecord = z.infer<typeof PersonRecord>;

/** A role a person held, as the sources report it, with the dates the sources support. */
export const RoleRecord = z.object({
  person_id: Id.describe("The person (people.person_id)."),
  role: z.string().min(1).describe("The role as the sources write it."),
  role_key: z
    .string()
    .nullable()
    .describe("The role in the controlled vocabulary of roles.yaml; empty when no entry fits."),
  country: CountryCode.nullable().describe("The country the role is held for, ISO 3166-1 alpha-3."),
  from: PartialDate.nullable().describe(
    "The earliest date the sources show the person in this role (a meeting's date, else the source's publication date), ISO 8601 at the precision known.",
  ),
  to: PartialDate.nullable().describe(
    "The latest such date; the person may have held the role before `from` and after `to`.",
  ),
  source_ids: SourceIds.describe("The sources that give the person this role."),
});
export type RoleRecord = z.infer<typeof RoleRecord>;

export const EvidenceRecordType = z.enum(["meeting", "attendee", "quote", "person"]);
export const EvidenceOrigin = z.enum(["source", "curation"]);

/** Where a row came from: the sentence of one source that supports it, by code point offsets into the article body; or the curation that set a field. */
export const EvidenceRecord = z.object({
  record_type: EvidenceRecordType.describe(
    meanings("The table of the supported row.", {
      meeting: "meetings",
      attendee: "attendees",
      quote: "quotes",
      person: "people",
    }),
  ),
  record_id: Id.describe("The supported row's ID."),
  origin: EvidenceOrigin.describe(
    meanings("Where the support comes from.", {
      source: "a sentence of a source (source_id, start, end)",
      curation: "an entry of the collection's curation.yaml: `sentence` holds its reason, `field` the field it set",
    }),
  ),
  source_id: Id.nullable().describe("The source holding the sentence; empty for curation."),
  start: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .describe(
      "Offset of the sentence in the source's article body (the file after its front matter, `\\n` line endings), in Unicode code points from 0; empty for curation.",
    ),
  end: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .describe(
      "Offset just after the sentence, in Unicode code points: body[start:end] == sentence; empty for curation.",
    ),
  field: z
    .string()
    .nullable()
    .describe(
      "For curation: the field the curation set (or the ID field for a merge or rename); empty for a source sentence.",
    ),
  sentence: z.string().min(1).describe("The supporting sentence as the source prints it, or the curation's reason."),
});
export type EvidenceRecord = z.infer<typeof EvidenceRecord>;

/** An ID a release retired, and where its row lives now (or why it was removed). Written by releases only. */
export const RedirectRecord = z.object({
  old_id: Id.describe("The ID as published in an earlier version."),
  new_id: Id.nullable().describe("The ID the row has now; empty when the row was removed."),
  reason: z
    .string()
    .min(1)
    .describe("Why the ID was retired: `merged`, `renamed`, `split` or `removed`, then the curator's reason."),
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .describe("The version that retired the ID (the last version holding it is the one before)."),
});
export type RedirectRecord = z.infer<typeof RedirectRecord>;

/** Every published table, in the order they are written and documented. */
export const TABLES = {
  sources: {
    schema: SourceRecord,
    key: "source_id",
    identity: ["source_id"],
    description: "The news articles the data is read from, with what a citation needs and what is not known.",
  },
  meetings: {
    schema: MeetingRecord,
    key: "meeting_id",
    identity: ["meeting_id"],
    description: "Meetings the sources report as having taken place.",
  },
  attendees: {
    schema: AttendeeRecord,
    key: "attendee_id",
    identity: ["attendee_id"],
    description: "Who the sources place at each meeting: people, countries, organisations.",
  },
  quotes: {
    schema: QuoteRecord,
    key: "quote_id",
    identity: ["quote_id"],
    description: "Quotations the sources attribute to a speaker, one row per quote however many sources print it.",
  },
  quote_sources: {
    schema: QuoteSourceRecord,
    key: null,
    identity: ["quote_id", "source_id"],
    description: "Each source's exact wording of each quote and its position in that source.",
  },
  people: {
    schema: PersonRecord,
    key: "person_id",
    identity: ["person_id"],
    description: "People mentioned by the sources (speakers, attendees and others named), not only attendees.",
  },
  roles: {
    schema: RoleRecord,
    key: null,
    identity: ["person_id", "role"],
    description: "Roles people held as the sources report them, with the dates the sources support.",
  },
  evidence: {
    schema: EvidenceRecord,
    key: null,
    identity: ["record_type", "record_id", "source_id", "start", "end", "field"],
    description: "The sentence of a source (or the curation entry) that supports each row.",
  },
} as const;
export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Tables a release adds to a build: they describe the history of published versions. */
export const RELEASE_TABLES = {
  redirects: {
    schema: RedirectRecord,
    key: "old_id",
    identity: ["old_id"],
    description:
      "Every ID an earlier version published that a later one retired, with the ID that replaced it or the reason it was removed.",
  },
} as const;
export type ReleaseTableName = keyof typeof RELEASE_TABLES;
export const ALL_TABLES = { ...TABLES, ...RELEASE_TABLES };
export type AnyTableName = keyof typeof ALL_TABLES;

export const Dataset = z.object({
  sources: z.array(SourceRecord),
  meetings: z.array(MeetingRecord),
  attendees: z.array(AttendeeRecord),
  quotes: z.array(QuoteRecord),
  quote_sources: z.array(QuoteSourceRecord),
  people: z.array(PersonRecord),
  roles: z.array(RoleRecord),
  evidence: z.array(EvidenceRecord),
});
export type Dataset = z.infer<typeof Dataset>;
