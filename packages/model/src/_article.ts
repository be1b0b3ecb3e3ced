import { z } from "zod";
import {
  AttendeeType,
  CountryCode,
  PartialDate,
  Participation,
  QuoteKind,
  QuoteMedium,
  SpeakerType,
  UnknownField,
} from "./_records.ts";

// YAML reads `published: 2024` as a number; a year alone is a valid date at year precision.
const yearAsText = (value: unknown): unknown => (typeof value === "number" ? String(value) : value);

/** The word a contributor writes for a citation field that is not known. */
export const UNKNOWN = "unknown";
const unknownOr = <T extends z.ZodType>(schema: T) => z.union([z.literal(UNKNOWN), schema]);

/** Front matter of a source article file, as contributors write it. */
export const SourceFrontMatter = z.strictObject({
  title: z.string().trim().min(1, "a title is required"),
  /** False when the title was written by an editor of the collection, not printed by the publisher. */
  title_is_headline: z.boolean({ message: "true or false" }).default(true),
  publisher: z.string().trim().min(1, "a publisher is required (write 'unknown' when it is not known)"),
  published: z.preprocess(yearAsText, unknownOr(PartialDate)),
  url: unknownOr(z.url({ message: "a full URL starting with http:// or https://" })).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, "a language code such as en")
    .default("en"),
  retrieved: z.preprocess(yearAsText, unknownOr(PartialDate)).optional(),
});
export type SourceFrontMatter = z.infer<typeof SourceFrontMatter>;

/** A character range [start, end) in an article's text. */
export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Span = z.infer<typeof Span>;

/** An ingested article: metadata plus the article text with publisher boilerplate removed. */
export const Article = z.object({
  source_id: z.string().min(1),
  file: z.string(),
  title: z.string(),
  title_is_headline: z.boolean(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  /** Null when not known: relative dates in the text then stay unresolved. */
  published: PartialDate.nullable(),
  language: z.string(),
  retrieved: PartialDate.nullable(),
  unknown_fields: z.array(UnknownField),
  /** Article text: offsets in every span refer to this string. */
  text: z.string(),
  sha256: z.string(),
  /** Line of the source file on which `text` starts, for error messages. */
  body_line: z.number().int().positive(),
  /** Boilerplate ranges removed from the body, for the build summary. */
  removed: z.array(z.object({ rule: z.string(), chars: z.number().int() })),
});
export type Article = z.infer<typeof Article>;

export const SpeakerMention = z.object({
  type: SpeakerType,
  name: z.string().min(1),
  role: z.string().nullable(),
  country: CountryCode.nullable(),
});
export type SpeakerMention = z.infer<typeof SpeakerMention>;

export const QuoteMention = z.object({
  text: z.string().min(1),
  /** The quoted text itself, without quotation marks. */
  span: Span,
  /** The sentence (or sentences) that carry the quote and its attribution. */
  evidence: Span,
  speaker: SpeakerMention,
  /** Whole sentence, fragment in reported speech, or written words; null when the text does not tell. */
  kind: QuoteKind.nullable().default(null),
  /** Where the words were said, when the sentence says. */
  medium: QuoteMedium.nullable().default(null),
  /** True when the text says the words were translated; null when it does not say. */
  translated: z.boolean().nullable().default(null),
  /** Key of a meeting in the same extraction, or null when not said at a meeting. */
  meeting_key: z.string().nullable(),
});
export type QuoteMention = z.infer<typeof QuoteMention>;

export const PersonMention = z.object({
  name: z.string().min(1),
  role: z.string().nullable(),
  country: CountryCode.nullable(),
  evidence: Span,
});
export type PersonMention = z.infer<typeof PersonMention>;

export const AttendeeMention = z.object({
  type: AttendeeType,
  name: z.string().min(1),
  role: z.string().nullable(),
  country: CountryCode.nullable(),
  participation: Participation,
  /** The words of the text that support the participation; null when it is unknown. */
  basis: z.string().nullable().default(null),
  evidence: Span,
  /** How sure the extractor is that the text supports this row, 0..1 (absent: not scored). */
  confidence: z.number().min(0).max(1).optional(),
});
export type AttendeeMention = z.infer<typeof AttendeeMention>;

export const MeetingMention = z.object({
  key: z.string().min(1),
  name: z.string().nullable(),
  series: z.string().nullable(),
  round: z.number().int().positive().nullable(),
  date: PartialDate,
  city: z.string().nullable(),
  country: CountryCode.nullable(),
  evidence: z.array(Span).min(1),
  attendees: z.array(AttendeeMention),
  /** How sure the extractor is that the text supports this meeting, its date and city, 0..1 (absent: not scored). */
  confidence: z.number().min(0).max(1).optional(),
});
export type MeetingMention = z.infer<typeof MeetingMention>;

/** A row the extractor found but holds back: the text does not support it with confidence. A person decides. */
export const ReviewItem = z.object({
  record_type: z.enum(["meeting", "attendee"]),
  /** What the row would say: "meeting 2024-10 in Kabul", "attendee Jane Roe at meeting 2024-10 in Kabul". */
  summary: z.string().min(1),
  confidence: z.number().min(0).max(1),
  /** Why it is held back. */
  reason: z.string().min(1),
  /** The sentence that tells of it, and its offsets into the article text (UTF-16, as every span here). */
  evidence: Span,
  sentence: z.string(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

/** What the extractor reads out of one article: a pure function of the article and the registry. */
export const ArticleExtraction = z.object({
  source_id: z.string().min(1),
  people: z.array(PersonMention),
  quotes: z.array(QuoteMention),
  meetings: z.array(MeetingMention),
  warnings: z.array(z.string()),
  /** Rows below the confidence bar, for build/review.csv (absent: none). */
  review: z.array(ReviewItem).optional(),
});
export type ArticleExtraction = z.infer<typeof ArticleExtraction>;
