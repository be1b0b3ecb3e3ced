import type { MeetingMention, PersonMention as PersonRow, QuoteMention } from "@parley/model";
import type { Doc } from "../doc/_document.ts";
import { foldPersonName, foldedSurname } from "../text/index.ts";

// A quote links to a meeting when it was said there or issued about it by a participant. Sieves, most certain
// first: the quote's sentence names the meeting's place of speaking ("at the press conference", "during the
// meeting"); the speaker attended exactly one meeting of the article and the words are not placed elsewhere
// (an interview, a post, a briefing). Anything else stays unlinked.

const ELSEWHERE = ["in an interview", "told reporters", "to reporters", "told journalists", "on social media", "in a post", "wrote on", "posted on", "at a briefing", "at a press briefing", "told the", "speaking to"];
const AT_MEETING = ["at the meeting", "during the meeting", "at the talks", "during the talks", "at the summit", "press conference", "opening remarks", "news conference", "the meeting", "the talks", "joint statement", "statement issued after"];

export function linkQuotes(quotes: QuoteMention[], meetings: readonly MeetingMention[], doc: Doc): QuoteMention[] {
  return quotes.map((quote) => {
    const sentence = doc.sentenceAt(quote.span.start);
    const near = sentence ? paragraphText(doc, sentence) : "";
    const attended = meetings.filter((m) => quote.speaker.type === "person" && m.attendees.some((a) => a.type === "person" && sameperson(a.name, quote.speaker.name)));
    if (attended.length === 1 && !ELSEWHERE.some((w) => near.includes(w))) return { ...quote, meeting_key: attended[0]!.key };
    if (attended.length > 1) {
      // The meeting told of last before the quote.
      const before = attended.filter((m) => (m.evidence[0]?.start ?? 0) <= quote.span.start).pop();
      if (before && !ELSEWHERE.some((w) => near.includes(w))) return { ...quote, meeting_key: before.key };
    }
    if (meetings.length === 1 && AT_MEETING.some((w) => near.includes(w)) && !ELSEWHERE.some((w) => near.includes(w))) return { ...quote, meeting_key: meetings[0]!.key };
    return { ...quote, meeting_key: null };
  });
}

const paragraphs = new WeakMap<Doc, Map<number, string>>();

/** The lowercase text of a sentence's paragraph, computed once per paragraph. */
function paragraphText(doc: Doc, s: { paragraph: number; index: number }): string {
  let cache = paragraphs.get(doc);
  if (!cache) paragraphs.set(doc, (cache = new Map()));
  let text = cache.get(s.paragraph);
  if (text === undefined) {
    const parts: string[] = [];
    for (let i = s.index; i >= 0 && doc.sentences[i]!.paragraph === s.paragraph; i--) parts.unshift(doc.sentences[i]!.text);
    for (let i = s.index + 1; i < doc.sentences.length && doc.sentences[i]!.paragraph === s.paragraph; i++) parts.push(doc.sentences[i]!.text);
    text = parts.join(" ").toLowerCase();
    cache.set(s.paragraph, text);
  }
  return text;
}

function sameperson(a: string, b: string): boolean {
  return foldPersonName(a) === foldPersonName(b) || (foldedSurname(a) === foldedSurname(b) && foldedSurname(a).length > 2);
}

/** One row per person the article names: the first role and country it gives. */
export function peopleRows(doc: Doc): PersonRow[] {
  const byName = new Map<string, PersonRow>();
  for (const p of doc.people) {
    const sentence = doc.sentenceAt(p.start) ?? { start: p.start, end: p.end };
    const row = byName.get(p.name);
    const country = p.former ? null : p.country;
    if (!row) byName.set(p.name, { name: p.name, role: p.role, country, evidence: { start: sentence.start, end: sentence.end } });
    else {
      row.role ??= p.role;
      row.country ??= country;
    }
  }
  return [...byName.values()];
}
