import type { QuoteKind, QuoteMention, QuoteMedium } from "@parley/model";
import { z } from "zod";
import { cueSchema, compileCues, findCues, loadCues } from "../_cues.ts";
import type { Doc } from "../doc/_document.ts";

// What kind of quotation a quote is, where it was said and whether it was translated: read from the words of its
// sentence outside the quotation marks, and only when they say so (a wrong value is worse than an empty one).

const MediumCue = cueSchema({
  medium: z.enum(["press_conference", "interview", "statement", "social_media", "speech", "letter"]),
  written: z.boolean().default(false),
});
const TranslationCue = cueSchema({});
const QuoteLexicon = z.strictObject({ medium_cues: z.array(MediumCue), translation_cues: z.array(TranslationCue) });
export type MediumCueRule = z.infer<typeof MediumCue>;

let cached: {
  file: z.infer<typeof QuoteLexicon>;
  media: ReturnType<typeof compileCues<MediumCueRule>>;
  translations: ReturnType<typeof compileCues<z.infer<typeof TranslationCue>>>;
} | null = null;

export function quoteLexicon() {
  if (cached) return cached;
  const file = loadCues("quotes.yaml", QuoteLexicon);
  cached = { file, media: compileCues(file.medium_cues), translations: compileCues(file.translation_cues) };
  return cached;
}

const OPENING_MARKS = new Set(["“", '"', "«", "‘", "'", "„"]);

/**
 * `direct` when the quotation opens with a capital and stands as a sentence of its own (at the start of its
 * sentence, after a colon or a comma: "he added, “History …”", or after an earlier sentence); otherwise `partial`, words woven into the
 * article's own sentence ("he praised “the bold move …”").
 */
function structuralKind(doc: Doc, quote: QuoteMention): QuoteKind {
  const { text } = doc;
  if (!/^\p{Lu}/u.test(quote.text.trimStart())) return "partial";
  let at = quote.span.start - 1;
  while (at >= quote.evidence.start && OPENING_MARKS.has(text[at] ?? "")) at--;
  while (at >= quote.evidence.start && /\s/.test(text[at] ?? "")) at--;
  if (at < quote.evidence.start) return "direct";
  // After a colon, a comma or a dash, or after the end of a sentence (a closing mark of an earlier quotation too).
  while (at >= quote.evidence.start && ["”", '"', "’", "»"].includes(text[at] ?? "")) at--;
  return [":", ",", "—", "–", "-", ".", "!", "?", "…"].includes(text[at] ?? "") ? "direct" : "partial";
}

/** Fills a quote's kind, medium and translated from its sentence. */
export function describeQuote(doc: Doc, quote: QuoteMention): QuoteMention {
  const lx = quoteLexicon();
  const media = findCues(doc, quote.evidence.start, quote.evidence.end, lx.media);
  const named = new Set(media.map((m) => m.rule.medium));
  const medium: QuoteMedium | null = named.size === 1 ? (media[0]?.rule.medium ?? null) : null;
  const written = medium !== null && media.some((m) => m.rule.written);
  const translated = findCues(doc, quote.evidence.start, quote.evidence.end, lx.translations).length > 0 ? true : null;
  return { ...quote, kind: written ? "written" : structuralKind(doc, quote), medium, translated };
}
