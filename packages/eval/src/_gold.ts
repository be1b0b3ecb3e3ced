import { readFileSync } from "node:fs";
import { z } from "zod";
import { CountryCode, PartialDate, Participation, SpeakerType, inputError } from "@parley/model";
import { parseYamlWith } from "@parley/registry";

// The gold annotation format (gold-v1): what a careful human reads out of a set of articles.
// Objects are strict so that a misspelt key ("optinal") is an error, not a silently ignored field.

const Text = z.string().trim().min(1);
const SourceName = Text;

export const GoldPerson = z.strictObject({
  name: Text,
  aliases: z.array(Text).default([]),
  country: CountryCode.nullable().default(null),
  role: z.string().nullable().default(null),
});
export type GoldPerson = z.infer<typeof GoldPerson>;

export const GoldMeeting = z.strictObject({
  key: Text,
  series: z.string().nullable().default(null),
  round: z.number().int().positive().nullable().default(null),
  date: PartialDate,
  city: Text,
  country: CountryCode.nullable().default(null),
  sources: z.array(SourceName).min(1),
  people: z.array(Text).default([]),
  optional_people: z.array(Text).default([]),
  participation: z.record(z.string(), Participation).default({}),
  countries: z.array(CountryCode).default([]),
  /** Countries defensible either way: neither rewarded nor charged. */
  optional_countries: z.array(CountryCode).default([]),
  not_attendees: z.array(Text).default([]),
  /** Why the annotator decided as they did; never scored. */
  note: z.string().optional(),
});
export type GoldMeeting = z.infer<typeof GoldMeeting>;

/** A meeting that is defensible either way; date and city are absent when the text does not give them. */
export const GoldOptionalMeeting = z.strictObject({
  key: Text,
  note: z.string().optional(),
  series: z.string().nullable().optional(),
  round: z.number().int().positive().nullable().optional(),
  // null and absent both mean "the text does not say".
  date: PartialDate.nullish().transform((d) => d ?? undefined),
  city: Text.nullish().transform((c) => c ?? undefined),
  country: CountryCode.nullable().optional(),
  sources: z.array(SourceName).min(1),
  countries: z.array(CountryCode).default([]),
  optional_countries: z.array(CountryCode).default([]),
  people: z.array(Text).default([]),
  optional_people: z.array(Text).default([]),
  not_attendees: z.array(Text).default([]),
  participation: z.record(z.string(), Participation).default({}),
});
export type GoldOptionalMeeting = z.infer<typeof GoldOptionalMeeting>;

export const GoldQuote = z.strictObject({
  text: Text,
  speaker: Text,
  speaker_kind: SpeakerType,
  alt_speakers: z.array(Text).default([]),
  sources: z.array(SourceName).min(1),
  meeting: Text.nullable(),
  optional: z.boolean().default(false),
});
export type GoldQuote = z.infer<typeof GoldQuote>;

export const Gold = z
  .strictObject({
    format: z.literal("gold-v1"),
    people: z.array(GoldPerson).default([]),
    meetings: z.array(GoldMeeting).default([]),
    optional_meetings: z.array(GoldOptionalMeeting).default([]),
    quotes: z.array(GoldQuote).default([]),
    must_not_quote: z.array(Text).default([]),
  })
  .superRefine(checkReferences);
export type Gold = z.infer<typeof Gold>;

/** Names and keys that point elsewhere in the file must exist, or scoring would silently use the wrong rule. */
function checkReferences(gold: z.infer<typeof Gold>, ctx: z.RefinementCtx): void {
  const people = new Set(gold.people.map((p) => p.name));
  const keys = new Set<string>();
  const allMeetings = [
    ...gold.meetings.map((m, i) => ({ key: m.key, path: ["meetings", i, "key"] })),
    ...gold.optional_meetings.map((m, i) => ({ key: m.key, path: ["optional_meetings", i, "key"] })),
  ];
  for (const { key, path } of allMeetings) {
    if (keys.has(key)) ctx.addIssue({ code: "custom", path, message: `meeting key '${key}' is used twice` });
    keys.add(key);
  }
  const needPerson = (name: string, path: Array<string | number>): void => {
    if (!people.has(name))
      ctx.addIssue({
        code: "custom",
        path,
        message: `'${name}' is not in people (add it there, with its aliases, or fix the spelling)`,
      });
  };
  gold.meetings.forEach((m, i) => {
    for (const field of ["people", "optional_people", "not_attendees"] as const) {
      m[field].forEach((name, j) => needPerson(name, ["meetings", i, field, j]));
    }
    for (const name of Object.keys(m.participation)) {
      if (!m.people.includes(name))
        ctx.addIssue({
          code: "custom",
          path: ["meetings", i, "participation", name],
          message: `'${name}' has a participation but is not in this meeting's people`,
        });
    }
  });
  gold.quotes.forEach((q, i) => {
    if (q.speaker_kind === "person") needPerson(q.speaker, ["quotes", i, "speaker"]);
    if (q.meeting !== null && !keys.has(q.meeting)) {
      ctx.addIssue({
        code: "custom",
        path: ["quotes", i, "meeting"],
        message: `no meeting has the key '${q.meeting}'`,
      });
    }
  });
}

/** Reads and checks a gold file; every problem names the file and line. */
export function loadGold(file: string): Gold {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw inputError(file, null, "the gold file cannot be read", "pass the path of a gold-v1 JSON file");
  }
  checkJsonSyntax(text, file);
  // JSON is YAML: the YAML reader maps each schema problem back to its line.
  return parseYamlWith(Gold, text, file);
}

/** Strict JSON syntax first (YAML would accept trailing commas and comments). */
function checkJsonSyntax(text: string, file: string): void {
  try {
    JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const offset = jsonErrorOffset(message, text);
    const line = offset === null ? null : text.slice(0, offset).split("\n").length;
    const reason = message.replace(/, \.\.\.?"[\s\S]*$|, "[\s\S]*$/, "");
    throw inputError(
      file,
      line,
      `not valid JSON: ${reason}`,
      "fix the JSON syntax (commas between items, none after the last, double quotes)",
    );
  }
}

/**
 * Where JSON.parse stopped. Node 20 gives "at position N" for some errors; for an unexpected token it
 * shows the ten characters before it instead (`..."<before><token><after>"...`), found here in the text.
 */
function jsonErrorOffset(message: string, text: string): number | null {
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return Number(position);
  const shown = /^Unexpected token .*?, \.\.\."([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message)?.[1];
  if (shown === undefined) return null;
  const at = text.indexOf(shown);
  return at >= 0 && text.indexOf(shown, at + 1) < 0 ? at + 10 : null;
}
