import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

// Closed classes of words (../../lexicon/words.yaml) and the patterns built from them: the lists are data, the
// patterns are built here once.

const Words = z.strictObject({
  abbreviations_with_period: z.array(z.string()),
  arabic_name_particles: z.array(z.string()),
  title_small_words: z.array(z.string()),
  weekday_abbreviations: z.array(z.string()),
  year_prepositions: z.array(z.string()),
  calendar_words: z.array(z.string()),
  date_cues: z.array(z.string()),
  time_units: z.array(z.string()),
});

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "a|b|c" from a word list, longest first so a longer word wins over its prefix. */
export const alternation = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");

const raw = Words.parse(parse(readFileSync(new URL("../../lexicon/words.yaml", import.meta.url), "utf8")));

export const WORDS = {
  ...raw,
  calendar: new RegExp(`\\d|${alternation(raw.calendar_words)}`, "i"),
  dateCue: new RegExp(
    `\\d\\s*[/.:\\-–]\\s*\\d|\\d\\s*[ap]\\.?m\\b|\\d(?:st|nd|rd|th)\\b|\\b(?:${alternation([...raw.date_cues, ...raw.time_units])})(?![a-z])`,
    "i",
  ),
  // A unit of time as a whole word, or a one-letter unit after a number ("5d", "a m"): the parser's time units.
  timeUnit: new RegExp(`\\b(?:${alternation(raw.time_units)})\\b|(?:\\d|\\b\\p{L}+\\s)\\s*[smhdwy]\\b`, "iu"),
};
