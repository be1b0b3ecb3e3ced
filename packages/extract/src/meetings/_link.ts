import type { MeetingMention, QuoteMention } from "@parley/model";
import type { ArticleReading } from "./_meetings.ts";
import { foldedSurname, foldPersonName } from "../text/index.ts";

// Said through another channel than the meeting: an interview, social media, a news agency.
const CHANNEL =
  /\b(?:on social media|in an? (?:recent |separate |later )?interview|(?:told|to) (?:reporters|journalists|the press)|(?:to|told) (?:the )?(?:[\p{Lu}][\p{L}-]* ){1,4}(?:News Agency|Agency|newspaper|television|TV|radio)|in a (?:post|statement) on|wrote on|posted on)\b/u;

// Unless the words were said there: "told reporters on the sidelines of the meeting".
const AT_MEETING = /\b(?:on the (?:sidelines|margins) of|during|at) the (?:meeting|talks|consultations|summit|conference|session|gathering|forum)\b/i;

/** The meeting whose attendees include the speaker, matched by name or by a surname unique among them. */
function meetingOfSpeaker(name: string, meetings: readonly MeetingMention[]): MeetingMention | null {
  const folded = foldPersonName(name);
  for (const meeting of meetings) {
    const people = meeting.attendees.filter((a) => a.type === "person");
    if (people.some((a) => foldPersonName(a.name) === folded)) return meeting;
    const same = people.filter((a) => foldedSurname(a.name) === foldedSurname(name));
    if (same.length === 1) return meeting;
  }
  return null;
}

/** A quote was said at a meeting when its speaker attended it and the text does not place the words elsewhere. */
export function linkQuotes(quotes: QuoteMention[], meetings: readonly MeetingMention[], reading: ArticleReading): QuoteMention[] {
  return quotes.map((quote) => {
    if (quote.speaker.type !== "person") return { ...quote, meeting_key: null };
    const meeting = meetingOfSpeaker(quote.speaker.name, meetings);
    if (!meeting) return { ...quote, meeting_key: null };
    const at = quote.span.start;
    const sentence = reading.sentences.find((s) => s.start <= at && at < s.end + 1) ?? null;
    if (sentence && (sentence.future || sentence.elsewhere)) return { ...quote, meeting_key: null };
    // Earlier sentences of the paragraph that name the speaker carry the channel to later quotes ("He emphasized ...").
    const speakerSurname = foldedSurname(quote.speaker.name);
    const told = reading.sentences.filter(
      (s) =>
        sentence !== null &&
        s.paragraph === sentence.paragraph &&
        s.start <= sentence.start &&
        (s === sentence || reading.people.some((p) => p.start >= s.start && p.end <= s.end && foldedSurname(p.name) === speakerSurname)),
    );
    if (told.some((s) => CHANNEL.test(s.narrative) && !AT_MEETING.test(s.narrative))) return { ...quote, meeting_key: null };
    return { ...quote, meeting_key: meeting.key };
  });
}
