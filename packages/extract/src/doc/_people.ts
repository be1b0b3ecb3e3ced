import type { Registry, RegistryPerson } from "@parley/registry";
import type { Gazetteer } from "./_gazetteer.ts";
import type { Lexicon } from "./_lexicon.ts";
import type { Token } from "./_tokens.ts";

// Person mentions, found wherever the sentence names someone, as sieves from most to least certain:
// 1. a spelling from the registry; 2. a capitalized name after a title or honorific ("Kazakh Foreign Minister
// Jane Roe", "Mr. Doe"); 3. a name set off by an appositive role ("Jane Roe, the ministry's spokeswoman") or
// followed by a speech or meeting verb; 4. a name in a list with a person already found; 5. a surname (or
// given name) of someone the article has named in full. The role and country come from the words around.

export interface PersonMention {
  /** The fullest name the article (or the registry) gives this person. */
  name: string;
  /** The name as this place writes it ("Sergei Lavrov" where the registry says "Sergey Lavrov"). */
  written: string;
  /** Offsets of the words naming the person here. */
  start: number;
  end: number;
  /** Tokens [first, last] of the name. */
  first: number;
  last: number;
  role: string | null;
  country: string | null;
  /** "former president": the person does not represent the country now. */
  former: boolean;
  registry: RegistryPerson | null;
}

const PARTICLES = new Set([
  "bin",
  "ibn",
  "al",
  "el",
  "van",
  "von",
  "de",
  "da",
  "del",
  "der",
  "la",
  "le",
  "di",
  "dos",
  "du",
]);
interface RegistryIndex {
  /** first word → spellings starting with it, longest first. */
  byFirst: Map<string, Array<{ words: string[]; person: RegistryPerson }>>;
  /** Every first word starts with a capital: a token that does not (most of them) needs no look-up. */
  capitalsOnly: boolean;
}

const registryIndexes = new WeakMap<Registry, RegistryIndex>();

function registryIndex(registry: Registry): RegistryIndex {
  const hit = registryIndexes.get(registry);
  if (hit) return hit;
  const byFirst = new Map<string, Array<{ words: string[]; person: RegistryPerson }>>();
  for (const person of registry.people) {
    for (const form of new Set([person.name, ...person.aliases])) {
      const words = splitName(form);
      if (words.length < 2) continue;
      const list = byFirst.get(words[0] as string) ?? [];
      list.push({ words, person });
      byFirst.set(words[0] as string, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const index = { byFirst, capitalsOnly: [...byFirst.keys()].every((w) => UPPER_START.test(w)) };
  registryIndexes.set(registry, index);
  return index;
}

/** A name's words as the tagger splits them ("Frank-Walter" stays whole, "S." loses nothing). */
function splitName(name: string): string[] {
  return name.split(SPACES).filter((w) => w.length > 0);
}

// The patterns of the hot checks below, compiled once (a literal inside a function is a new object per call).
const SPACES = /\s+/;
const ALL_SPACES = /\s+/g;
const CAP_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u; // combining accents: "José" written decomposed
const LOWER_START = /^\p{Ll}/u;
const UPPER_START = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}{2,5}$/u;
const ASCII_ACRONYM = /^[A-Z]{2,5}$/;
const INITIAL = /^\p{Lu}\.?$/u;
const SYLLABLE = /^\p{Ll}{2,3}$/u;
const LEADING_ARTICLE = /^(?:the|a|an)\s+/i;
const FORMER = /\bformer\b/i;

const ARTICLES = new Set(["the", "a", "an"]);
const isCap = (t: Token | undefined): boolean => t !== undefined && t.cap && capWord(t.text);

/** CAP_WORD.test(text), with an ASCII word decided by code: a capital, then letters, apostrophes, periods, hyphens. */
function capWord(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charCodeAt(0);
  if (first >= 128) return CAP_WORD.test(text);
  if (first < 65 || first > 90) return false;
  for (let k = 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return CAP_WORD.test(text);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 46 || c === 45)) return false;
  }
  return true;
}
/** A lowercase syllable joined to the word before by a hyphen ("Jae-in"). */
const hyphenated = (tokens: readonly Token[], k: number): boolean =>
  tokens[k - 1]?.text === "-" && tokens[k - 1]!.end === tokens[k]!.start && LOWER_START.test(tokens[k]!.text);
/** An organisation's acronym inside a title: "UN Secretary-General", "NATO Secretary General". */
const isAcronym = (t: Token): boolean => ACRONYM.test(t.text);
const isInitial = (t: Token | undefined): boolean => t !== undefined && INITIAL.test(t.text);

const periodHonorifics = new WeakMap<Lexicon, Set<string>>();

/** "mr" for "mr.": the honorifics written with a period, without it, so a token needs no `${word}.` string. */
function honorificsBeforePeriod(lx: Lexicon): Set<string> {
  let set = periodHonorifics.get(lx);
  if (!set)
    periodHonorifics.set(
      lx,
      (set = new Set([...lx.honorifics].filter((h) => h.endsWith(".")).map((h) => h.slice(0, -1)))),
    );
  return set;
}

export interface PeopleContext {
  text: string;
  tokens: readonly Token[];
  /** Token index → sentence index. */
  sentenceOf: readonly number[];
  registry: Registry;
  gazetteer: Gazetteer;
  lexicon: Lexicon;
  /** Countries the text names at a token, longest form first. */
  countryAt: (i: number) => { code: string; length: number } | null;
}

export function findPeople(ctx: PeopleContext): PersonMention[] {
  const found: PersonMention[] = [];
  const taken = new Set<number>();
  const take = (m: PersonMention): void => {
    for (let i = m.first; i <= m.last; i++) taken.add(i);
    found.push(m);
  };
  // The runs of capitalized words depend on the tokens alone: both sieves that read them share one list.
  const runs = capitalizedRuns(ctx);
  for (const m of registrySpellings(ctx)) take(m);
  for (const m of titledAndAppositiveNames(ctx, taken, runs)) take(m);
  for (const m of listedNames(ctx, taken, found, runs)) take(m);
  linkSurnames(found);
  for (const m of shortForms(ctx, taken, found)) take(m);
  for (const m of registrySurnames(ctx, taken)) take(m);
  writtenInFull(found);
  return found.sort((a, b) => a.start - b.start);
}

/** "Nebenzia said" after "Vassily Nebenzia": a short mention is written as the article writes the full name. */
function writtenInFull(found: PersonMention[]): void {
  const full = new Map<string, string>();
  for (const p of [...found].sort((a, b) => a.start - b.start))
    if (splitName(p.written).length >= 2 && !full.has(p.name)) full.set(p.name, p.written);
  for (const p of found) if (splitName(p.written).length < 2) p.written = full.get(p.name) ?? p.written;
}

/** "Foreign Minister Lavrov" after "Sergei Lavrov": a one-word name is the one full name it ends (or starts). */
function linkSurnames(found: PersonMention[]): void {
  const full = [...new Set(found.map((p) => p.name).filter((n) => splitName(n).length >= 2))];
  for (const p of found) {
    if (splitName(p.name).length !== 1) continue;
    const owners = full.filter((n) => {
      const words = splitName(n);
      return words[words.length - 1] === p.name || words[0] === p.name;
    });
    if (owners.length !== 1) continue;
    const owner = found.find((q) => q.name === owners[0]) as PersonMention;
    p.name = owner.name;
    p.written = owner.written;
    p.registry ??= owner.registry;
    p.country ??= owner.country;
  }
}

/** A verb of speech or meeting right after token `last`, perhaps after an auxiliary: "Jane Roe was quoted as saying". */
function verbAfter(ctx: PeopleContext, last: number): boolean {
  const { tokens, lexicon: lx } = ctx;
  let k = last + 1;
  while (k < tokens.length && k - last <= 3 && lx.nameVerbAuxiliaries.has(tokens[k]!.lower)) k++;
  return lx.nameVerbsAfter.has(tokens[k]?.lower ?? "");
}

// ---- Sieve 1: the registry ----

function registrySpellings(ctx: PeopleContext): PersonMention[] {
  const { byFirst, capitalsOnly } = registryIndex(ctx.registry);
  const out: PersonMention[] = [];
  const { tokens } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    // Token.cap is /^\p{Lu}/u of the text, the test capitalsOnly made of every key.
    if (capitalsOnly && !(tokens[i] as Token).cap) continue;
    const candidates = byFirst.get((tokens[i] as Token).text);
    if (!candidates) continue;
    for (const { words, person } of candidates) {
      const last = matchWords(ctx, i, words);
      if (last < 0) continue;
      const about = describe(ctx, i, last);
      out.push({
        ...about,
        name: person.name,
        written: nameText(ctx, i, last),
        first: i,
        last,
        start: (tokens[i] as Token).start,
        end: (tokens[last] as Token).end,
        registry: person,
        country: about.country ?? person.country,
        role: about.role ?? null,
      });
      i = last;
      break;
    }
  }
  return out;
}

/** The token index where `words` end when they are spelt from token i on, or -1. */
function matchWords(ctx: PeopleContext, i: number, words: readonly string[]): number {
  let at = i;
  for (const word of words) {
    // The tagger may split "Frank-Walter" or "S." in two: accept the word when consecutive tokens spell it.
    let spelt = "";
    let j = at;
    while (j < ctx.tokens.length && spelt.length < word.length) {
      const t = ctx.tokens[j] as Token;
      if (spelt !== "" && t.start !== (ctx.tokens[j - 1] as Token).end) break;
      spelt += t.text;
      j++;
    }
    if (spelt !== word) return -1;
    at = j;
  }
  return at - 1;
}

// ---- Sieves 2 and 3: names after a title, or with an appositive role or a verb after them ----

interface Run {
  first: number;
  last: number;
}

/** Runs of capitalized words (with name particles and initials) inside one sentence. */
function capitalizedRuns(ctx: PeopleContext): Run[] {
  const runs: Run[] = [];
  const { tokens, sentenceOf } = ctx;
  let i = 0;
  while (i < tokens.length) {
    if (!isCap(tokens[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && sentenceOf[j + 1] === sentenceOf[i]) {
      const next = tokens[j + 1] as Token;
      const sameLine = !newlineIn(ctx.text, (tokens[j] as Token).end, next.start);
      if (!sameLine) break;
      if (isCap(next)) j++;
      else if (PARTICLES.has(next.lower) && isCap(tokens[j + 2])) j += 2;
      // "Saud al-Faisal": the particle joined to the next name by a hyphen with no space.
      else if (
        PARTICLES.has(next.lower) &&
        tokens[j + 2]?.text === "-" &&
        tokens[j + 2]!.start === next.end &&
        isCap(tokens[j + 3]) &&
        tokens[j + 3]!.start === tokens[j + 2]!.end
      )
        j += 3;
      // "Mlambo-Ngcuka" is one name; "Group- Igor" (a space after the dash) is two things.
      else if (
        (next.text === "-" || next.text === "–") &&
        next.start === (tokens[j] as Token).end &&
        isCap(tokens[j + 2]) &&
        tokens[j + 2]!.start === next.end
      )
        j += 2;
      // "Moon Jae-in", "Kim Jong-un": a lowercase syllable joined by a hyphen with no space.
      else if (
        next.text === "-" &&
        next.start === (tokens[j] as Token).end &&
        tokens[j + 2] &&
        tokens[j + 2]!.start === next.end &&
        SYLLABLE.test(tokens[j + 2]!.text)
      )
        j += 2;
      else break;
    }
    runs.push({ first: i, last: j });
    i = j + 1;
  }
  return runs;
}

/** A line break in text[from, to): the gap between two tokens, a character or two (no copy of it). */
function newlineIn(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

function titledAndAppositiveNames(
  ctx: PeopleContext,
  taken: ReadonlySet<number>,
  runs: readonly Run[],
): PersonMention[] {
  const out: PersonMention[] = [];
  const { tokens, lexicon: lx } = ctx;
  for (const run of runs) {
    // The name is what follows the last title, honorific or country word of the run.
    let nameFirst = run.first;
    let titled = false;
    for (let k = run.first; k <= run.last; k++) {
      const t = tokens[k] as Token;
      const country = ctx.countryAt(k);
      if (lx.titleHeads.has(t.lower) || lx.honorifics.has(t.lower) || honorificsBeforePeriod(lx).has(t.lower)) {
        titled ||= lx.titleHeads.has(t.lower) || lx.honorifics.has(t.lower);
        nameFirst = k + 1;
      } else if ((lx.titleModifiers.has(t.lower) || isAcronym(t)) && k < run.last) nameFirst = k + 1;
      else if (country && k + country.length - 1 <= run.last && k + country.length <= run.last) {
        nameFirst = k + country.length;
        k += country.length - 1;
      } else if (t.text === "." || t.text === "-" || t.text === "–") nameFirst = k + 1;
      else break;
    }
    // A title that the previous words start ("the Foreign Minister of Armenia Edward Nalbandian", "Secretary of State X").
    titled ||=
      titleBefore(ctx, run.first) ||
      (run.last > run.first && roleAcrossComma(ctx, run.first) !== null) ||
      titleWithin(ctx, run.first, nameFirst) ||
      byAfterCue(ctx, run.first) ||
      afterTitledDash(ctx, run.first);
    // "the Halk Maslahaty", "of the Minsk Group": a capitalized name after a determiner is an institution.
    if (nameFirst === run.first && ARTICLES.has(tokens[run.first - 1]?.lower ?? "")) continue;
    let nameLast = run.last;
    while (
      nameLast >= nameFirst &&
      lx.notNameWords.has((tokens[nameLast] as Token).lower) &&
      !hyphenated(tokens, nameLast)
    )
      nameLast--;
    if (nameLast < nameFirst) continue;
    if (anyTaken(taken, nameFirst, nameLast)) continue;
    const words = tokens.slice(nameFirst, nameLast + 1);
    const nameWords = words.filter(
      (t, k) => !PARTICLES.has(t.lower) && t.text !== "-" && t.text !== "–" && !hyphenated(tokens, nameFirst + k),
    );
    // A city's name may be a surname ("Clinton", "Franca"): after a title it is a person, without one a place.
    // Only the whole name counts as a place: "Hassan" is a city too, "Hassan Kazemi Qomi" is a person.
    const written0 = nameText(ctx, nameFirst, nameLast);
    if (
      nameWords.some((t) => lx.notNameWords.has(t.lower) || ctx.gazetteer.countryForms.has(t.text)) ||
      (!titled && ctx.gazetteer.cities.has(written0))
    )
      continue;
    // A country named in several words ("New Zealand", "Saudi Arabia") is not a person either.
    if ((ctx.countryAt(nameFirst)?.length ?? 0) >= nameLast - nameFirst + 1) continue;
    if (nameWords.every((t) => isInitial(t))) continue;
    // One word is a name only right after a title or honorific ("President Duterte", "Mr. Kishida").
    const headBefore =
      lx.titleHeads.has(tokens[nameFirst - 1]?.lower ?? "") ||
      lx.honorifics.has(tokens[nameFirst - 1]?.lower ?? "") ||
      tokens[nameFirst - 1]?.text === ".";
    const confirmed =
      (titled && (nameWords.length >= 2 || (nameWords.length === 1 && nameWords[0]!.text.length > 2 && headBefore))) ||
      (nameWords.length >= 2 &&
        (appositiveRole(ctx, nameLast) !== null ||
          verbAfter(ctx, nameLast) ||
          lx.nameVerbsBefore.has(tokens[nameFirst - 1]?.lower ?? "") ||
          lx.nameCuesBefore.has(tokens[nameFirst - 1]?.lower ?? "") ||
          signsQuotation(ctx, nameFirst) ||
          leadsQuotation(ctx, nameFirst, nameLast)));
    if (!confirmed) continue;
    const about = describe(ctx, nameFirst, nameLast);
    const written = nameText(ctx, nameFirst, nameLast);
    out.push({
      ...about,
      name: written,
      written,
      first: nameFirst,
      last: nameLast,
      start: (tokens[nameFirst] as Token).start,
      end: (tokens[nameLast] as Token).end,
      registry: null,
    });
  }
  return out;
}

/** "“…” – Jane Roe": a name after a dash that follows a closing quotation mark signs the quotation. */
function signsQuotation(ctx: PeopleContext, i: number): boolean {
  const dash = ctx.tokens[i - 1]?.text ?? "";
  return ["-", "–", "—"].includes(dash) && ["”", '"'].includes(ctx.tokens[i - 2]?.text ?? "");
}

// After a name that opens a paragraph: an optional affiliation set off by a comma (no sentence ends in it), a colon,
// then an opening quotation mark.
const LEADS_QUOTATION = /^(?:,[^\S\n][^.!?:;\n"“”]{1,60})?:[^\S\n]*["“]/u;

/**
 * "Jane Roe, The Daily Paper: “…”", "Jane Roe: “…”": a name opening its paragraph and introducing a quotation with a
 * colon, as a list of commentators or an interview transcript prints them.
 */
function leadsQuotation(ctx: PeopleContext, first: number, last: number): boolean {
  const start = (ctx.tokens[first] as Token).start;
  const lineStart = ctx.text.lastIndexOf("\n", start - 1) + 1;
  if (ctx.text.slice(lineStart, start).trim() !== "") return false;
  const end = (ctx.tokens[last] as Token).end;
  return LEADS_QUOTATION.test(ctx.text.slice(end, end + 80));
}

/** Some token in [a, b] is already part of a mention. */
function anyTaken(taken: ReadonlySet<number>, a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (taken.has(k)) return true;
  return false;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k <= b; k++) out.push(k);
  return out;
}

function nameText(ctx: PeopleContext, first: number, last: number): string {
  return ctx.text.slice((ctx.tokens[first] as Token).start, (ctx.tokens[last] as Token).end).replace(ALL_SPACES, " ");
}

/** A title head among the run's own leading words, or reached back through "of" and modifiers ("Secretary of State"). */
function titleWithin(ctx: PeopleContext, runFirst: number, nameFirst: number): boolean {
  const { tokens, lexicon: lx } = ctx;
  for (let k = nameFirst - 1; k >= Math.max(0, runFirst - 6); k--) {
    const t = tokens[k] as Token;
    if (lx.titleHeads.has(t.lower)) return true;
    if (
      !(
        lx.titleModifiers.has(t.lower) ||
        t.lower === "of" ||
        ctx.countryAt(k) !== null ||
        t.text === "(" ||
        t.text === ")" ||
        ASCII_ACRONYM.test(t.text)
      )
    )
      return false;
  }
  return false;
}

/** "the Co-Chairs of the OSCE Minsk Group – Jane Roe, John Doe": names after a dash or colon that ends a title. */
function afterTitledDash(ctx: PeopleContext, i: number): boolean {
  const mark = ctx.tokens[i - 1]?.text ?? "";
  if (mark !== "-" && mark !== "–" && mark !== "—" && mark !== ":") return false;
  for (let k = i - 2; k >= Math.max(0, i - 9); k--) {
    const t = ctx.tokens[k] as Token;
    if (t.text === "." || t.text === ",") return false;
    if (ctx.lexicon.titleHeads.has(t.lower)) return true;
  }
  return false;
}

/** "headed by X", "chaired by X": the agent of an attendance verb is a person (or an institution, which is capitalized differently). */
function byAfterCue(ctx: PeopleContext, i: number): boolean {
  const { tokens } = ctx;
  return (
    tokens[i - 1]?.lower === "by" &&
    [
      "headed",
      "led",
      "chaired",
      "co-chaired",
      "hosted",
      "facilitated",
      "accompanied",
      "attended",
      "moderated",
      "received",
      "joined",
    ].includes(tokens[i - 2]?.lower ?? "")
  );
}

// Words a role set off before a name never runs across: determiners of another noun and clause words.
const ROLE_STOPS = new Set([
  "its",
  "his",
  "her",
  "their",
  "by",
  "who",
  "which",
  "that",
  "and",
  "when",
  "while",
  "as",
  "was",
  "were",
  "is",
  "are",
  "been",
  "be",
  "had",
  "has",
  "have",
  "said",
  "says",
  "told",
]);

/**
 * A role set off by a comma before a name: "the head of the Afghan delegation, Amir Khan Muttaqi", "a spokesman
 * for the Taliban government, Jane Roe". The role holds a lowercase title head within seven words of the comma.
 */
function roleAcrossComma(ctx: PeopleContext, i: number): { role: string; country: string | null } | null {
  const { tokens, lexicon: lx } = ctx;
  if (tokens[i - 1]?.text !== ",") return null;
  let k = i - 1;
  let head = -1;
  while (k > 0 && i - 1 - k < 7) {
    const t = tokens[k - 1] as Token;
    if (
      t.pos === "PUNCT" ||
      t.lower === "'s" ||
      t.lower === "’s" ||
      ROLE_STOPS.has(t.lower) ||
      lx.nameVerbsAfter.has(t.lower)
    )
      break;
    if (lx.titleHeads.has(t.text)) head = k - 1; // lowercase heads only: a capitalized title belongs to a name
    k--;
  }
  if (head < 0) return null;
  while (k < head && ["the", "a", "an", "of", "for"].includes(tokens[k]!.lower)) k++;
  const owner = tokens[k - 1]?.lower === "'s" || tokens[k - 1]?.lower === "’s" ? countryEndingAt(ctx, k - 2) : null;
  let country = owner?.code ?? null;
  for (let j = head; j < i - 1 && country === null; j++) country = ctx.countryAt(j)?.code ?? null;
  return { role: cleanRole(ctx.text.slice(tokens[k]!.start, tokens[i - 2]!.end)), country };
}

/** True when a title ends right before token i: "the Foreign Minister of Armenia | Edward". */
function titleBefore(ctx: PeopleContext, i: number): boolean {
  const prev = ctx.tokens[i - 1];
  const prev2 = ctx.tokens[i - 2];
  if (!prev) return false;
  if (ctx.lexicon.titleHeads.has(prev.lower)) return true;
  // "the Emir of Qatar, Sheikh …", "Minister for Foreign Affairs, Germany": a title phrase, then a comma.
  return (
    prev.text === "," &&
    prev2 !== undefined &&
    (ctx.lexicon.titleHeads.has(prev2.lower) ||
      (ctx.countryAt(i - 2) !== null && ctx.lexicon.titleHeads.has(ctx.tokens[i - 4]?.lower ?? "")))
  );
}

/**
 * ", the ministry's spokeswoman", ", Iran's special envoy for Afghanistan", ", a former Afghan intelligence chief": the
 * role set off after a name. The owner before "'s" is the country, not part of the role; a country after "of" in
 * the role is the person's ("Minister of Foreign Affairs of Vietnam"), one after "for" is a portfolio.
 */
function appositiveRole(
  ctx: PeopleContext,
  last: number,
): { role: string; country: string | null; former: boolean } | null {
  const { tokens, lexicon: lx } = ctx;
  if (tokens[last + 1]?.text !== ",") return null;
  let k = last + 2;
  let roleStart = k;
  let country: string | null = null;
  let former = false;
  const possessive = (i: number): boolean => tokens[i]?.lower === "'s" || tokens[i]?.lower === "’s";
  for (let n = 0; n < 10 && k < tokens.length; n++, k++) {
    const t = tokens[k] as Token;
    const c = ctx.countryAt(k);
    if (c) {
      country ??= c.code;
      k += c.length - 1;
      if (possessive(k + 1)) {
        k++;
        roleStart = k + 1;
      }
      continue;
    }
    if (t.lower === "former") former = true;
    if (lx.titleHeads.has(t.lower)) {
      // "X, Kyrgyz President Jane Roe": the title of the next name in a list, not an appositive of X.
      if (
        isCap(tokens[k + 1]) &&
        !lx.titleHeads.has(tokens[k + 1]!.lower) &&
        !lx.titleModifiers.has(tokens[k + 1]!.lower)
      )
        return null;
      // The title goes on over modifiers, heads and "for/of X": "special envoy for Afghanistan", "Minister for Foreign Affairs".
      let j = k + 1;
      while (j < tokens.length) {
        const w = tokens[j] as Token;
        const inner = ctx.countryAt(j);
        if (inner && ["of", "for"].includes(tokens[j - 1]!.lower)) {
          if (tokens[j - 1]!.lower === "of") country ??= inner.code;
          j += inner.length;
        } else if (lx.titleModifiers.has(w.lower) || lx.titleHeads.has(w.lower)) j++;
        else break;
      }
      let end = j - 1;
      while (end > k && ["of", "for", "the", "and"].includes(tokens[end]!.lower)) end--;
      // "Federal Minister for Foreign Affairs, Germany": the country after one more comma.
      if (tokens[end + 1]?.text === ",") country ??= ctx.countryAt(end + 2)?.code ?? null;
      const role = ctx.text.slice(tokens[roleStart]!.start, tokens[end]!.end);
      return { role: cleanRole(role), country, former };
    }
    const filler =
      lx.titleModifiers.has(t.lower) ||
      ARTICLES.has(t.lower) ||
      possessive(k) ||
      t.cap ||
      (!t.cap && (t.pos === "ADJ" || t.pos === "NOUN"));
    if (!filler) return null;
  }
  return null;
}

function cleanRole(role: string): string {
  return role.replace(LEADING_ARTICLE, "").replace(ALL_SPACES, " ").trim();
}

/** Role, country and "former" from the words before and after a name. */
function describe(
  ctx: PeopleContext,
  first: number,
  last: number,
): { role: string | null; country: string | null; former: boolean } {
  const { tokens, lexicon: lx } = ctx;
  let country: string | null = null;
  let former = false;
  let roleStart = -1;
  // Walk back over the title: modifiers, heads, country words, "of"; stop at anything else.
  let k = first - 1;
  while (k >= 0 && first - k <= 12) {
    const t = tokens[k] as Token;
    if (t.text === "(" || t.text === ")" || (t.cap && ASCII_ACRONYM.test(t.text) && tokens[k - 1]?.text === "(")) {
      k--;
      continue;
    }
    const c = countryEndingAt(ctx, k);
    if (c) {
      country ??= c.code;
      k = c.start - 1;
      continue;
    }
    // "Secretary-General" split by the tagger: a hyphen with no space joins the two title words.
    if ((t.text === "-" || t.text === "–") && t.start === tokens[k - 1]?.end && t.end === tokens[k + 1]?.start) {
      k--;
      continue;
    }
    if (
      lx.titleHeads.has(t.lower) ||
      lx.titleModifiers.has(t.lower) ||
      lx.honorifics.has(t.lower) ||
      t.lower === "'s" ||
      t.lower === "’s" ||
      (isAcronym(t) && roleStart >= 0)
    ) {
      if (t.lower === "former") former = true;
      if (
        lx.titleHeads.has(t.lower) ||
        isAcronym(t) ||
        (lx.titleModifiers.has(t.lower) &&
          t.lower !== "the" &&
          t.lower !== "of" &&
          t.lower !== "and" &&
          t.lower !== "for")
      )
        roleStart = k;
      k--;
      continue;
    }
    if (t.text === "," && lx.titleHeads.has(tokens[k - 1]?.lower ?? "")) {
      k--;
      continue;
    }
    break;
  }
  if (tokens[k]?.lower === "former") former = true;
  let role: string | null = null;
  if (roleStart >= 0) {
    let roleEnd = first - 1;
    while (
      roleEnd > roleStart &&
      !(lx.titleHeads.has(tokens[roleEnd]!.lower) || lx.titleModifiers.has(tokens[roleEnd]!.lower))
    )
      roleEnd--;
    while (roleEnd > roleStart && ["of", "the", "and", "for", ","].includes(tokens[roleEnd]!.lower)) roleEnd--;
    const words = range(roleStart, roleEnd)
      .map((i) => tokens[i] as Token)
      .filter((t) => !lx.honorifics.has(t.lower) && t.lower !== "former");
    if (words.some((t) => lx.titleHeads.has(t.lower) && t.lower !== "counterpart"))
      role = cleanRole(ctx.text.slice(words[0]!.start, words[words.length - 1]!.end));
  }
  if (role === null) {
    const across = roleAcrossComma(ctx, first);
    if (across) {
      role = across.role;
      country ??= across.country;
    }
  }
  // After the name: "of Vietnam", or an appositive role.
  if (tokens[last + 1]?.lower === "of") country ??= ctx.countryAt(last + 2)?.code ?? null;
  const appositive = appositiveRole(ctx, last);
  if (appositive) {
    role ??= appositive.role;
    country ??= appositive.country;
    former ||= appositive.former;
  }
  if (role) {
    const lowerRole = role.toLowerCase();
    for (const [title, code] of lx.countryTitles) if (lowerRole.includes(title)) country ??= code;
    if (FORMER.test(role)) former = true;
  }
  return { role, country, former };
}

/** A country named by tokens ending at k (possessive allowed): its code and first token. */
function countryEndingAt(ctx: PeopleContext, k: number): { code: string; start: number } | null {
  for (let start = k; start >= Math.max(0, k - 3); start--) {
    const c = ctx.countryAt(start);
    if (c && start + c.length - 1 === k) return { code: c.code, start };
  }
  return null;
}

// ---- Sieve 4: lists ----

/** "Igor Popov, Jacques Faure and James Warlick": names listed with a person already found are people. */
function listedNames(
  ctx: PeopleContext,
  taken: Set<number>,
  found: readonly PersonMention[],
  runs: readonly Run[],
): PersonMention[] {
  const out: PersonMention[] = [];
  const { tokens, lexicon: lx } = ctx;
  const covers = (p: PersonMention, i: number): boolean => p.first <= i && i <= p.last;
  const isPersonAt = (i: number): boolean => found.some((p) => covers(p, i)) || out.some((p) => covers(p, i));
  let changed = true;
  while (changed) {
    changed = false;
    for (const run of runs) {
      if (anyTaken(taken, run.first, run.last)) continue;
      const words = range(run.first, run.last).map((k) => tokens[k] as Token);
      if (words.length < 2 || words.length > 4) continue;
      if (
        words.some(
          (t) =>
            lx.notNameWords.has(t.lower) ||
            lx.titleHeads.has(t.lower) ||
            ctx.gazetteer.countryForms.has(t.text) ||
            ctx.gazetteer.cities.has(t.text),
        )
      )
        continue;
      const before = tokens[run.first - 1];
      const after = tokens[run.last + 1];
      const neighbourBefore = before && (before.text === "," || before.lower === "and") && isPersonAt(run.first - 2);
      const neighbourAfter = after && (after.text === "," || after.lower === "and") && isPersonAt(run.last + 2);
      if (!neighbourBefore && !neighbourAfter) continue;
      const about = describe(ctx, run.first, run.last);
      const m: PersonMention = {
        ...about,
        name: nameText(ctx, run.first, run.last),
        written: nameText(ctx, run.first, run.last),
        first: run.first,
        last: run.last,
        start: words[0]!.start,
        end: words[words.length - 1]!.end,
        registry: null,
      };
      out.push(m);
      for (let k = run.first; k <= run.last; k++) taken.add(k);
      changed = true;
    }
  }
  return out;
}

// ---- Sieve 5: short forms of people already named ----

/**
 * The word starting at token i as a reader sees it: "Al-Khulaifi" and "Mlambo-Ngcuka" are one word though the
 * tagger gives three tokens. Null for a token inside such a word.
 */
function wordAt(ctx: PeopleContext, i: number): { last: number; text: string } | null {
  const { tokens } = ctx;
  const touching = (a: number): boolean =>
    tokens[a] !== undefined && tokens[a + 1] !== undefined && tokens[a]!.end === tokens[a + 1]!.start;
  if (tokens[i - 1]?.text === "-" && touching(i - 1) && touching(i - 2)) return null;
  let last = i;
  while (tokens[last + 1]?.text === "-" && touching(last) && touching(last + 1) && isCap(tokens[last + 2])) last += 2;
  return { last, text: ctx.text.slice(tokens[i]!.start, tokens[last]!.end) };
}

function shortForms(ctx: PeopleContext, taken: ReadonlySet<number>, found: readonly PersonMention[]): PersonMention[] {
  const byWord = new Map<string, Set<string>>();
  const people = new Map<string, PersonMention>();
  for (const p of found) {
    people.set(p.name, people.get(p.name) ?? p);
    for (const form of new Set([p.name, p.written])) {
      const words = splitName(form).filter((w) => !PARTICLES.has(w.toLowerCase()));
      // Two letters are a name too when they open it: "Xi" for "Xi Jinping", "Li" for "Li Qiang".
      for (const [w, min] of [
        [words[0], 2],
        [words[words.length - 1], 3],
      ] as const) {
        if (!w || w.length < min) continue;
        byWord.set(w, (byWord.get(w) ?? new Set()).add(p.name));
      }
    }
  }
  const out: PersonMention[] = [];
  ctx.tokens.forEach((t, i) => {
    if (taken.has(i) || !isCap(t) || ctx.lexicon.notNameWords.has(t.lower)) return;
    const word = wordAt(ctx, i);
    if (!word || anyTaken(taken, i, word.last)) return;
    const names = byWord.get(word.text);
    if (!names || names.size !== 1) return;
    if (ctx.gazetteer.countryForms.has(word.text)) return;
    // "Tran Dai Quang" is one name: a short form is a word on its own, not inside a longer capitalized run.
    const next = ctx.tokens[word.last + 1];
    if (isCap(next) && !ctx.lexicon.notNameWords.has(next!.lower)) return;
    const full = people.get([...names][0] as string) as PersonMention;
    const about = describe(ctx, i, word.last);
    out.push({
      name: full.name,
      written: full.written,
      first: i,
      last: word.last,
      start: t.start,
      end: ctx.tokens[word.last]!.end,
      role: about.role ?? full.role,
      country: about.country ?? full.country,
      former: about.former || full.former,
      registry: full.registry,
    });
  });
  return out;
}

// ---- Sieve 6: a surname the registry knows, beside a speech verb or after a title ----

/** "Lavrov said", "President Duterte": one word, the surname of exactly one known office holder. */
function registrySurnames(ctx: PeopleContext, taken: ReadonlySet<number>): PersonMention[] {
  const bySurname = registrySurnameIndex(ctx.registry);
  const out: PersonMention[] = [];
  ctx.tokens.forEach((t, i) => {
    if (taken.has(i) || !isCap(t) || ctx.lexicon.notNameWords.has(t.lower)) return;
    const word = wordAt(ctx, i);
    if (!word || anyTaken(taken, i, word.last) || ctx.gazetteer.countryForms.has(word.text)) return;
    const people = bySurname.get(word.text);
    if (!people || people.length !== 1) return;
    const last = word.last;
    if (
      isCap(ctx.tokens[last + 1]) ||
      (isCap(ctx.tokens[i - 1]) && !ctx.lexicon.titleHeads.has(ctx.tokens[i - 1]!.lower))
    )
      return;
    const before = ctx.tokens[i - 1]?.lower ?? "";
    const after = ctx.tokens[last + 1]?.lower ?? "";
    const after2 = ctx.tokens[last + 2]?.lower ?? "";
    const spoken =
      verbAfter(ctx, last) ||
      ctx.lexicon.nameVerbsBefore.has(before) ||
      ctx.lexicon.titleHeads.has(before) ||
      after === ":" ||
      (after === "," && ctx.lexicon.nameVerbsAfter.has(after2)) ||
      before === "by";
    // Elsewhere the tagger must read it as a proper noun, and it must not name a place: "Lavrov was quoted as saying".
    const named = ctx.tokens[last]!.pos === "PROPN" && word.text.length >= 4 && !ctx.gazetteer.cities.has(word.text);
    if (!spoken && !named) return;
    const person = people[0] as RegistryPerson;
    const about = describe(ctx, i, last);
    out.push({
      name: person.name,
      written: person.name,
      first: i,
      last,
      start: t.start,
      end: ctx.tokens[last]!.end,
      role: about.role ?? person.role,
      country: about.country ?? person.country,
      former: about.former,
      registry: person,
    });
  });
  return out;
}

const surnameIndexes = new WeakMap<Registry, Map<string, RegistryPerson[]>>();

function registrySurnameIndex(registry: Registry): Map<string, RegistryPerson[]> {
  const hit = surnameIndexes.get(registry);
  if (hit) return hit;
  const index = new Map<string, RegistryPerson[]>();
  for (const person of registry.people) {
    const surnames = new Set(
      [person.name, ...person.aliases].map((n) => splitName(n).at(-1) ?? n).filter((w) => w.length > 2),
    );
    for (const s of surnames) {
      const list = index.get(s) ?? [];
      if (!list.includes(person)) list.push(person);
      index.set(s, list);
    }
  }
  surnameIndexes.set(registry, index);
  return index;
}
