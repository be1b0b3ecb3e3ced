import { type Article, type ArticleExtraction, astralPairs, InputError, type Problem } from "@parley/model";
import type { Registry } from "@parley/registry";
import { ingestSource } from "@parley/ingest";
import { extractArticle } from "@parley/extract";
import { excerptsOf } from "@parley/normalize";

/**
 * What one source file gives the merge: the article without its text, the extraction, the pieces of text the
 * evidence and quotes cite, and where the text has astral characters (for offsets in code points). A pure function
 * of the file's name and bytes, the registry and the code: what the cache keeps.
 */
export interface ArticleRecord {
  source: Omit<Article, "text"> & { excerpts: Record<string, string>; astral: number[] };
  extraction: ArticleExtraction;
}

/** What a build reports of an article once merged: its metadata and what was found, not the mentions themselves. */
export interface ArticleSummary {
  source: Omit<Article, "text">;
  quotes: number;
  meetings: number;
  /** Rows extraction held back for a person to review. */
  held: number;
  warnings: string[];
}

/** An article's summary (the merge no longer needs its mentions and cited sentences). */
export function summaryOf({ source, extraction }: ArticleRecord): ArticleSummary {
  const { excerpts: _excerpts, astral: _astral, ...meta } = source;
  return {
    source: meta,
    quotes: extraction.quotes.length,
    meetings: extraction.meetings.length,
    held: extraction.review?.length ?? 0,
    warnings: extraction.warnings,
  };
}

/** A source file read and extracted, or the problems that stop it. */
export type ArticleOutcome = { record: ArticleRecord } | { problems: Problem[] };

/** The ingest stage's function: a source file's bytes to an article (front matter, text, boilerplate removed). */
export const ingestStage = (file: string, bytes: Uint8Array, registry: Registry): Article =>
  ingestSource(file, bytes, registry);

/** The extract stage's function: an article to its record. */
export const extractStage = (article: Article, registry: Registry): ArticleRecord =>
  recordOf(article, extractArticle(article, registry));

/** Both per-article stages on one source file (what a worker runs); an input mistake is returned, not thrown. */
export function readArticle(file: string, bytes: Uint8Array, registry: Registry): ArticleOutcome {
  let article: Article;
  try {
    article = ingestStage(file, bytes, registry);
  } catch (err) {
    if (err instanceof InputError) return { problems: err.problems };
    throw err;
  }
  return { record: extractStage(article, registry) };
}

/** The record of an article already ingested and extracted. */
export function recordOf(article: Article, extraction: ArticleExtraction): ArticleRecord {
  const { text, ...source } = article;
  return { source: { ...source, excerpts: excerptsOf(text, extraction), astral: astralPairs(text) }, extraction };
}
