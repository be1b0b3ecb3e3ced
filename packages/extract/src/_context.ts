import type { Article } from "@parley/model";
import type { Registry } from "@parley/registry";

/** What every extraction rule may read: the article and the curated registry. */
export interface ArticleContext {
  article: Article;
  registry: Registry;
}
