import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, parse } from "node:path";
import { fileURLToPath } from "node:url";
import { foldText, jaccard, words, type Article, type QuoteMention } from "@parley/model";
import { ingestSource } from "@parley/ingest";
import { loadRegistry, type Registry } from "@parley/registry";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");
export const SOURCES = join(ROOT, "pipelines/moscow-format/sources");
export const registry: Registry = loadRegistry(join(ROOT, "pipelines/registry"));

export interface GoldQuote {
  text: string;
  speaker: string;
  speaker_kind: "person" | "role" | "group";
  alt_speakers: string[];
  sources: string[];
  optional: boolean;
}
interface Gold {
  people: { name: string; aliases: string[] }[];
  quotes: GoldQuote[];
  must_not_quote: string[];
}
export const gold = JSON.parse(
  readFileSync(join(ROOT, "pipelines/moscow-format/gold/seeds.gold.json"), "utf8"),
) as Gold;

/** An article made from plain text, for tests of single sentences and whole wire stories. */
export function textArticle(text: string, sourceId = "wire"): Article {
  return {
    source_id: sourceId,
    file: `${sourceId}.md`,
    title: sourceId,
    publisher: "wire",
    url: null,
    published: "2025-10",
    language: "en",
    title_is_headline: true,
    unknown_fields: [],
    retrieved: null,
    text,
    sha256: "0".repeat(64),
    body_line: 1,
    removed: [],
  };
}

/** The seed articles as the pipeline reads them (front matter parsed, boilerplate blanked). */
export function seedArticles(): Article[] {
  return readdirSync(SOURCES)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .sort()
    .map((f) => ingestSource(join(SOURCES, f), readFileSync(join(SOURCES, f)), registry));
}

/** The gold matching rule: folded texts where one contains the other, or word Jaccard ≥ 0.8. */
export function sameQuote(a: string, b: string): boolean {
  const fa = foldText(a);
  const fb = foldText(b);
  return fa.includes(fb) || fb.includes(fa) || jaccard(words(a), words(b)) >= 0.8;
}

const foldName = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .replace(/\b\p{L}\.\s*/gu, "")
    .replace(/^(the|a|an)\s+/, "")
    .replace(/[^\p{L}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

/** A system speaker matches the gold speaker by name, registry-style alias or an accepted alternative. */
export function sameSpeaker(system: string, quote: GoldQuote): boolean {
  const person = gold.people.find((p) => p.name === quote.speaker);
  const accepted = [quote.speaker, ...(person?.aliases ?? []), ...quote.alt_speakers].map(foldName);
  return accepted.includes(foldName(system));
}

export const goldFor = (sourceId: string): GoldQuote[] =>
  gold.quotes.filter((q) => q.sources.some((s) => parse(s).name === sourceId));

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  speakerRight: number;
  speakerTotal: number;
  wrong: string[];
}

/** Scores one article's quotes against gold: required quotes only; a quote matching an optional one is neutral. */
export function score(quotes: readonly QuoteMention[], goldQuotes: readonly GoldQuote[]): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, speakerRight: 0, speakerTotal: 0, wrong: [] };
  for (const q of quotes) {
    const match = goldQuotes.find((g) => sameQuote(q.text, g.text));
    if (!match) {
      s.fp++;
      s.wrong.push(`extra: ${q.text}`);
    } else if (!match.optional) {
      s.tp++;
      if (match.speaker_kind === "person") {
        s.speakerTotal++;
        if (sameSpeaker(q.speaker.name, match)) s.speakerRight++;
        else s.wrong.push(`speaker ${q.speaker.name} ≠ ${match.speaker}: ${q.text}`);
      }
    }
  }
  for (const g of goldQuotes) {
    if (!g.optional && !quotes.some((q) => sameQuote(q.text, g.text))) {
      s.fn++;
      s.wrong.push(`missed: ${g.text}`);
    }
  }
  return s;
}

export function f1(s: Pick<Score, "tp" | "fp" | "fn">): { precision: number; recall: number; f1: number } {
  const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
