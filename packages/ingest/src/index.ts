export {
  ingestSource,
  decodeSource,
  sourceIdOf,
  checkSourceId,
  findPublisher,
  MAX_BODY_CHARS,
  MAX_SOURCE_BYTES,
  readSourceFile,
} from "./_ingest.ts";
export { splitFrontMatter } from "./_front-matter.ts";
export { findBoilerplate, blankOut } from "./_boilerplate.ts";
