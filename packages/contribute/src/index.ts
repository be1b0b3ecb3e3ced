export { readHtmlArticle, readPlainArticle, decodeHtml, looksLikeHtml, type ArticleDraft } from "./_html.ts";
export { readPageMetadata, normalizeDate, normalizeHttpUrl, type PageMetadata } from "./_metadata.ts";
export {
  renderSourceFile,
  sourceFileName,
  normalizeBody,
  MISSING,
  FIELD_ORDER,
  type SourceFields,
} from "./_source-file.ts";
export {
  findDuplicate,
  identifySource,
  normalizeUrl,
  textFingerprint,
  textSimilarity,
  type Duplicate,
  type SourceIdentity,
} from "./_duplicates.ts";
export {
  checkSourceFile,
  checkCitation,
  checkFrontMatter,
  checkDuplicates,
  checkNearDuplicates,
  NEAR_DUPLICATE,
  checkStrayFiles,
  buildWarnings,
  sortProblems,
  SUSPICIOUS_BODY_CHARS,
} from "./_check.ts";
export { renderChangeSummary, escapeMarkdown, excerpt, MAX_LISTED, type ChangeSummaryInput } from "./_summary.ts";
export { readSourceFolder, type SourceOnDisk } from "./_files.ts";
