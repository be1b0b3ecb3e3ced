export { normalizeCollection } from "./_normalize.ts";
export { PeopleIndex, foldName } from "./_people.ts";
export { quotesMatch, quoteKey, datesAgree, clusterWithinBlocks } from "./_merge.ts";
