import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

// General English for reading attributions in news (../../lexicon/attribution.yaml): speech verbs, titles, role and
// group nouns. The lists are data; the quote rules read each one as a set.

const List = z.array(z.string().min(1));
const QuoteWords = z.strictObject({
  speech_verbs: List,
  verb_fillers: List,
  title_heads: List,
  title_words: List,
  role_nouns: List,
  group_nouns: List,
  boundary_words: List,
  not_name_words: List,
  news_outlets: List,
  subject_pronouns: List,
  intro_openers: List,
  title_abbreviations: z.record(z.string(), z.string()),
  gendered_words: z.strictObject({ female: List, male: List }),
});

const FILE = "packages/extract/lexicon/attribution.yaml";
const parsed = QuoteWords.safeParse(
  parse(readFileSync(new URL("../../lexicon/attribution.yaml", import.meta.url), "utf8")),
);
if (!parsed.success)
  throw new Error(`${FILE}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
const raw = parsed.data;

/** Verbs that introduce what someone said or meant, in the forms news writing uses. */
export const SPEECH_VERBS = new Set(raw.speech_verbs);
/** Auxiliaries and adverbs that sit between a speaker and the speech verb ("Rubio had publicly stated"). */
export const VERB_FILLERS = new Set(raw.verb_fillers);
/** Personal titles that come before a name ("Foreign Minister", "Ambassador", "Mr."). Lowercase forms. */
export const TITLE_HEADS = new Set(raw.title_heads);
/** Words that may stand inside a title ("Deputy Foreign Minister", "Secretary of State"). Lowercase forms. */
export const TITLE_WORDS = new Set(raw.title_words);
/** Short forms of titles for a person named before ("the Russian FM said"): the title word they stand for. */
export const TITLE_ABBREVIATIONS = new Map(Object.entries(raw.title_abbreviations));
/** Nouns naming a single speaker by role ("a Kremlin spokesman", "the minister"). */
export const ROLE_NOUNS = new Set(raw.role_nouns);
/** Nouns naming a collective speaker ("the member states", "the Chinese delegation"). */
export const GROUP_NOUNS = new Set(raw.group_nouns);
/** Words that open a clause or phrase: a speaker's name never runs across them. */
export const BOUNDARY_WORDS = new Set(raw.boundary_words);
/** Capitalized words that are never part of a personal name. */
export const NOT_NAME_WORDS = new Set(raw.not_name_words);
/** Wire agencies and broadcasters that report what others said ("Reuters reported"). */
export const NEWS_OUTLETS = new Set(raw.news_outlets);
export const SUBJECT_PRONOUNS = new Set(raw.subject_pronouns);
/** Words that open an introductory phrase ("On …,", "For his part,"): the boundary words and these. */
export const INTRO_OPENERS = new Set([...raw.boundary_words, ...raw.intro_openers]);

/** Role words and honorifics that tell a person's gender ("spokeswoman", "Mr"). Lowercase forms. */
export const GENDERED_WORDS = { female: new Set(raw.gendered_words.female), male: new Set(raw.gendered_words.male) };
