export { extractArticle } from "./_extract.ts";
export type { ArticleContext } from "./_context.ts";
// The tagger alone (the Doc's tokens with their parts of speech): what no extraction with a real tagger can beat,
// measured beside whole builds by the pipeline's bench.
export { tokenize as tagText } from "./doc/_tokens.ts";
