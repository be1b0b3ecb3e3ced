import type { RegistryPerson } from "@parley/registry";
import type { ArticleContext } from "../_context.ts";
import { ADDRESS_FORMS, foldedSurname, foldPersonName, NEVER_IN_NAME, TITLE_HEAD_PATTERN, TITLE_PHRASE, TITLE_WORD_PATTERN, titleCase, type CountryLexicon, type Sentence } from "../text/index.ts";

/** One mention of a person in the article. */
export interface PersonFound {
  /** The canonical name: the registry's, or the fullest form written in the article. */
  name: string;
  /** The form written at this mention. */
  written: string;
  role: string | null;
  country: string | null;
  start: number;
  end: number;
  sentence: Sentence;
}

const TOKEN = /[\p{Lu}][\p{L}\p{M}'’.-]*/gu;
const SPEECH_AFTER = /^\s*(?:,[^,]{0,80},\s*)?(?:said|says|told|added|stated|declared|noted|warned|argued|explained|insisted|stressed|emphasized|emphasised)\b/;
const LED_BY = /\b(?:led|headed|chaired)\s+by\s+$/i;
// "..., said Jane Roe": a speech verb before the name.
const SPEECH_BEFORE = /\b(?:said|says|added|told|declared|stressed)\s+$/;
const POSSESSIVE = /['’]s$/;
// "Jane Roe represented Oman at the talks": a name that stands for a country is a person's.
const REPRESENTED = /^\s+(?:represented|headed|led|co-chaired|chaired)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}]+\s+)?(?:at|in)\s+the\b|^\s+represented\s+[\p{Lu}][\p{L}]+\b/u;


interface Token {
  text: string;
  start: number;
  end: number;
}

/** Capitalized runs of a sentence: "Iranian Foreign Minister Abbas Araghchi". */
function capitalizedRuns(text: string): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const token = { text: m[0].replace(/[.-]+$/, (s) => (/^(?:[\p{Lu}]|U\.S|U\.K|Mr|Mrs|Ms|Dr)\.$/u.test(m[0]) ? s : "")), start: m.index ?? 0, end: 0 };
    token.end = token.start + token.text.length;
    const last = run.at(-1);
    if (last && text.slice(last.end, token.start) === " " && !POSSESSIVE.test(last.text)) run.push(token);
    else {
      if (run.length > 0) runs.push(run);
      run = [token];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Finds people: registry names and aliases, titled names, names with a role in apposition, named speakers. */
export class PeopleFinder {
  private readonly byFold = new Map<string, RegistryPerson>();
  private readonly bySurname = new Map<string, RegistryPerson[]>();
  private readonly places: Set<string>;

  constructor(
    private readonly ctx: ArticleContext,
    private readonly countries: CountryLexicon,
  ) {
    for (const person of ctx.registry.people) {
      for (const spelling of [person.name, ...person.aliases]) this.byFold.set(foldPersonName(spelling), person);
      const last = foldedSurname(person.name);
      this.bySurname.set(last, [...(this.bySurname.get(last) ?? []), person]);
    }
    this.places = new Set(ctx.registry.places.flatMap((p) => [p.city, ...p.aliases]).flatMap((n) => n.split(" ")));
  }

  /** Every person mention in the sentences, in text order; bare surnames resolve to a person named in full. */
  find(sentences: readonly Sentence[]): PersonFound[] {
    const full: PersonFound[] = [];
    const bare: Array<{ token: Token; sentence: Sentence; role: string | null; country: string | null }> = [];
    for (const sentence of sentences) {
      let pendingRole: { role: string | null; country: string | null; end: number } | null = null;
      for (const run of capitalizedRuns(sentence.text)) {
        const parsed = this.parseRun(run, sentence);
        // "The Kremlin's Chief Spokesman, Jane Roe": a title run, a comma, then the name.
        if (parsed.name.length === 0) {
          pendingRole = parsed.role ? { role: parsed.role, country: parsed.country, end: run.at(-1)?.end ?? 0 } : null;
          continue;
        }
        const first = parsed.name[0] as Token;
        if (pendingRole && /^,\s+$/.test(sentence.text.slice(pendingRole.end, first.start))) {
          parsed.role ??= pendingRole.role;
          parsed.country ??= pendingRole.country;
        }
        pendingRole = null;
        const mention = this.toMention(parsed.name, parsed.role, parsed.country, sentence, parsed.honorific);
        if (mention) full.push(mention);
        else if (parsed.name.length === 1) bare.push({ token: first, sentence, role: parsed.role, country: parsed.country });
      }
    }
    const found = [...full];
    // Full names by surname and by name, built once: each bare surname looks up instead of scanning every mention.
    const namesBySurname = new Map<string, Set<string>>();
    const firstByName = new Map<string, PersonFound>();
    for (const p of full) {
      const key = foldedSurname(p.name);
      namesBySurname.set(key, (namesBySurname.get(key) ?? new Set()).add(p.name));
      if (!firstByName.has(p.name)) firstByName.set(p.name, p);
    }
    for (const { token, sentence, role, country } of bare) {
      const surname = foldedSurname(token.text);
      const inArticle = [...(namesBySurname.get(surname) ?? [])];
      const registry = this.bySurname.get(surname) ?? [];
      // A registry surname alone ("the Biden government") names a person only with a title or as a speaker.
      const titled = role !== null || SPEECH_AFTER.test(sentence.text.slice(token.end));
      const name = inArticle.length === 1 ? inArticle[0] : inArticle.length === 0 && registry.length === 1 && titled ? registry[0]?.name : undefined;
      if (name === undefined) continue;
      const known = firstByName.get(name);
      const person = this.byFold.get(foldPersonName(name));
      found.push({
        name,
        written: token.text.replace(POSSESSIVE, ""),
        role: role ?? known?.role ?? null,
        country: country ?? known?.country ?? person?.country ?? null,
        start: sentence.start + token.start,
        end: sentence.start + token.end,
        sentence,
      });
    }
    return found.sort((a, b) => a.start - b.start);
  }

  private parseRun(run: Token[], sentence: Sentence): { name: Token[]; role: string | null; country: string | null; honorific: boolean } {
    let i = 0;
    let country: string | null = null;
    let honorific = false;
    const titleWords: string[] = [];
    // Leading articles, country words ("Iranian", "Iran's", "U.S.") and title words belong to the title.
    for (; i < run.length; i++) {
      const word = (run[i] as Token).text;
      const bareWord = word.replace(POSSESSIVE, "");
      if (/^(?:The|A|An)$/.test(word) && i === 0) continue;
      if (ADDRESS_FORMS.has(word.replace(/\.$/, ""))) {
        honorific = true;
        continue;
      }
      const code = this.countries.codeOf(bareWord);
      if (code && titleWords.length === 0) {
        country = code;
        continue;
      }
      // "Secretary-General": every part a title word.
      if (bareWord.split("-").every((part) => TITLE_WORD_PATTERN.test(part))) {
        titleWords.push(bareWord);
        continue;
      }
      // An organization's acronym before a title: "UN Secretary-General", "CIA Director".
      const nextWord = run[i + 1]?.text ?? "";
      if (titleWords.length === 0 && /^[A-Z]{2,5}$/.test(word) && nextWord.split("-").every((part) => TITLE_WORD_PATTERN.test(part))) continue;
      break;
    }
    let name = run.slice(i);
    const last = name.at(-1);
    if (last && POSSESSIVE.test(last.text)) name = [...name.slice(0, -1), { ...last, text: last.text.replace(POSSESSIVE, ""), end: last.end - 2 }];
    let role = titleWords.some((w) => w.split("-").some((part) => TITLE_HEAD_PATTERN.test(part))) ? titleCase(titleWords.join(" ")) : null;
    if (name.length === 0) return { name, role, country, honorific };
    const before = sentence.text.slice(0, (run[0] as Token).start);
    // A lowercase title before the name: "led by ambassador Jane Roe", "Iran's special envoy for Syria, Jane Roe".
    const lower = new RegExp(
      `(?:\\b([\\p{Lu}][\\p{L}.]*)(?:['’]s)?\\s+)?\\b(${TITLE_PHRASE}(?:\\s+(?:for|on|of|to)\\s+(?:the\\s+)?[\\p{Lu}][\\p{L}-]*)?),?\\s+$`,
      "u",
    ).exec(before);
    if (!role && lower?.[2] && i === 0) {
      role = titleCase(lower[2]);
      country ??= lower[1] ? this.countries.codeOf(lower[1]) : null;
    }
    // A country just before: "Kazakhstan's President Kassym-Jomart Tokayev".
    const owner = /([\p{Lu}][\p{L}.]*)['’]s\s+$/u.exec(before);
    country ??= owner?.[1] ? this.countries.codeOf(owner[1]) : null;
    // A country just after: "Deputy Foreign Minister Jane Roe of Oman".
    const of = /^\s+of\s+(?:the\s+)?([\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+)?)/u.exec(sentence.text.slice((name.at(-1) as Token).end));
    country ??= of?.[1] ? this.countries.codeOf(of[1]) : null;
    // A title in apposition: "Jane Roe, Oman's special envoy for Yemen, said".
    const after = sentence.text.slice((name.at(-1) as Token).end);
    const appositive = new RegExp(
      `^,\\s+(?:[Tt]he\\s+)?(?:([\\p{Lu}][\\p{L}.]*(?:\\s[\\p{Lu}][\\p{L}]*)?)['’]s\\s+)?(${TITLE_PHRASE}(?:\\s+(?:of|on|for)\\s+(?:the\\s+)?[\\p{Lu}][\\p{L}-]*(?:\\s+[\\p{Lu}][\\p{L}-]*)*)?)\\s*[,.;]`,
      "u",
    ).exec(after);
    if (!role && appositive?.[2]) {
      role = titleCase(appositive[2]);
      country ??= appositive[1] ? this.countries.codeOf(appositive[1]) : null;
    }
    return { name, role, country, honorific };
  }

  private toMention(name: Token[], role: string | null, country: string | null, sentence: Sentence, honorific = false): PersonFound | null {
    const words = name.map((t) => t.text);
    if (words.some((w) => NEVER_IN_NAME.has(w) || this.places.has(w) || this.countries.codeOf(w) || TITLE_WORD_PATTERN.test(w) || /\d/.test(w))) return null;
    const written = words.join(" ");
    const start = sentence.start + (name[0] as Token).start;
    const end = sentence.start + (name.at(-1) as Token).end;
    const known = this.byFold.get(foldPersonName(written));
    if (known) return { name: known.name, written, role, country: country ?? known.country, start, end, sentence };
    // A known name at the end of a longer run: "Minister of Mines and Petroleum X Y", "Mawlawi X Y Z".
    for (let k = 1; k <= name.length - 2; k++) {
      const tail = name.slice(k);
      const person = this.byFold.get(foldPersonName(tail.map((t) => t.text).join(" ")));
      if (!person) continue;
      const from = sentence.start + (tail[0] as Token).start;
      return { name: person.name, written: tail.map((t) => t.text).join(" "), role, country: country ?? person.country, start: from, end, sentence };
    }
    if (name.length < 2 || name.length > 4) return null;
    const before = sentence.text.slice(0, (name[0] as Token).start);
    const after = sentence.text.slice((name.at(-1) as Token).end);
    // An unknown name counts when a title, "led by" or a speech verb says it is a person.
    if (role === null && !honorific && !LED_BY.test(before) && !SPEECH_AFTER.test(after) && !SPEECH_BEFORE.test(before) && !REPRESENTED.test(after)) return null;
    return { name: written, written, role, country, start, end, sentence };
  }
}
