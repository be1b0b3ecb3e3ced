import type { Span } from "@parley/model";
import { INTRO_OPENERS, ROLE_NOUNS, SPEECH_VERBS, SUBJECT_PRONOUNS } from "../text/_lexicon.ts";
import type { NameHit, NamedPerson } from "./_attribute.ts";
import type { Token } from "../text/_tokens.ts";
import { agrees } from "./_gender.ts";

interface SentenceSubject {
  start: number;
  end: number;
  /** Offset of the sentence's first person mention or he/she, outside quotations. */
  at: number;
  person: NamedPerson | null;
}

/**
 * Resolves "he"/"she" the way news prose uses them: to the subject of the sentence (its first person named,
 * outside quotations) when named before the pronoun, else to the subject of the nearest earlier sentence.
 * "…,” Prince Saud told a news conference with Javier Solana. “…,” he was quoted as saying." → Prince Saud.
 * Given the pronoun, a subject it cannot stand for ("she" for a spokesman) gives way to the nearest earlier one it
 * can, within three sentences; none, and the pronoun is not resolved.
 */
export function pronounResolver(
  tokens: readonly Token[],
  sentenceSpans: readonly Span[],
  hitAt: ReadonlyMap<number, NameHit>,
  quoted: (t: Token) => boolean,
): (offset: number, pronoun?: string) => NamedPerson | null {
  const subjects: SentenceSubject[] = [];
  let current: NamedPerson | null = null;
  let k = 0;
  for (const span of sentenceSpans) {
    while (k < tokens.length && (tokens[k]?.start ?? 0) < span.start) k++;
    let first: SentenceSubject | null = null;
    for (let i = k; i < tokens.length && (tokens[i]?.start ?? 0) < span.end; i++) {
      const t = tokens[i] as Token;
      if (hitAt.has(i) || (SUBJECT_PRONOUNS.has(t.text) && i >= introEnd(tokens, k, span.end))) break;
      const role = quoted(t) ? null : unnamedSpeaker(tokens, i, span.end);
      if (!role) continue;
      first = {
        start: span.start,
        end: span.end,
        at: t.start,
        person: { name: role, role, country: null, registry: null, unnamed: true },
      };
      break;
    }
    for (
      let i = introEnd(tokens, k, span.end);
      !first && i < tokens.length && (tokens[i]?.start ?? 0) < span.end;
      i++
    ) {
      const t = tokens[i] as Token;
      const hit = hitAt.get(i);
      if ((!hit && !SUBJECT_PRONOUNS.has(t.text)) || quoted(t)) continue;
      first = { start: span.start, end: span.end, at: t.start, person: hit ? hit.person : current };
      break;
    }
    const subject: SentenceSubject = first ?? { start: span.start, end: span.end, at: span.end, person: null };
    if (subject.person) current = subject.person;
    subjects.push(subject);
  }
  // The subject in force before each sentence, so a lookup is one binary search.
  const before: (NamedPerson | null)[] = [];
  let running: NamedPerson | null = null;
  for (const subject of subjects) {
    before.push(running);
    if (subject.person) running = subject.person;
  }
  const resolve = (offset: number): { person: NamedPerson | null; sentence: number } => {
    let lo = 0;
    let hi = subjects.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((subjects[mid]?.start ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = subjects[lo];
    if (!s || offset < s.start) return { person: null, sentence: lo };
    if (offset >= s.end) return { person: s.person ?? before[lo] ?? null, sentence: lo };
    return s.at < offset && s.person
      ? { person: s.person, sentence: lo }
      : { person: before[lo] ?? null, sentence: lo - 1 };
  };
  return (offset, pronoun) => {
    const { person, sentence } = resolve(offset);
    if (!person || pronoun === undefined || agrees(pronoun, person)) return person;
    for (let k = sentence; k >= 0 && k >= sentence - 3; k--) {
      const earlier = subjects[k]?.person;
      if (earlier && earlier !== person && agrees(pronoun, earlier)) return earlier;
    }
    return null;
  };
}

/**
 * Where a sentence's subject can start: after an introductory phrase ("Asked about Imran Khan's remarks,",
 * "After talks with Wang Yi,") that opens with a preposition or a participle and ends at the first comma.
 */
function introEnd(tokens: readonly Token[], from: number, end: number): number {
  const first = tokens[from];
  if (!first) return from;
  const word = first.text.toLowerCase();
  if (!INTRO_OPENERS.has(word) && !/^\p{Lu}\p{Ll}+(ing|ed)$/u.test(first.text)) return from;
  for (let i = from + 1; i < tokens.length && (tokens[i]?.start ?? 0) < end; i++)
    if (tokens[i]?.text === ",") return i + 1;
  return from;
}

const INDEFINITE = new Set(["a", "an", "one"]);

/**
 * "A senior Pakistani official, speaking on condition of anonymity, said", "An EU diplomat, who asked not to be
 * identified, said", "As one Western diplomat put it": an unnamed speaker is the subject, so a later "she" or
 * "the official" is that role, never the person named before. Returns the role ("senior Pakistani official").
 */
function unnamedSpeaker(tokens: readonly Token[], i: number, end: number): string | null {
  // Asked of most tokens: "a", "an", "one" start with a or o, so any other ASCII first character settles it
  // without a lowercase copy of the token.
  const c = tokens[i]?.text.charCodeAt(0) ?? 0;
  if (c < 128 && c !== 65 && c !== 97 && c !== 79 && c !== 111) return null;
  if (!INDEFINITE.has(tokens[i]?.text.toLowerCase() ?? "")) return null;
  for (let j = i + 1; j <= i + 5 && j < tokens.length && (tokens[j]?.start ?? end) < end; j++) {
    const t = tokens[j] as Token;
    if (t.punct) return null;
    if (!ROLE_NOUNS.has(t.text) || t.possessive) continue;
    const next = tokens[j + 1];
    const after = tokens[j + 2];
    const speaks =
      next !== undefined &&
      (SPEECH_VERBS.has(next.text) ||
        (next.text === "," && after !== undefined && (after.text === "who" || /^\p{Ll}+ing$/u.test(after.text))));
    return speaks
      ? tokens
          .slice(i + 1, j + 1)
          .map((w) => w.text)
          .join(" ")
      : null;
  }
  return null;
}
