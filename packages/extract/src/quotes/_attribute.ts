import type { SpeakerMention } from "@parley/model";
import {
  BOUNDARY_WORDS,
  GROUP_NOUNS,
  NOT_NAME_WORDS,
  ROLE_NOUNS,
  SPEECH_VERBS,
  SUBJECT_PRONOUNS,
  TITLE_ABBREVIATIONS,
  TITLE_HEADS,
  TITLE_WORDS,
  VERB_FILLERS,
  type Token,
} from "../text/index.ts";
import type { RegistryPerson } from "@parley/registry";

/** A person an article names, with what the article (or the registry) says about them. */
export interface NamedPerson {
  /** The fullest name the article gives (the registry's when the article gives only a surname). */
  name: string;
  role: string | null;
  country: string | null;
  registry: RegistryPerson | null;
  /** An unnamed speaker ("a senior official") that pronouns resolve to: its role, never a person. */
  unnamed?: boolean;
}

/** One place where an article names a person: quote tokens [first, last] of the name (from the Doc's people). */
export interface NameHit {
  first: number;
  last: number;
  person: NamedPerson;
}

/** A sentence as attribution rules read it: its words, with each quotation standing as one item. */
export type FrameItem = { kind: "token"; token: Token; index: number } | { kind: "quote"; quote: number };

/** What the article knows at this point: names found, and how to resolve pronouns and "the minister". */
export interface ArticleReading {
  tokens: readonly Token[];
  hitAt: ReadonlyMap<number, NameHit>;
  /** Name hits outside quotations, in text order: antecedents of "the minister". */
  antecedents: readonly NameHit[];
  /** The person "he"/"she" at an offset refers to. */
  /** The person a pronoun at `offset` stands for; given the pronoun, one it agrees with in gender. */
  pronoun: (offset: number, pronoun?: string) => NamedPerson | null;
  /** The country named by the quote tokens starting at i (the Doc's countries, and capitals standing for their government). */
  countryAt: (i: number) => { code: string; length: number } | null;
  /** News outlets (wire agencies, registry publishers): they report speech, they are not speakers. */
  outlets: ReadonlySet<string>;
}

/** A speaker, or a pronoun ("they") that takes the speaker of the sentence's previous quotation. */
export type Attribution = SpeakerMention | "inherit" | null;

const DETERMINERS = new Set(["the", "a", "an", "its", "his", "her", "their", "this", "that"]);
const QUANTIFIERS = new Set(["one", "another", "some", "several"]);
// Role nouns news writing uses to refer back to someone just named ("the diplomat said").
// Titles ("the minister") must match the person's known role; these words fit anyone in public office.
const EPITHETS = new Set(["diplomat", "official", "envoy", "negotiator", "representative", "leader"]);
const PREPOSITIONS = new Set(["for", "of", "on", "at", "to", "in", "from"]);
const PASSIVE_AUXILIARIES = new Set(["was", "were", "is", "are", "been", "being", "be"]);
const DASHES = new Set(["–", "—", "-", "--"]);
// Noun-or-verb forms: a verb only right after its subject ("Peskov notes", not "the member states").
const AMBIGUOUS_VERBS = new Set(
  "states notes remarks comments claims calls posts demands answers hopes promises pledges praises warnings reports labels welcomes concerns stresses".split(
    " ",
  ),
);

const lower = (t: Token): string => t.word.toLowerCase();
const tokenAt = (frame: readonly FrameItem[], i: number): Token | null => {
  const item = frame[i];
  return item?.kind === "token" ? item.token : null;
};

function personSpeaker(hit: { person: NamedPerson }): SpeakerMention {
  const { name, role, country } = hit.person;
  if (hit.person.unnamed) return { type: "role", name, role, country };
  return { type: "person", name, role, country };
}

function isSpeechVerbAt(frame: readonly FrameItem[], i: number, reading: ArticleReading): boolean {
  const t = tokenAt(frame, i);
  if (!t || !SPEECH_VERBS.has(t.text)) return false;
  if (t.text === "put") return tokenAt(frame, i + 1)?.text === "it"; // "as X put it"
  if (t.text === "went") return tokenAt(frame, i + 1)?.text === "on"; // "he went on: “…”"
  const prevWord = tokenAt(frame, i - 1)?.text.toLowerCase() ?? "";
  if (DETERMINERS.has(prevWord)) return false; // an adjective: "the proposed railway", "its stated aim"
  // "US state department spokeswoman", "state media": "state" before a noun names the state, it does not say.
  const next = tokenAt(frame, i + 1);
  if (
    t.text === "state" &&
    next !== null &&
    /^\p{Ll}+$/u.test(next.text) &&
    !DETERMINERS.has(next.text) &&
    next.text !== "that"
  )
    return false;
  if (!AMBIGUOUS_VERBS.has(t.text)) return true;
  const prev = frame[i - 1];
  if (prev?.kind !== "token") return false;
  return reading.hitAt.has(prev.index) || SUBJECT_PRONOUNS.has(prev.token.text) || ROLE_NOUNS.has(lower(prev.token));
}

/** The first country named in quote tokens [from, to), or null. */
function firstCountry(reading: ArticleReading, from: number, to: number): string | null {
  for (let i = from; i < to; i++) {
    const hit = reading.countryAt(i);
    if (hit && i + hit.length <= to) return hit.code;
  }
  return null;
}

/** "the minister": the most recent person named earlier whose role has that word. */
function personWithRole(reading: ArticleReading, noun: string, offset: number): NameHit | undefined {
  let found: NameHit | undefined;
  for (const hit of reading.antecedents) {
    if ((reading.tokens[hit.last]?.end ?? Infinity) > offset) break;
    if (
      hit.person.role
        ?.toLowerCase()
        .split(/\s+/)
        .includes(TITLE_ABBREVIATIONS.get(noun) ?? noun)
    )
      found = hit;
  }
  return found;
}

/** Reads a noun phrase as a speaker: a named person, a pronoun, a role or a group. */
export function classify(np: readonly { token: Token; index: number }[], reading: ArticleReading): Attribution {
  if (np.length === 0) return null;
  const lastHit = reading.hitAt.get(np[np.length - 1]?.index ?? -1);
  if (lastHit) return personSpeaker(lastHit); // "Earlier in Beijing Wang Yi said"
  // The head is the last word before a preposition: "the spokesman for China's Foreign Ministry".
  let headAt = np.length - 1;
  for (let k = 1; k < np.length; k++) {
    if (PREPOSITIONS.has(lower(np[k]?.token as Token))) {
      headAt = k - 1;
      break;
    }
  }
  const head = np[headAt];
  if (!head) return null;
  const hit = reading.hitAt.get(head.index);
  if (hit) return personSpeaker(hit);
  const word = lower(head.token);
  if (SUBJECT_PRONOUNS.has(head.token.text)) {
    if (np.length > 1) return null;
    const person = reading.pronoun(head.token.start, head.token.text);
    return person ? personSpeaker({ person }) : null;
  }
  if (np.length === 1 && ["they", "we"].includes(word)) return "inherit";
  let from = 0;
  while (
    from < np.length - 1 &&
    (DETERMINERS.has(lower(np[from]?.token as Token)) || QUANTIFIERS.has(lower(np[from]?.token as Token)))
  )
    from++;
  const words = np.slice(from);
  const name = words.map((w) => w.token.text).join(" ");
  const country = firstCountry(reading, np[0]?.index ?? 0, (np.at(-1)?.index ?? 0) + 1);
  const definite = lower(np[0]?.token as Token) === "the";
  if (ROLE_NOUNS.has(word) && !head.token.possessive) {
    // "the minister" after "Wang Yi, China's foreign minister" is Wang Yi.
    // Press releases capitalize the title: "the Minister said", "according to the Special Representative".
    const titleWord = (w: { token: Token; index: number }): boolean =>
      !w.token.capitalized ||
      TITLE_HEADS.has(lower(w.token)) ||
      TITLE_WORDS.has(lower(w.token)) ||
      reading.countryAt(w.index) !== null;
    if (definite && headAt === np.length - 1 && words.every(titleWord)) {
      const named = personWithRole(reading, word, head.token.start);
      if (named && (country === null || named.person.country === country)) return personSpeaker(named);
      // "the senior Russian diplomat said" right after the envoy was named: the person the sentence is about.
      const subject = reading.pronoun(head.token.start);
      // A capitalized title ("the Special Representative") names an office: only its holder, never the last speaker.
      const capitalizedTitle = words.some((w) => w.token.capitalized && !reading.countryAt(w.index));
      const fits =
        subject &&
        !capitalizedTitle &&
        (EPITHETS.has(word) || subject.role === null) &&
        (country === null || subject.country === country);
      if (subject && fits) return personSpeaker({ person: subject });
    }
    return { type: "role", name, role: name, country };
  }
  if (GROUP_NOUNS.has(word) && !head.token.possessive) return { type: "group", name, role: null, country };
  if (words.length === 1 && head.token.capitalized && !NOT_NAME_WORDS.has(head.token.word)) {
    const place = reading.countryAt(head.index);
    if (place) return { type: "group", name: head.token.word, role: null, country: place.code };
    if (from > 0) return null; // "the Guardian said": people take no article
    // Titles, acronyms ("TASS", "U.S.") and news outlets are not people.
    if (TITLE_HEADS.has(word) || TITLE_WORDS.has(word) || /^(\p{L}\.)+$|^\p{Lu}{2,}$/u.test(head.token.text))
      return null;
    if (reading.outlets.has(head.token.word)) return null;
    return { type: "person", name: head.token.word, role: null, country: null }; // an unknown surname: "Peskov said"
  }
  return null;
}

type NP = { token: Token; index: number }[];

const isTitleLike = (t: Token): boolean =>
  !t.punct && (t.capitalized || TITLE_HEADS.has(lower(t)) || TITLE_WORDS.has(lower(t)));

const isPronoun = (np: NP, word: string): boolean => np.length === 1 && np[0]?.token.text.toLowerCase() === word;

/** The noun phrase that ends just before frame[i] (after auxiliaries and adverbs): the subject of a verb there. */
function phraseBefore(frame: readonly FrameItem[], i: number): { np: NP; before: FrameItem | undefined } {
  let k = i - 1;
  while (k >= 0) {
    const t = tokenAt(frame, k);
    if (!t || !(VERB_FILLERS.has(t.text) || /^\p{Ll}+ly$/u.test(t.text))) break;
    k--;
  }
  const np: NP = [];
  while (k >= 0 && np.length < 10) {
    const item = frame[k];
    if (item?.kind !== "token") break;
    const t = item.token;
    // "the participating states expressed": a noun-or-verb form right before the verb is the subject's noun.
    // "US state department spokeswoman X said": "state" before a noun of the phrase is not the verb.
    const nounForm =
      (k === i - 1 && AMBIGUOUS_VERBS.has(t.text) && GROUP_NOUNS.has(t.text)) || (t.text === "state" && np.length > 0);
    if (
      t.punct ||
      (BOUNDARY_WORDS.has(lower(t)) && !PREPOSITIONS.has(lower(t))) ||
      (SPEECH_VERBS.has(t.text) && !nounForm)
    )
      break;
    np.unshift({ token: t, index: item.index });
    k--;
    // A determiner opens the phrase: "a move its foreign ministry described" → "its foreign ministry".
    if (DETERMINERS.has(lower(t)) && !PREPOSITIONS.has(lower(tokenAt(frame, k) ?? t))) break;
  }
  return { np, before: frame[k] };
}

/** The noun phrase starting at frame[i], up to punctuation, a clause word or a verb. */
function phraseAfter(frame: readonly FrameItem[], i: number): NP {
  const np: NP = [];
  for (let k = i; k < frame.length && np.length < 10; k++) {
    const item = frame[k];
    if (item?.kind !== "token") break;
    const t = item.token;
    if (t.punct || (np.length > 0 && (BOUNDARY_WORDS.has(lower(t)) || SPEECH_VERBS.has(t.text)))) break;
    np.push({ token: t, index: item.index });
  }
  return np;
}

/** The speaker a name hit stands for, taking the whole name when the hit starts at frame[i]. */
function nameAt(frame: readonly FrameItem[], i: number, reading: ArticleReading): SpeakerMention | null {
  const item = frame[i];
  if (item?.kind !== "token") return null;
  const hit = reading.hitAt.get(item.index);
  return hit ? personSpeaker(hit) : null;
}

/** The sentence's first speaker-like mention before frame[end]: the subject that participles and "and said" share. */
function mainSubject(frame: readonly FrameItem[], end: number, reading: ArticleReading): Attribution {
  for (let i = 0; i < end; i++) {
    const item = frame[i];
    if (item?.kind !== "token") continue;
    const t = item.token;
    if (reading.hitAt.has(item.index)) return nameAt(frame, i, reading);
    // "Mutasim, who lives in Turkey, said": a surname the article never gave in full.
    if (i === 0 && t.capitalized && tokenAt(frame, 1)?.text === "," && tokenAt(frame, 2)?.text === "who") {
      const named = classify([{ token: t, index: item.index }], reading);
      if (named !== null && named !== "inherit" && named.type === "person") return named;
    }
    if (SUBJECT_PRONOUNS.has(t.text)) return classify([{ token: t, index: item.index }], reading);
    const word = lower(t);
    if ((ROLE_NOUNS.has(word) || GROUP_NOUNS.has(word)) && !t.possessive) {
      const next = tokenAt(frame, i + 1);
      const endsPhrase =
        !next ||
        next.punct ||
        BOUNDARY_WORDS.has(lower(next)) ||
        PREPOSITIONS.has(lower(next)) ||
        isSpeechVerbAt(frame, i + 1, reading);
      if (!endsPhrase) continue;
      // "Deputy Prime Minister for Economic Affairs Abdul Ghani Baradar …": the title runs on to the name it precedes.
      if (next && PREPOSITIONS.has(lower(next))) {
        let k = i + 1;
        while (
          k < Math.min(end, i + 8) &&
          !reading.hitAt.has((frame[k] as { index?: number }).index ?? -1) &&
          tokenAt(frame, k) &&
          isTitleLike(tokenAt(frame, k) as Token)
        )
          k++;
        const titled = nameAt(frame, k, reading);
        if (titled && k > i + 1) return titled;
      }
      // "The Taliban's chief spokesman, Zabihullah Mujahid, …": the name in apposition.
      // Also after a phrase: "a spokesman for the Taliban government, Zabihullah Mujahid, …".
      for (let k = i + 1; k < Math.min(end, i + 9); k++) {
        const t2 = tokenAt(frame, k);
        if (!t2 || (t2.punct && t2.text !== ",")) break;
        if (t2.text !== ",") continue;
        const appositive = nameAt(frame, k + 1, reading);
        if (appositive) return appositive;
        break;
      }
      // "The Chinese delegation, led by envoy Yue Xiaoyong, …": the person leading speaks for it.
      if (
        tokenAt(frame, i + 1)?.text === "," &&
        ["led", "headed"].includes(tokenAt(frame, i + 2)?.text ?? "") &&
        tokenAt(frame, i + 3)?.text === "by"
      ) {
        for (let k = i + 4; k < Math.min(end, i + 10); k++) {
          const leader = nameAt(frame, k, reading);
          if (leader) return leader;
        }
      }
      return classify(phraseBefore(frame, i + 1).np, reading);
    }
  }
  return null;
}

/** "The newspaper quoted him: “…”", "Xinhua quoted Wang as saying “…”": the one quoted (after frame[at]) speaks. */
function quotedObject(frame: readonly FrameItem[], at: number, reading: ArticleReading): Attribution {
  const object = tokenAt(frame, at + 1);
  if (object && ["him", "her"].includes(object.text)) {
    const person = reading.pronoun(object.start, object.text);
    return person ? personSpeaker({ person }) : null;
  }
  return nameAt(frame, at + 1, reading);
}

/** "Wang and Araghchi said …", "Russia and China said … they": two speakers for one quotation; whose words is unknown. */
function jointSubject(
  frame: readonly FrameItem[],
  np: NP,
  before: FrameItem | undefined,
  reading: ArticleReading,
): boolean {
  if (np.length === 0 || before?.kind !== "token" || !["and", "or"].includes(before.token.text)) return false;
  const other = frame[frame.indexOf(before) - 1];
  if (other?.kind !== "token") return false;
  const word = lower(other.token);
  return (
    reading.hitAt.has(other.index) ||
    GROUP_NOUNS.has(word) ||
    ROLE_NOUNS.has(word) ||
    reading.countryAt(other.index) !== null
  );
}

/** Attribution from the words before quotation q: "X said", "urging …", "according to X,", "X's answer was short:". */
export function attributeFromLead(frame: readonly FrameItem[], q: number, reading: ArticleReading): Attribution {
  let verb = -1;
  let according = -1;
  for (let i = 0; i < q; i++) {
    if (isSpeechVerbAt(frame, i, reading)) verb = i;
    if (tokenAt(frame, i)?.text.toLowerCase() === "according" && tokenAt(frame, i + 1)?.text === "to") according = i;
  }
  // "X said according to an official translation: “…”": the translation or transcript reports X's words.
  const reportsVerb =
    according > verb &&
    verb >= 0 &&
    frame.slice(verb + 1, according).every((item) => item.kind === "token" && item.token.punct);
  if (according > verb && !reportsVerb) {
    // "According to a joint statement issued after the talks, the participants “reaffirmed …”": the quotation's subject.
    const source = classify(phraseAfter(frame, according + 2), reading);
    const comma = frame.findIndex((item, i) => i > according && item.kind === "token" && item.token.text === ",");
    const subject = comma >= 0 && comma < q ? phraseBefore(frame, q) : null;
    const own = subject && subject.before === frame[comma] ? classify(subject.np, reading) : null;
    return own && own !== "inherit" ? own : source;
  }
  for (let i = q - 1; i >= 0; i--) {
    if (tokenAt(frame, i)?.text !== "quoted") continue;
    if (verb > i && tokenAt(frame, verb)?.text !== "saying") break;
    return quotedObject(frame, i, reading);
  }
  if (verb < 0) {
    // "Peskov's answer was short: “…”": a colon right before the quotation, the person named before it.
    // Only a name in subject position counts: "Peskov was blunt:", "Peskov's answer was short:", not "the message to Peskov was:".
    if (tokenAt(frame, q - 1)?.text !== ":") return null;
    for (let i = 0; i < q; i++) {
      const t = tokenAt(frame, i);
      if (!t) return null;
      const hit = reading.hitAt.get((frame[i] as { index: number }).index);
      if (hit)
        return frame.slice(0, i).every((it) => it.kind === "token" && isTitleLike(it.token))
          ? personSpeaker(hit)
          : null;
    }
    return null;
  }
  const verbToken = tokenAt(frame, verb) as Token;
  // "X was asked whether “…”": the words are the question put to X, not X's.
  if (verbToken.text === "asked" && PASSIVE_AUXILIARIES.has(tokenAt(frame, verb - 1)?.text.toLowerCase() ?? ""))
    return null;
  // Passive: "the meeting was described by Peskov as “…”".
  if (tokenAt(frame, verb + 1)?.text === "by") {
    const agent = nameAt(frame, verb + 2, reading);
    if (agent) return agent;
  }
  const { np, before } = phraseBefore(frame, verb);
  // "… Wang Yi, who said …": the person the relative clause hangs on.
  if (np.length === 0 && before?.kind === "token" && before.token.text === "who") {
    const at = frame.indexOf(before);
    const antecedent = tokenAt(frame, at - 1)?.text === "," ? at - 2 : at - 1;
    const named = reading.hitAt.get((frame[antecedent] as { index?: number })?.index ?? -1);
    if (named) return personSpeaker(named);
  }
  if (jointSubject(frame, np, before, reading)) return null;
  const subject = classify(np, reading);
  // "The Chinese side said it hoped …", "the four countries said they …": the speaker of the verb before.
  if ((subject === "inherit" || isPronoun(np, "it")) && np[0]) {
    const earlier = frame.findIndex((item) => item.kind === "token" && item.index === np[0]?.index);
    for (let v = earlier - 1; v >= 0; v--) {
      if (!isSpeechVerbAt(frame, v, reading)) continue;
      const outerPhrase = phraseBefore(frame, v);
      if (jointSubject(frame, outerPhrase.np, outerPhrase.before, reading)) return null;
      const outer = classify(outerPhrase.np, reading);
      if (outer && outer !== "inherit") return outer;
      break;
    }
  }
  if (subject) return subject;
  // A participle or a second verb ("…, urging", "and noting that") shares the sentence's subject.
  // (An empty subject: after a comma, "and", or a quotation.)
  const shared = verbToken.text.endsWith("ing") || np.length === 0;
  return shared ? mainSubject(frame, verb, reading) : null;
}

/** Attribution from the words after quotation q: "“…,” X said", "“…,” said X", "“…” – X"; last, "…,” according to X". */
export function attributeFromTail(frame: readonly FrameItem[], q: number, reading: ArticleReading): Attribution {
  return speakerAfter(frame, q, reading) ?? accordingToAfter(frame, q, reading);
}

/** "“…,” according to the State Department": the source named after the quotation, before any other quotation. */
function accordingToAfter(frame: readonly FrameItem[], q: number, reading: ArticleReading): Attribution {
  for (let i = q + 1; i < frame.length; i++) {
    const item = frame[i];
    if (item?.kind !== "token") return null;
    if (item.token.text.toLowerCase() === "according" && tokenAt(frame, i + 1)?.text === "to")
      return nameAt(frame, i + 2, reading) ?? classify(phraseAfter(frame, i + 2), reading);
  }
  return null;
}

function speakerAfter(frame: readonly FrameItem[], q: number, reading: ArticleReading): Attribution {
  let i = q + 1;
  while (tokenAt(frame, i)?.text === ",") i++;
  const first = tokenAt(frame, i);
  if (!first) return null;
  // "“… Asia.” He dismissed them": a capitalized pronoun after a closed quotation opens the next sentence.
  if (i === q + 1 && SUBJECT_PRONOUNS.has(first.text) && /^\p{Lu}/u.test(first.text)) return null;
  if (DASHES.has(first.text)) return nameAt(frame, i + 1, reading) ?? classify(phraseAfter(frame, i + 1), reading);
  if (isSpeechVerbAt(frame, i, reading) && !first.text.endsWith("ing")) {
    const named = nameAt(frame, i + 1, reading);
    if (named) return named;
    const np = phraseAfter(frame, i + 1);
    // "said the head of the Iranian delegation, Abbas Araghchi": the name in apposition.
    const after = i + 1 + np.length;
    return (tokenAt(frame, after)?.text === "," ? nameAt(frame, after + 1, reading) : null) ?? classify(np, reading);
  }
  for (let v = i; v < Math.min(frame.length, i + 14); v++) {
    const item = frame[v];
    if (item?.kind !== "token") return null;
    // "“…,” Interfax quoted him as saying." (not the passive "X was quoted as saying").
    const quoted = tokenAt(frame, v)?.text === "quoted" ? quotedObject(frame, v, reading) : null;
    if (quoted) return quoted;
    if (!isSpeechVerbAt(frame, v, reading)) continue;
    const { np } = phraseBefore(frame, v);
    if (np.length > 0 && np[0]?.index === (frame[i] as { index: number }).index) return classify(np, reading);
    // "X, China's special envoy for Afghan affairs, said" or "Iran's envoy, X, said": the name in the region.
    const hasComma = frame.slice(i, v).some((it) => it.kind === "token" && it.token.text === ",");
    if (!hasComma) return null;
    for (let k = i; k < v; k++) {
      const named = nameAt(frame, k, reading);
      if (named) return named;
    }
    const lead = phraseAfter(frame, i);
    return classify(lead, reading);
  }
  return null;
}
