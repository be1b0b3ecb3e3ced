import {
  foldName,
  foldedSurname,
  type MeetingMention,
  type PersonMention as PersonRow,
  type QuoteMention,
} from "@parley/model";
import type { Doc } from "../doc/_document.ts";

// A quote links to a meeting when it was said there or issued about it by a participant (the gold README: remarks
// there, its press conference, a participant's remarks to reporters or post about the talks). Sieves, most
// certain first: the quote's own sentence tells of the meeting ("at the Moscow meeting, the participants
// described …"); the speaker attended exactly one meeting of the article (the one told of last before the quote
// when several) and the words are not placed at another occasion (an interview, a briefing); an article of one
// meeting whose paragraph places the words there. Anything else stays unlinked.

export function linkQuotes(quotes: QuoteMention[], meetings: readonly MeetingMention[], doc: Doc): QuoteMention[] {
  // The cues (lexicon/meetings.yaml): the paragraph places the words at another occasion, or at the meeting.
  const ELSEWHERE = doc.lexicon.quoteElsewhereCues;
  const AT_MEETING = doc.lexicon.quoteAtMeetingCues;
  return quotes.map((quote) => {
    const sentence = doc.sentenceAt(quote.span.start);
    const near = sentence ? paragraphText(doc, sentence) : "";
    // The sentence tells of the meeting in its own words, outside the quotation ("at the Moscow meeting, …"); a
    // meeting told inside the quoted words is the speaker's report, linked only if the speaker was there (below).
    const outside = sentence
      ? `${doc.text.slice(sentence.start, quote.span.start)} ${doc.text.slice(quote.span.end, sentence.end)}`.toLowerCase()
      : "";
    const namesMeeting = nounPatterns(doc.lexicon.anaphoraNouns).some((pattern) => pattern.test(outside));
    const told =
      sentence && namesMeeting
        ? meetings
            .filter((m) => m.evidence.some((e) => e.start === sentence.start))
            .sort((a, b) => b.attendees.length - a.attendees.length)[0]
        : undefined;
    if (told) return { ...quote, meeting_key: told.key };
    const attended = meetings.filter(
      (m) =>
        quote.speaker.type === "person" &&
        m.attendees.some((a) => a.type === "person" && sameperson(a.name, quote.speaker.name)),
    );
    if (attended.length === 1 && !ELSEWHERE.some((w) => near.includes(w)))
      return { ...quote, meeting_key: attended[0]!.key };
    if (attended.length > 1) {
      // The meeting told of last before the quote.
      const before = attended.filter((m) => (m.evidence[0]?.start ?? 0) <= quote.span.start).pop();
      if (before && !ELSEWHERE.some((w) => near.includes(w))) return { ...quote, meeting_key: before.key };
    }
    // A role or group speaking in a one-meeting article whose paragraph places the words there ("the participants").
    if (
      quote.speaker.type !== "person" &&
      meetings.length === 1 &&
      AT_MEETING.some((w) => near.includes(w)) &&
      !ELSEWHERE.some((w) => near.includes(w))
    )
      return { ...quote, meeting_key: meetings[0]!.key };
    return { ...quote, meeting_key: null };
  });
}

const nounPatternCache = new WeakMap<ReadonlySet<string>, RegExp[]>();

/** "\bmeeting\b" for each anaphora noun, compiled once per lexicon rather than once per quote. */
function nounPatterns(nouns: ReadonlySet<string>): RegExp[] {
  let patterns = nounPatternCache.get(nouns);
  if (!patterns) nounPatternCache.set(nouns, (patterns = [...nouns].map((n) => new RegExp(`\\b${n}\\b`))));
  return patterns;
}

const paragraphs = new WeakMap<Doc, Map<number, string>>();

/** The lowercase text of a sentence's paragraph, computed once per paragraph. */
function paragraphText(doc: Doc, s: { paragraph: number; index: number }): string {
  let cache = paragraphs.get(doc);
  if (!cache) paragraphs.set(doc, (cache = new Map()));
  let text = cache.get(s.paragraph);
  if (text === undefined) {
    const parts: string[] = [];
    for (let i = s.index; i >= 0 && doc.sentences[i]!.paragraph === s.paragraph; i--)
      parts.unshift(doc.sentences[i]!.text);
    for (let i = s.index + 1; i < doc.sentences.length && doc.sentences[i]!.paragraph === s.paragraph; i++)
      parts.push(doc.sentences[i]!.text);
    text = parts.join(" ").toLowerCase();
    cache.set(s.paragraph, text);
  }
  return text;
}

function sameperson(a: string, b: string): boolean {
  return foldName(a) === foldName(b) || (foldedSurname(a) === foldedSurname(b) && foldedSurname(a).length > 2);
}

/** One row per person the article names: the first role and country it gives. */
export function peopleRows(doc: Doc): PersonRow[] {
  const byName = new Map<string, PersonRow>();
  for (const p of doc.people) {
    const sentence = doc.sentenceAt(p.start) ?? { start: p.start, end: p.end };
    const row = byName.get(p.name);
    const country = p.former ? null : p.country;
    if (!row)
      byName.set(p.name, {
        name: p.name,
        role: p.role,
        country,
        evidence: { start: sentence.start, end: sentence.end },
      });
    else {
      row.role ??= p.role;
      row.country ??= country;
    }
  }
  return [...byName.values()];
}
