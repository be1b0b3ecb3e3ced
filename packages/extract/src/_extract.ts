import type { Article, ArticleExtraction } from "@parley/model";
import type { Registry } from "@parley/registry";
import type { ArticleContext } from "./_context.ts";
import { extractQuotes } from "./quotes/index.ts";
import { extractMeetings, extractPeople, linkQuotesToMeetings } from "./meetings/index.ts";
import { readDocument } from "./doc/_document.ts";
import { describeQuote } from "./quotes/_kind.ts";
import { reportMeetingParticipation } from "./meetings/_participation.ts";

/** Reads one article: a pure function of the article and the registry. */
export function extractArticle(article: Article, registry: Registry): ArticleExtraction {
  const ctx: ArticleContext = { article, registry };
  const doc = readDocument(article, registry);
  const found = extractMeetings(ctx);
  const meetings = reportMeetingParticipation(doc, found.meetings);
  const quotes = linkQuotesToMeetings(extractQuotes(ctx), meetings, ctx).map((q) => describeQuote(doc, q));
  const warnings =
    article.published === null
      ? ["the publication date is unknown: relative dates in the text ('Tuesday', 'last week') stay unresolved"]
      : [];
  // A row held back is never dropped silently: it goes to build/review.csv, and the build summary says so.
  warnings.push(...found.review.map((r) => `${r.summary} held for review (confidence ${r.confidence}: ${r.reason})`));
  return {
    source_id: article.source_id,
    people: extractPeople(ctx),
    quotes,
    meetings,
    warnings,
    ...(found.review.length > 0 ? { review: found.review } : {}),
  };
}
