export { normalizeCollection, excerptsOf, excerptKey, type SourceArticle } from "./_normalize.ts";
export { PeopleIndex, foldName } from "./_people.ts";
export { quotesMatch, quoteKey, datesAgree, clusterWithinBlocks } from "./_merge.ts";
export { parseCuration, applyCuration, renameIds, tableOfId, Correction, type Curation, type CurationEntry, type CurationResult } from "./_curation.ts";
