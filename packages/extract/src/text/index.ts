export { tokenize, type Token } from "./_tokens.ts";
export { paragraphs, sentences, unwrapLines, type Sentence } from "../doc/_sentences.ts";
export * from "./_lexicon.ts";
export { escapeRegExp } from "./_patterns.ts";
