import type { AttendeeMention, MeetingMention } from "@parley/model";
import { z } from "zod";
import { cueSchema, compileCues, findCues, loadCues, type CompiledCue } from "../_cues.ts";
import type { Doc } from "../doc/_document.ts";

// Participation as reported: `in_person` only when the attendee's sentence says they were there ("attended",
// "took part", "hosted"), `remote` or `written` when it says so; otherwise `unknown`. The words that say it are
// kept as the row's basis.

const InPersonCue = cueSchema({});
const ParticipationLexicon = z.strictObject({ in_person_cues: z.array(InPersonCue) });

let cached: {
  file: z.infer<typeof ParticipationLexicon>;
  inPerson: ReturnType<typeof compileCues<z.infer<typeof InPersonCue>>>;
} | null = null;

export function participationLexicon() {
  if (cached) return cached;
  const file = loadCues("participation.yaml", ParticipationLexicon);
  cached = { file, inPerson: compileCues(file.in_person_cues) };
  return cached;
}

const phraseCueCache = new WeakMap<readonly string[], CompiledCue<{ pattern: string }>[]>();

/** A lexicon list of phrases as cues, compiled once per list rather than once per attendee. */
function phraseCues(phrases: readonly string[]): CompiledCue<{ pattern: string }>[] {
  let cues = phraseCueCache.get(phrases);
  if (!cues) phraseCueCache.set(phrases, (cues = compileCues(phrases.map((p) => ({ pattern: p })))));
  return cues;
}

/** The participation an attendee's sentence supports, and the words that support it. */
export function reportParticipation(doc: Doc, attendee: AttendeeMention): AttendeeMention {
  const { start, end } = attendee.evidence;
  if (attendee.participation === "remote" || attendee.participation === "written") {
    const phrases = attendee.participation === "remote" ? doc.lexicon.remoteCues : doc.lexicon.writtenCues;
    const basis = findCues(doc, start, end, phraseCues(phrases))[0]?.words ?? null;
    return { ...attendee, basis };
  }
  const cue = findCues(doc, start, end, participationLexicon().inPerson)[0];
  return cue
    ? { ...attendee, participation: "in_person", basis: cue.words }
    : { ...attendee, participation: "unknown", basis: null };
}

export function reportMeetingParticipation(doc: Doc, meetings: readonly MeetingMention[]): MeetingMention[] {
  return meetings.map((m) => ({ ...m, attendees: m.attendees.map((a) => reportParticipation(doc, a)) }));
}
