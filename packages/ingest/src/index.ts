export { ingestSource, decodeSource, sourceIdOf, findPublisher, MAX_BODY_CHARS } from "./_ingest.ts";
export { splitFrontMatter } from "./_front-matter.ts";
export { findBoilerplate, blankOut } from "./_boilerplate.ts";
