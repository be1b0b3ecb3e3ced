import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

// The extractor's knowledge of English news writing lives in ../../lexicon/*.yaml; this module reads it once
// and checks its shape at the boundary, so a mistake in a data file fails loudly at load.

const Examples = z.strictObject({ match: z.array(z.string()).default([]), no_match: z.array(z.string()).default([]) });

const Trigger = z.strictObject({
  pattern: z.string().min(1),
  kind: z.enum(["verb", "noun"]),
  requires_today: z.boolean().default(false),
  any_pos: z.boolean().default(false),
  next: z.array(z.string()).optional(),
  examples: Examples,
});
export type TriggerRule = z.infer<typeof Trigger> & { tokens: PatternToken[] };

const Cue = z.strictObject({ pattern: z.string().min(1), examples: Examples });

const MeetingLexicon = z.strictObject({
  triggers: z.array(Trigger),
  not_happened_before: z.array(z.string()),
  not_happened_after: z.array(z.string()),
  subordinate_openers: z.array(z.string()),
  attendance_cues: z.array(Cue),
  absence_cues: z.array(z.string()),
  remote_cues: z.array(z.string()),
  written_cues: z.array(z.string()),
  sidelines: z.array(z.string()),
  here_words: z.array(z.string()),
  capital_words: z.array(z.string()),
  ordinals: z.array(z.string()),
  round_nouns: z.array(z.string()),
  anaphora_nouns: z.array(z.string()),
  today_words: z.array(z.string()),
  the_two: z.array(z.string()),
  report_date_cues: z.array(z.string()),
  travel_words: z.array(z.string()),
  kind_words: z.array(z.string()),
  participant_nouns: z.array(z.string()),
  group_member_nouns: z.array(z.string()),
  relation_nouns: z.array(z.string()),
  future_before_noun: z.array(z.string()),
  future_before_cue: z.array(z.string()),
  start_verbs: z.array(z.string()),
  reporting_verbs: z.array(z.string()),
  quote_elsewhere_cues: z.array(z.string()),
  quote_at_meeting_cues: z.array(z.string()),
});

const TitleLexicon = z.strictObject({
  heads: z.array(z.string()),
  modifiers: z.array(z.string()),
  honorifics: z.array(z.string()),
  country_titles: z.array(z.strictObject({ title: z.string(), country: z.string().regex(/^[A-Z]{3}$/) })),
  not_name_words: z.array(z.string()),
  name_verbs_after: z.array(z.string()),
  name_verb_auxiliaries: z.array(z.string()),
  name_verbs_before: z.array(z.string()),
  name_cues_before: z.array(z.string()),
});

/** One token of a pattern: the words it accepts, or a gap of one to three words; `optional` may be skipped. */
export type PatternToken = { gap: true } | { gap: false; words: Set<string>; optional: boolean };

/** "held|had * talks|meeting": a token pattern, lowercase. */
export function compilePattern(pattern: string): PatternToken[] {
  return pattern
    .trim()
    .split(/\s+/)
    .map((part) => {
      if (part === "*") return { gap: true } as const;
      const optional = part.endsWith("?");
      return { gap: false, optional, words: new Set(part.replace(/\?$/, "").split("|")) } as const;
    });
}

function load<T>(file: string, schema: z.ZodType<T>): T {
  const url = new URL(`../../lexicon/${file}`, import.meta.url);
  const parsed = schema.safeParse(parse(readFileSync(url, "utf8")));
  if (!parsed.success)
    throw new Error(
      `packages/extract/lexicon/${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

export interface Lexicon {
  triggers: TriggerRule[];
  notHappenedBefore: Set<string>;
  notHappenedAfter: Set<string>;
  subordinateOpeners: Set<string>;
  attendanceCues: PatternToken[][];
  attendanceCueRules: z.infer<typeof Cue>[];
  absenceCues: string[];
  remoteCues: string[];
  writtenCues: string[];
  sidelines: string[];
  hereWords: Set<string>;
  capitalWords: string[];
  ordinals: string[];
  roundNouns: Set<string>;
  anaphoraNouns: Set<string>;
  todayWords: string[];
  theTwo: string[];
  reportDateCues: Set<string>;
  travelWords: Set<string>;
  kindWords: Set<string>;
  participantNouns: Set<string>;
  groupMemberNouns: Set<string>;
  relationNouns: Set<string>;
  futureBeforeNoun: Set<string>;
  futureBeforeCue: Set<string>;
  startVerbs: Set<string>;
  reportingVerbs: Set<string>;
  quoteElsewhereCues: string[];
  quoteAtMeetingCues: string[];
  titleHeads: Set<string>;
  titleModifiers: Set<string>;
  honorifics: Set<string>;
  countryTitles: Map<string, string>;
  notNameWords: Set<string>;
  nameVerbsAfter: Set<string>;
  nameVerbAuxiliaries: Set<string>;
  nameVerbsBefore: Set<string>;
  /** Words after which a name of two or more words is a person ("between Jane Roe and John Doe"). */
  nameCuesBefore: Set<string>;
}

let cached: Lexicon | null = null;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const m = load("meetings.yaml", MeetingLexicon);
  const t = load("titles.yaml", TitleLexicon);
  cached = {
    triggers: m.triggers.map((r) => ({ ...r, tokens: compilePattern(r.pattern) })),
    notHappenedBefore: new Set(m.not_happened_before),
    notHappenedAfter: new Set(m.not_happened_after),
    subordinateOpeners: new Set(m.subordinate_openers),
    attendanceCues: m.attendance_cues.map((c) => compilePattern(c.pattern)),
    attendanceCueRules: m.attendance_cues,
    absenceCues: m.absence_cues,
    remoteCues: m.remote_cues,
    writtenCues: m.written_cues,
    sidelines: m.sidelines,
    hereWords: new Set(m.here_words),
    capitalWords: m.capital_words,
    ordinals: m.ordinals,
    roundNouns: new Set(m.round_nouns),
    anaphoraNouns: new Set(m.anaphora_nouns),
    todayWords: m.today_words,
    theTwo: m.the_two,
    reportDateCues: new Set(m.report_date_cues),
    travelWords: new Set(m.travel_words),
    kindWords: new Set(m.kind_words),
    participantNouns: new Set(m.participant_nouns),
    groupMemberNouns: new Set(m.group_member_nouns),
    relationNouns: new Set(m.relation_nouns),
    futureBeforeNoun: new Set(m.future_before_noun),
    futureBeforeCue: new Set(m.future_before_cue),
    startVerbs: new Set(m.start_verbs),
    reportingVerbs: new Set(m.reporting_verbs),
    quoteElsewhereCues: m.quote_elsewhere_cues,
    quoteAtMeetingCues: m.quote_at_meeting_cues,
    titleHeads: new Set(t.heads),
    titleModifiers: new Set(t.modifiers),
    honorifics: new Set(t.honorifics),
    countryTitles: new Map(t.country_titles.map((c) => [c.title, c.country])),
    notNameWords: new Set(t.not_name_words),
    nameVerbsAfter: new Set(t.name_verbs_after),
    nameVerbAuxiliaries: new Set(t.name_verb_auxiliaries),
    nameVerbsBefore: new Set(t.name_verbs_before),
    nameCuesBefore: new Set(t.name_cues_before),
  };
  return cached;
}
