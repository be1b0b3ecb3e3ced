export { extractArticle } from "./_extract.ts";
export type { ArticleContext } from "./_context.ts";
