import { WORDS, alternation } from "../doc/_words.ts";
import type { Registry, RegistryPerson } from "@parley/registry";
import { countryAt, type CountryWords } from "./_countries.ts";
import { FAMILY_NAME_FIRST, GROUP_NOUNS, NEWS_OUTLETS, NOT_NAME_WORDS, SPEECH_VERBS, TITLE_HEADS, TITLE_WORDS, VERB_FILLERS } from "./_lexicon.ts";
import type { Token } from "./_tokens.ts";

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

/** One place where an article names a person: tokens [first, last] of the name. */
export interface NameHit {
  first: number;
  last: number;
  person: NamedPerson;
}

const HONORIFICS = new Set(["mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "prof.", "sir", "dame", "mullah", "mawlavi", "maulvi", "sheikh"]);
const DASHES = new Set(["–", "—", "-"]);
const PARTICLES = new Set(["bin", "ibn", "al", "el", "van", "von", "de", "da", "del", "der", "la", "le", "di"]);
const LEADING_FUNCTION_WORDS = new Set(["the", "of", "for", "on", "to"]);

const lower = (t: Token): string => t.word.toLowerCase();
const isTitleWord = (t: Token): boolean => TITLE_HEADS.has(lower(t)) || TITLE_WORDS.has(lower(t));

/** True when tokens a and b are on different lines (paragraphs): names never run across them. */
function lineBreakBetween(text: string, a: Token | undefined, b: Token | undefined): boolean {
  return !a || !b || text.slice(a.end, b.start).includes("\n");
}

interface Spelling {
  words: string[];
  person: RegistryPerson;
}

const registryIndexCache = new WeakMap<Registry, { byFirst: Map<string, Spelling[]>; bySurname: Map<string, RegistryPerson[]> }>();

// Registry spellings indexed by their first word, so matching costs one map lookup per token.
function registryIndex(registry: Registry) {
  const cached = registryIndexCache.get(registry);
  if (cached) return cached;
  const byFirst = new Map<string, Spelling[]>();
  const bySurname = new Map<string, RegistryPerson[]>();
  for (const person of registry.people) {
    const surnames = new Set<string>();
    for (const spelling of [person.name, ...person.aliases]) {
      const parts = spelling.split(/\s+/);
      const first = parts[0];
      if (!first) continue;
      byFirst.set(first, [...(byFirst.get(first) ?? []), { words: parts, person }]);
      const last = person.country && FAMILY_NAME_FIRST.has(person.country) ? parts[0] : parts.at(-1);
      if (last && parts.length > 1 && (last.length >= 4 || last !== parts.at(-1))) surnames.add(last);
    }
    for (const s of surnames) bySurname.set(s, [...(bySurname.get(s) ?? []), person]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const index = { byFirst, bySurname };
  registryIndexCache.set(registry, index);
  return index;
}

function matchRegistry(text: string, tokens: readonly Token[], i: number, byFirst: Map<string, Spelling[]>): Spelling | null {
  const t = tokens[i];
  if (!t?.capitalized) return null;
  for (const spelling of byFirst.get(t.text) ?? byFirst.get(t.word) ?? []) {
    const n = spelling.words.length;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const tok = tokens[i + k];
      const want = spelling.words[k];
      ok = tok !== undefined && (k === n - 1 ? tok.word === want || tok.text === want : tok.text === want && !tok.possessive);
      if (ok && k > 0) ok = !lineBreakBetween(text, tokens[i + k - 1], tok);
    }
    if (ok) return spelling;
  }
  return null;
}

// Arabic names keep their article lowercase: "Saud al-Faisal", "Abdullah bin Zayed".
const ARABIC_PART = new RegExp(`^(?:${alternation(WORDS.arabic_name_particles)})-\\p{Lu}`, "u");

function isNameToken(t: Token, words: CountryWords, tokens: readonly Token[], i: number): boolean {
  if (ARABIC_PART.test(t.text) && i > 0 && tokens[i - 1]?.capitalized === true) return true;
  if (t.punct || !t.capitalized) return false;
  if (NOT_NAME_WORDS.has(t.word) || NEWS_OUTLETS.has(t.word) || isTitleWord(t) || SPEECH_VERBS.has(lower(t))) return false;
  // Acronyms ("U.S.") are not names; initials before a surname are ("J.P. Singh").
  if (/^(\p{L}\.){2,}$/u.test(t.text)) {
    const next = tokens[i + 1];
    return next !== undefined && !/\./u.test(next.text) && isNameToken(next, words, tokens, i + 1) && countryAt(words, tokens, i) === null;
  }
  return countryAt(words, tokens, i) === null;
}

/** The name run starting at i: capitalized words, initials and particles, ending at a possessive. */
function nameRunAt(text: string, tokens: readonly Token[], i: number, words: CountryWords): number {
  let j = i;
  while (j < tokens.length && j - i < 5) {
    const t = tokens[j];
    if (!t) break;
    if (j > i && lineBreakBetween(text, tokens[j - 1], t)) break;
    const particle = j > i && PARTICLES.has(t.word) && tokens[j + 1]?.capitalized === true;
    if (!particle && !isNameToken(t, words, tokens, j)) break;
    j++;
    if (t.possessive) break;
  }
  return j - i;
}

/** Title tokens ending just before i ("Russian Foreign Minister"): role text and a country word before it. */
function titleBefore(text: string, tokens: readonly Token[], i: number, words: CountryWords) {
  let k = i;
  while (k > 0) {
    const t = tokens[k - 1];
    if (!t || t.punct || lineBreakBetween(text, t, tokens[k])) break;
    // A country inside a long title: "Special Representative of the President of Uzbekistan for Afghanistan X".
    const inner = !isTitleWord(t) && ["of", "for"].includes(tokens[k - 2]?.text ?? "") && countryAt(words, tokens, k - 1)?.length === 1;
    if (!isTitleWord(t) && !inner) break;
    k--;
  }
  while (k < i && LEADING_FUNCTION_WORDS.has(lower(tokens[k] as Token))) k++;
  if (k < i && LEADING_FUNCTION_WORDS.has(lower(tokens[i - 1] as Token))) return null; // "director of the FSB"
  const titleTokens = tokens.slice(k, i);
  if (!titleTokens.some((t) => TITLE_HEADS.has(lower(t)))) return null;
  let country: string | null = null;
  for (let start = Math.max(0, k - 4); start < k; start++) {
    const hit = countryAt(words, tokens, start);
    if (hit && start + hit.length === k) {
      country = hit.code;
      break;
    }
  }
  // Forms of address inside a title are not the role: "Deputy Prime Minister Mullah" → "Deputy Prime Minister".
  const role = titleTokens.filter((t) => !HONORIFICS.has(lower(t))).map((t) => t.text).join(" ");
  return { role: role || titleTokens.map((t) => t.text).join(" "), country };
}

// Words a role before a name never runs across: possessive determiners and clause words ("its", "by", "who", "was").
const ROLE_STOPS = new Set(["its", "his", "her", "their", "by", "who", "which", "that", "and", "when", "while", "as", "was", "were", "is", "are", "been", "be", "had", "has", "have"]);

/** A role set off before a name: "Iran's special envoy for Afghanistan, Hassan Kazemi Qomi, said". */
function titleAcrossComma(tokens: readonly Token[], i: number, words: CountryWords) {
  if (tokens[i - 1]?.text !== ",") return null;
  let k = i - 1;
  let head = -1;
  while (k > 0 && i - 1 - k < 7) {
    const t = tokens[k - 1];
    if (!t || t.punct || t.possessive) break;
    // "was represented by its foreign minister, X": the role starts after the determiner or the verb's words.
    if (ROLE_STOPS.has(lower(t))) break;
    if (TITLE_HEADS.has(t.text)) head = k - 1; // lowercase heads only: "envoy", "spokesman"
    k--;
  }
  if (head < 0) return null;
  while (k < head && (LEADING_FUNCTION_WORDS.has(lower(tokens[k] as Token)) || ["a", "an"].includes(lower(tokens[k] as Token)))) k++;
  const owner = tokens[k - 1];
  const country = owner?.possessive ? (countryAt(words, tokens, k - 1)?.code ?? null) : null;
  return { role: tokens.slice(k, i - 1).map((t) => t.text).join(" "), country };
}

/** An appositive role after a name: ", China's special envoy for Afghan affairs," or ", director of the institute,". */
function appositiveAfter(tokens: readonly Token[], end: number, words: CountryWords) {
  if (tokens[end]?.text !== ",") return null;
  let k = end + 1;
  let country: string | null = null;
  const det = tokens[k];
  if (det && ["the", "a", "an"].includes(det.text)) k++;
  const hit = countryAt(words, tokens, k);
  if (hit) {
    const last = tokens[k + hit.length - 1];
    if (last?.possessive || TITLE_WORDS.has((tokens[k + hit.length]?.text ?? "").toLowerCase()) || hit.length > 0) {
      country = hit.code;
      k += hit.length;
    }
  }
  const roleStart = k;
  if (SPEECH_VERBS.has(tokens[k]?.text ?? "")) return null; // ", said …" is an attribution, not a role
  let sawHead = false;
  // Up to 14 words: "director of the South Asia Institute at the Wilson Center" (capitalized words after the head).
  while (k < tokens.length && k - roleStart < 14) {
    const t = tokens[k];
    if (!t || t.punct) break;
    if (TITLE_HEADS.has(t.text)) sawHead = true; // lowercase only: a capitalized title starts a new name
    // "the U.N. special rapporteur", "an EU envoy": an organisation's acronym may stand inside the role.
    if (t.capitalized && !sawHead && !/^(\p{Lu}\.){2,}$|^\p{Lu}{2,}$/u.test(t.text)) {
      // "a former Pakistani intelligence chief": a country word may stand inside the role.
      const inner = countryAt(words, tokens, k);
      if (!inner) return null;
      country ??= inner.code;
    }
    k++;
  }
  if (!sawHead || (tokens[k] && ![",", ".", ";"].includes(tokens[k]?.text ?? ""))) return null;
  return { role: tokens.slice(roleStart, k).map((t) => t.text).join(" "), country };
}

function speechVerbAfter(tokens: readonly Token[], end: number): boolean {
  let k = end;
  while (k < tokens.length && VERB_FILLERS.has(lower(tokens[k] as Token))) k++;
  const t = tokens[k];
  return t !== undefined && NAME_VERBS.test(t.text) && SPEECH_VERBS.has(t.text);
}

// Past forms only: "the member states" is a noun phrase, "Peskov said" is an attribution.
const NAME_VERBS = /^(said|says|saying|told|wrote|\p{L}+ed)$/u;

const nameOf = (tokens: readonly Token[], first: number, last: number): string =>
  tokens
    .slice(first, last + 1)
    .map((t, k, all) => (k === all.length - 1 ? t.word : t.text))
    .join(" ");

/**
 * Finds the people an article names: registry spellings, then capitalized names after a title, before an
 * appositive role or next to a speech verb; then bare surnames of people found, and unique registry surnames.
 */
export function findPeople(text: string, tokens: readonly Token[], registry: Registry, words: CountryWords): NameHit[] {
  const { byFirst, bySurname } = registryIndex(registry);
  const hits: NameHit[] = [];
  const people = new Map<string, NamedPerson>();
  const personFor = (key: string, make: () => NamedPerson): NamedPerson => {
    let p = people.get(key);
    if (!p) {
      p = make();
      people.set(key, p);
    }
    return p;
  };
  const covered = new Set<number>();
  // Surnames of the people named so far: "Mr Dar" refers back to one of them.
  const namedSurnames = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const spelling = matchRegistry(text, tokens, i, byFirst);
    const runLength = spelling ? spelling.words.length : nameRunAt(text, tokens, i, words);
    if (runLength === 0) continue;
    const last = i + runLength - 1;
    const closed = [",", ".", undefined].includes(tokens[last + 1]?.text) || speechVerbAfter(tokens, last + 1);
    const title = titleBefore(text, tokens, i, words) ?? (runLength >= 2 && closed ? titleAcrossComma(tokens, i, words) : null);
    const appositive = appositiveAfter(tokens, last + 1, words);
    const before = tokens[i - 1]?.text ?? "";
    // "… Peskov said", "said Wang Yi", "“…” – Ishaq Dar"
    const byVerb = runLength >= 2 && (speechVerbAfter(tokens, last + 1) || NAME_VERBS.test(before) && SPEECH_VERBS.has(before) || (DASHES.has(before) && /^[”"]$/u.test(tokens[i - 2]?.text ?? "")));
    // "the White House said", "the Foreign Office": an institution, not a person.
    const institution = !spelling && GROUP_NOUNS.has((tokens[last]?.word ?? "").toLowerCase());
    if (institution || (!spelling && !title && !(appositive && runLength >= 2) && !byVerb)) {
      i = last;
      continue;
    }
    // "Mr Saidov" after "Bakhtiyor Saidov": the person already named, left to the bare-surname pass below.
    if (!spelling && runLength === 1 && title && HONORIFICS.has(title.role.toLowerCase()) && namedSurnames.has(tokens[i]?.word ?? "")) continue;
    // "Dr." or "Mr." is a form of address, not a role: an appositive says more.
    const titleRole = title && !HONORIFICS.has(title.role.toLowerCase()) ? title.role : null;
    const role = titleRole ?? appositive?.role ?? null;
    const country = title?.country ?? appositive?.country ?? null;
    const name = nameOf(tokens, i, last);
    const reg = spelling?.person ?? uniqueSurname(bySurname, name, runLength);
    const key = reg ? `registry:${reg.name}` : `name:${name}`;
    const person = personFor(key, () => ({ name, role, country: reg?.country ?? country, registry: reg }));
    if (person.name.split(" ").length < runLength) person.name = name;
    person.role ??= role;
    person.country ??= country;
    hits.push({ first: i, last, person });
    namedSurnames.add(surnameOf(person) ?? "");
    for (let k = i; k <= last; k++) covered.add(k);
    i = last;
  }
  // Bare surnames: the person of that surname named most recently, else a unique registry surname.
  const bySurnameHit = new Map<string, NameHit[]>();
  for (const hit of hits) {
    const surname = surnameOf(hit.person);
    if (surname) bySurnameHit.set(surname, [...(bySurnameHit.get(surname) ?? []), hit]);
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || covered.has(i) || !t.capitalized || t.punct) continue;
    const named = bySurnameHit.get(t.word) ?? familyNameFirst(hits, t.word, tokens, i);
    if (!named && !bySurname.has(t.word)) continue;
    if (nameRunAt(text, tokens, i, words) !== 1) continue;
    const earlier = named?.filter((h) => h.first < i).at(-1);
    let person = (earlier ?? named?.[0])?.person;
    if (!person) {
      const reg = uniqueSurname(bySurname, t.word, 1);
      if (reg) person = personFor(`registry:${reg.name}`, () => ({ name: reg.name, role: reg.role, country: reg.country, registry: reg }));
    }
    if (person) hits.push({ first: i, last: i, person });
  }
  hits.sort((a, b) => a.first - b.first);
  for (const p of people.values()) if (p.registry && p.role === null) p.role = p.registry.role;
  return hits;
}

// "Yue told the meeting" after "special envoy Yue Xiaoyong" (no country known): a two-word name whose first
// word is used alone as the subject of a speech verb is a family name written first.
function familyNameFirst(hits: readonly NameHit[], word: string, tokens: readonly Token[], i: number): NameHit[] | undefined {
  if (!speechVerbAfter(tokens, i + 1)) return undefined;
  const found = hits.filter((h) => h.first < i && h.person.country === null && h.person.name.split(" ").length === 2 && h.person.name.startsWith(`${word} `));
  return found.length > 0 ? found : undefined;
}

function surnameOf(person: NamedPerson): string | undefined {
  const parts = person.name.split(" ");
  return person.country && FAMILY_NAME_FIRST.has(person.country) && parts.length > 1 ? parts[0] : parts.at(-1);
}

function uniqueSurname(bySurname: Map<string, RegistryPerson[]>, name: string, runLength: number): RegistryPerson | null {
  if (runLength !== 1) return null;
  const candidates = bySurname.get(name) ?? [];
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

/** Folds a name for matching: case, diacritics, punctuation, initials. */
// Names recur across an article's sentences and quotes: fold each spelling once (bounded, so a corpus cannot grow it forever).
const foldedNames = new Map<string, string>();

export function foldPersonName(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    if (foldedNames.size > 50_000) foldedNames.clear();
    folded = foldName(name);
    foldedNames.set(name, folded);
  }
  return folded;
}

function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/[^a-z\s-]/g, " ")
    .replace(/\b[a-z]\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The folded last word of a name, for matching a bare surname ("Araghchi's" → "araghchi"). */
export const foldedSurname = (name: string): string => foldPersonName(name).split(" ").at(-1) ?? "";
