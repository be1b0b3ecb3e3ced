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

export const SourceRecord = z.object({
  source_id: Id,
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: z.string().nullable(),
  published: PartialDate,
  language: z.string().min(2),
  retrieved: PartialDate.nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SourceRecord = z.infer<typeof SourceRecord>;

export const MeetingRecord = z.object({
  meeting_id: Id,
  name: z.string().min(1),
  series: z.string().nullable(),
  round: z.number().int().positive().nullable(),
  date: PartialDate,
  city: z.string().nullable(),
  country: CountryCode.nullable(),
  source_ids: SourceIds,
});
export type MeetingRecord = z.infer<typeof MeetingRecord>;

export const AttendeeType = z.enum(["person", "country", "organization"]);
export const Participation = z.enum(["in_person", "remote", "written", "unknown"]);

export const AttendeeRecord = z.object({
  attendee_id: Id,
  meeting_id: Id,
  attendee_type: AttendeeType,
  person_id: Id.nullable(),
  name: z.string().min(1),
  role: z.string().nullable(),
  country: CountryCode.nullable(),
  participation: Participation,
  source_ids: SourceIds,
});
export type AttendeeRecord = z.infer<typeof AttendeeRecord>;

export const SpeakerType = z.enum(["person", "role", "group"]);
export type SpeakerType = z.infer<typeof SpeakerType>;

export const QuoteRecord = z.object({
  quote_id: Id,
  text: z.string().min(1),
  speaker_type: SpeakerType,
  speaker_id: Id.nullable(),
  speaker_name: z.string().min(1),
  speaker_role: z.string().nullable(),
  speaker_country: CountryCode.nullable(),
  meeting_id: Id.nullable(),
  source_ids: SourceIds,
});
export type QuoteRecord = z.infer<typeof QuoteRecord>;

export const PersonRecord = z.object({
  person_id: Id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  country: CountryCode.nullable(),
  role: z.string().nullable(),
});
export type PersonRecord = z.infer<typeof PersonRecord>;

export const EvidenceRecordType = z.enum(["meeting", "attendee", "quote", "person"]);

/** Where a row came from: the sentence of one source that supports it, by character offsets into the article text. */
export const EvidenceRecord = z.object({
  record_type: EvidenceRecordType,
  record_id: Id,
  source_id: Id,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  sentence: z.string().min(1),
});
export type EvidenceRecord = z.infer<typeof EvidenceRecord>;

/** Every published table, in the order they are written and documented. */
export const TABLES = {
  sources: { schema: SourceRecord, key: "source_id" },
  meetings: { schema: MeetingRecord, key: "meeting_id" },
  attendees: { schema: AttendeeRecord, key: "attendee_id" },
  quotes: { schema: QuoteRecord, key: "quote_id" },
  people: { schema: PersonRecord, key: "person_id" },
  evidence: { schema: EvidenceRecord, key: null },
} as const;
export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export const Dataset = z.object({
  sources: z.array(SourceRecord),
  meetings: z.array(MeetingRecord),
  attendees: z.array(AttendeeRecord),
  quotes: z.array(QuoteRecord),
  people: z.array(PersonRecord),
  evidence: z.array(EvidenceRecord),
});
export type Dataset = z.infer<typeof Dataset>;
