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
  const meetings = reportMeetingParticipation(doc, extractMeetings(ctx));
  const quotes = linkQuotesToMeetings(extractQuotes(ctx), meetings, ctx).map((q) => describeQuote(doc, q));
  const warnings = article.published === null ? ["the publication date is unknown: relative dates in the text ('Tuesday', 'last week') stay unresolved"] : [];
  return { source_id: article.source_id, people: extractPeople(ctx), quotes, meetings, warnings };
}
