export { extractQuotes } from "./_extract.ts";
