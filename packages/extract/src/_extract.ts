import type { Article, ArticleExtraction } from "@parley/model";
import type { Registry } from "@parley/registry";
import type { ArticleContext } from "./_context.ts";
import { extractQuotes } from "./quotes/index.ts";
import { extractMeetings, extractPeople, linkQuotesToMeetings } from "./meetings/index.ts";

/** Reads one article: a pure function of the article and the registry. */
export function extractArticle(article: Article, registry: Registry): ArticleExtraction {
  const ctx: ArticleContext = { article, registry };
  const { meetings, review } = extractMeetings(ctx);
  const quotes = linkQuotesToMeetings(extractQuotes(ctx), meetings, ctx);
  // A row held back is never dropped silently: it goes to build/review.csv, and the build summary says so.
  const warnings = review.map((r) => `${r.summary} held for review (confidence ${r.confidence}: ${r.reason})`);
  return { source_id: article.source_id, people: extractPeople(ctx), quotes, meetings, warnings, ...(review.length > 0 ? { review } : {}) };
}
