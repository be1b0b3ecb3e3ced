export { extractQuotes } from "./_baseline.ts";
