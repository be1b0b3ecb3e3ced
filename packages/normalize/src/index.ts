export { normalizeCollection, excerptsOf, excerptKey, type SourceArticle } from "./_normalize.ts";
export { PeopleIndex } from "./_people.ts";
export { datesAgree, clusterWithinBlocks } from "./_merge.ts";
export {
  parseCuration,
  applyCuration,
  renameIds,
  tableOfId,
  retirementsOf,
  Correction,
  type Curation,
  type CurationEntry,
  type CurationResult,
  type Retirement,
} from "./_curation.ts";
export { roleKeyOf, institutionCountry, reportedRole } from "./_roles.ts";
