import { foldText, type QuoteMention, type Span, type SpeakerMention } from "@parley/model";
import type { ArticleContext } from "../_context.ts";
import { NEWS_OUTLETS, SPEECH_VERBS, sentences, tokenize, type Token } from "../text/index.ts";
import { pronounResolver } from "./_pronouns.ts";
import { readDocument, type Doc } from "../doc/_document.ts";
import {
  attributeFromLead,
  attributeFromTail,
  type ArticleReading,
  type FrameItem,
  type NameHit,
} from "./_attribute.ts";
import { looksLikeName, quotedSpans, trimmed, wordCount, type QuotedSpan } from "./_spans.ts";

const MIN_WORDS = 4;

interface LastSpeaker {
  speaker: SpeakerMention;
  paragraph: number;
  evidence: Span;
  end: number;
}

interface ArticleLayout {
  text: string;
  paragraphs: readonly Span[];
  quotesByParagraph: QuotedSpan[][];
  sentencesByParagraph: Span[][];
}

/** Index of the last number at or before `x` in an ascending list (-1 when none). */
function lastAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The people the article's one reading found (../doc: registry, titles, appositives, lists, short forms), on the quote tokens. */
function peopleOnTokens(tokens: readonly Token[], doc: Doc): NameHit[] {
  const starts = tokens.map((t) => t.start);
  const taken = new Set<number>();
  const covered = (first: number, last: number): boolean => {
    for (let k = first; k <= last; k++) if (taken.has(k)) return true;
    return false;
  };
  const added: NameHit[] = [];
  for (const p of doc.people) {
    const first = lastAtOrBefore(starts, p.start);
    let last = first;
    while (last + 1 < tokens.length && (tokens[last + 1] as Token).start < p.end) last++;
    // The quote tokens keep a possessive on its word ("Lavrov’s"); the Doc's mention ends before it.
    const endsHere =
      (tokens[last] as Token).end === p.end ||
      ((tokens[last] as Token).possessive &&
        (tokens[last] as Token).start + (tokens[last] as Token).word.length === p.end);
    if (first < 0 || (tokens[first] as Token).start !== p.start || !endsHere || covered(first, last)) continue;
    // The speaker as the article writes the name when it writes it in full; the registry's name for a surname.
    const name = p.written.split(/\s+/).length >= 2 ? p.written : p.name;
    added.push({
      first,
      last,
      person: { name, role: p.role ?? p.registry?.role ?? null, country: p.country, registry: p.registry },
    });
    for (let k = first; k <= last; k++) taken.add(k);
  }
  return added;
}

/**
 * The Doc's countries on the quote tokens, and the capitals and curated cities it found, which stand for their
 * government in attributions ("Moscow said", "officials in Kabul"): token index → country and length in tokens.
 */
function countriesOnTokens(tokens: readonly Token[], doc: Doc): (i: number) => { code: string; length: number } | null {
  const byStart = new Map<number, { code: string; end: number }>();
  for (const p of doc.places)
    if (p.city.capital || p.city.curated) byStart.set(p.start, { code: p.city.country, end: p.end });
  for (const c of doc.countries) byStart.set(c.start, { code: c.code, end: c.end });
  return (i) => {
    const t = tokens[i];
    const hit = t && byStart.get(t.start);
    if (!hit) return null;
    let length = 1;
    while (i + length < tokens.length && (tokens[i + length] as Token).start < hit.end) length++;
    return { code: hit.code, length };
  };
}

/** Reads an article once: its paragraphs, quotations, sentences (never split inside a quotation) and names. */
function readArticle(ctx: ArticleContext): { layout: ArticleLayout; reading: ArticleReading } {
  // The Doc's unwrapped text: the same offsets as the article's.
  const doc = readDocument(ctx.article, ctx.registry);
  const text = doc.text;
  const tokens = tokenize(text);
  const hits = peopleOnTokens(tokens, doc);
  const paras = doc.paragraphs;
  const quotesByParagraph = paras.map((p) => quotedSpans(text, p));
  const allQuotes = quotesByParagraph.flat();
  const quoteStarts = allQuotes.map((q) => q.outer.start);
  const insideQuote = (t: Token): boolean => {
    const q = allQuotes[lastAtOrBefore(quoteStarts, t.start)];
    return q !== undefined && t.start >= q.outer.start && t.end <= q.outer.end;
  };
  const hitAt = new Map<number, NameHit>();
  for (const hit of hits) for (let k = hit.first; k <= hit.last; k++) hitAt.set(k, hit);
  const sentencesByParagraph = paras.map((p, i) =>
    sentences(
      text,
      p,
      (quotesByParagraph[i] ?? []).map((q) => q.outer),
    ),
  );
  let resolver: ArticleReading["pronoun"] | undefined;
  const reading: ArticleReading = {
    tokens,
    hitAt,
    antecedents: hits.filter((h) => !insideQuote(tokens[h.first] as Token)),
    countryAt: countriesOnTokens(tokens, doc),
    outlets: outletWords(ctx),
    // Built when a quotation first asks who "he" or "she" is: most articles' quotes never do.
    pronoun: (offset, pronoun) => {
      resolver ??= pronounResolver(tokens, sentencesByParagraph.flat(), hitAt, insideQuote);
      return resolver(offset, pronoun);
    },
  };
  return { layout: { text, paragraphs: paras, quotesByParagraph, sentencesByParagraph }, reading };
}

/** Quotations of four words or more that the article attributes to a person, a role or a group. */
export function extractQuotes(ctx: ArticleContext): QuoteMention[] {
  // Every quotation opens with “ or " in the Doc's text (its other marks are read as these): none, no quote, and
  // the article's words need not be read for speakers.
  const docText = readDocument(ctx.article, ctx.registry).text;
  if (!docText.includes("“") && !docText.includes('"')) return [];
  const { layout, reading } = readArticle(ctx);
  const { text } = layout;
  const { tokens } = reading;
  const found: QuoteMention[] = [];
  let last: LastSpeaker | null = null;
  let tokenCursor = 0;
  layout.paragraphs.forEach((para, p) => {
    const quotes = layout.quotesByParagraph[p] ?? [];
    if (quotes.length === 0) {
      const reported = reportedSpeaker(layout, reading, p, tokenCursor);
      if (reported) {
        tokenCursor = reported.cursor;
        last = reported.last;
      }
      return;
    }
    for (const sentence of layout.sentencesByParagraph[p] ?? []) {
      const inSentence = quotes.filter((q) => q.outer.start >= sentence.start && q.outer.start < sentence.end);
      if (inSentence.length === 0) continue;
      while (tokenCursor < tokens.length && (tokens[tokenCursor]?.start ?? 0) < sentence.start) tokenCursor++;
      const frame = frameOf(tokens, tokenCursor, sentence, inSentence);
      const evidence = trimmed(text, sentence.start, sentence.end);
      let previous: SpeakerMention | null = null;
      const positions = inSentence.map((_, qi) =>
        frame.findIndex((item) => item.kind === "quote" && item.quote === qi),
      );
      const own = positions.map((at) => attributeQuote(frame, at, reading));
      inSentence.forEach((quote, qi) => {
        const at = positions[qi] as number;
        const quoteText = text.slice(quote.inner.start, quote.inner.end);
        let speaker = own[qi] ?? null;
        // "X “…” and “…,” according to Y": two quotations joined by "and" share the attribution after the second.
        if (speaker === null && joinedToNext(frame, at, positions[qi + 1])) {
          const next = own[qi + 1];
          if (next && next !== "inherit") speaker = next;
        }
        // "they", or a quotation joined to the previous one with no verb of its own ("… and “…”"), shares its speaker.
        if (speaker === "inherit" || (speaker === null && !hasOwnVerb(frame, at))) speaker = previous;
        let evidenceSpan = evidence;
        if (
          speaker === null &&
          isBareQuote(frame) &&
          last &&
          last.paragraph >= p - 1 &&
          !otherPersonBetween(reading, last, quote.outer.start, para.end)
        ) {
          // A quotation standing alone continues the last speaker's words.
          speaker = last.speaker;
          if (last.paragraph === p) evidenceSpan = { start: last.evidence.start, end: evidence.end };
        }
        if (!speaker) return;
        previous = speaker;
        last = { speaker, paragraph: p, evidence, end: quote.outer.end };
        if (wordCount(quoteText) < MIN_WORDS || looksLikeName(quoteText)) return;
        found.push({
          text: quoteText,
          span: quote.inner,
          evidence: evidenceSpan,
          speaker,
          meeting_key: null,
          kind: null,
          medium: null,
          translated: null,
        });
      });
    }
  });
  return dropRepeats(found);
}

/** Only "and", "or" or commas stand between quotation items at and next. */
function joinedToNext(frame: readonly FrameItem[], at: number, next: number | undefined): boolean {
  if (next === undefined || next <= at + 1) return false;
  const between = frame.slice(at + 1, next);
  return (
    between.every((item) => item.kind === "token" && ["and", "or", ","].includes(item.token.text.toLowerCase())) &&
    between.some((item) => item.kind === "token" && item.token.text.toLowerCase() === "and")
  );
}

/**
 * A paragraph without quotations whose last sentence reports a person's words ("X told reporters that …"), right
 * before a paragraph that opens with a quotation: that person is the last speaker, so the quotation is theirs.
 */
function reportedSpeaker(
  layout: ArticleLayout,
  reading: ArticleReading,
  p: number,
  cursor: number,
): { last: LastSpeaker; cursor: number } | null {
  const next = layout.quotesByParagraph[p + 1]?.[0];
  const nextPara = layout.paragraphs[p + 1];
  const sentence = layout.sentencesByParagraph[p]?.at(-1);
  if (!next || !nextPara || !sentence || trimmed(layout.text, nextPara.start, nextPara.end).start !== next.outer.start)
    return null;
  const { tokens } = reading;
  while (cursor < tokens.length && (tokens[cursor]?.start ?? 0) < sentence.start) cursor++;
  const frame = frameOf(tokens, cursor, sentence, []);
  const speaker = attributeFromLead(frame, frame.length, reading);
  if (!speaker || speaker === "inherit" || speaker.type !== "person") return null;
  const evidence = trimmed(layout.text, sentence.start, sentence.end);
  return { last: { speaker, paragraph: p, evidence, end: sentence.end }, cursor };
}

// Words that announce a quotation as a name or a text, not speech: "under the headline “…”", "a placard reading “…”".
const TITLE_MARKERS = new Set([
  "headline",
  "headlined",
  "titled",
  "entitled",
  "slogan",
  "banner",
  "reading",
  "caption",
]);

function attributeQuote(frame: readonly FrameItem[], at: number, reading: ArticleReading) {
  const before = frame[at - 1];
  if (before?.kind === "token" && TITLE_MARKERS.has(before.token.text.toLowerCase())) return null;
  const leadWords = frame.slice(0, at).some((item) => item.kind === "token" && !item.token.punct);
  if (!leadWords) return attributeFromTail(frame, at, reading);
  return attributeFromLead(frame, at, reading) ?? attributeFromTail(frame, at, reading);
}

/** The sentence's words outside quotations, with one item per quotation. */
function frameOf(tokens: readonly Token[], from: number, sentence: Span, quotes: readonly QuotedSpan[]): FrameItem[] {
  const frame: FrameItem[] = [];
  // Quotation items go in in order, each once: those pushed so far are 0..pushed (no search of the frame per token).
  let pushed = -1;
  const pushQuote = (q: number): void => {
    if (q > pushed) {
      frame.push({ kind: "quote", quote: q });
      pushed = q;
    }
  };
  let q = 0;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.start >= sentence.end) break;
    while (q < quotes.length && (quotes[q]?.outer.end ?? 0) <= t.start) {
      pushQuote(q);
      q++;
    }
    const quote = quotes[q];
    if (quote && t.start >= quote.outer.start && t.start < quote.outer.end) {
      pushQuote(q);
      continue;
    }
    frame.push({ kind: "token", token: t, index: i });
  }
  for (; q < quotes.length; q++) pushQuote(q);
  return frame;
}

/** True when the words since the previous quotation hold a speech verb: the quotation has its own attribution. */
function hasOwnVerb(frame: readonly FrameItem[], at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const item = frame[i];
    if (!item || item.kind === "quote") return false;
    if (SPEECH_VERBS.has(item.token.text)) return true;
  }
  return false;
}

/**
 * Someone else named since the last speaker's quotation, or later in this quotation's paragraph (where the
 * attribution may follow: "“…” That was Wang Yi's answer."): a bare quotation is no longer the last speaker's.
 */
function otherPersonBetween(
  reading: ArticleReading,
  last: LastSpeaker,
  quoteStart: number,
  paragraphEnd: number,
): boolean {
  // Counted from the end of the last attribution's sentence: a person named there beside the speaker ("…,” Zarif
  // told reporters before meeting Kerry. “…”) is told of, not speaking.
  const from = Math.max(last.end, last.evidence.end);
  return reading.antecedents.some((hit) => {
    const start = reading.tokens[hit.first]?.start ?? 0;
    return start > from && start < paragraphEnd && start !== quoteStart && hit.person.name !== last.speaker.name;
  });
}

/** A sentence that is only quotation (and punctuation): it has no attribution of its own. */
function isBareQuote(frame: readonly FrameItem[]): boolean {
  return frame.every((item) => item.kind === "quote" || item.token.punct);
}

const outletSets = new WeakMap<ArticleContext["registry"], Set<string>>();

/** The wire agencies and the registry's publishers (last word of each name): built once per registry. */
function outletWords(ctx: ArticleContext): Set<string> {
  let outlets = outletSets.get(ctx.registry);
  if (!outlets) {
    outlets = new Set(NEWS_OUTLETS);
    for (const publisher of ctx.registry.publishers)
      for (const name of [publisher.name, ...publisher.aliases]) outlets.add(name.split(/\s+/).at(-1) ?? name);
    outletSets.set(ctx.registry, outlets);
  }
  return outlets;
}

// A quotation repeated in one article (a summary box, an elided form) is one quote: keep the fullest.
function dropRepeats(quotes: QuoteMention[]): QuoteMention[] {
  const ELLIPSIS = /…|\.\.\./gu;
  // Only a quote by the same speaker, at least as long (the earlier one on a tie), can hold another: most quotes
  // have no such rival, and then none of the text work below is done for them.
  const bySpeaker = new Map<string, number[]>();
  quotes.forEach((q, j) => {
    const list = bySpeaker.get(q.speaker.name);
    if (list) list.push(j);
    else bySpeaker.set(q.speaker.name, [j]);
  });
  const rivalsOf = (i: number): number[] => {
    const q = quotes[i] as QuoteMention;
    return (bySpeaker.get(q.speaker.name) ?? []).filter((j) => {
      const other = quotes[j] as QuoteMention;
      return j !== i && !(other.text.length < q.text.length || (other.text.length === q.text.length && j > i));
    });
  };
  const piecesCache = new Map<number, string[]>();
  const wholeCache = new Map<number, string>();
  const pieces = (i: number): string[] => {
    let list = piecesCache.get(i);
    if (!list)
      piecesCache.set(
        i,
        (list = (quotes[i] as QuoteMention).text
          .split(ELLIPSIS)
          .map(foldText)
          .filter((s) => s.length > 0)),
      );
    return list;
  };
  const whole = (j: number): string => {
    let text = wholeCache.get(j);
    if (text === undefined)
      wholeCache.set(j, (text = foldText((quotes[j] as QuoteMention).text.replace(ELLIPSIS, " "))));
    return text;
  };
  const holds = (j: number, i: number): boolean => pieces(i).every((piece) => whole(j).includes(piece));
  // Only quotes sharing a piece's rarest run of three words can contain it: an index keeps a speaker with many
  // quotes near-linear. Built only when some quote has more rivals than are worth checking one by one.
  const shingles = (words: string[]): string[] =>
    Array.from({ length: Math.max(0, words.length - 2) }, (_, k) => `${words[k]} ${words[k + 1]} ${words[k + 2]}`);
  const wordsOf = (text: string): string[] => text.split(/[^\p{L}\p{N}']+/u).filter((w) => w.length > 0);
  let holders: Map<string, number[]> | null = null;
  const holdersOf = (): Map<string, number[]> => {
    if (holders) return holders;
    holders = new Map();
    for (let j = 0; j < quotes.length; j++) {
      for (const shingle of new Set(shingles(wordsOf(whole(j))))) {
        const list = holders.get(shingle);
        if (list) list.push(j);
        else holders.set(shingle, [j]);
      }
    }
    return holders;
  };
  // The holders of the rarest shingle include every quote that holds all of quote i's pieces (a piece's inner
  // words are whole words of its container), so checking them finds what checking every rival would.
  const candidatesOf = (i: number, rivals: number[]): number[] => {
    const longest = [...pieces(i)].sort((a, b) => b.length - a.length)[0] ?? "";
    const index = holdersOf();
    const lists = shingles(wordsOf(longest).slice(1, -1)).map((shingle) => index.get(shingle) ?? []);
    return lists.length === 0 ? rivals : lists.reduce((best, list) => (list.length < best.length ? list : best));
  };
  const ONE_BY_ONE = 8;
  return quotes.filter((_, i) => {
    const rivals = rivalsOf(i);
    if (rivals.length === 0) return true;
    if (rivals.length <= ONE_BY_ONE) return !rivals.some((j) => holds(j, i));
    const rival = new Set(rivals);
    return !candidatesOf(i, rivals).some((j) => rival.has(j) && holds(j, i));
  });
}
