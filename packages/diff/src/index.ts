export { diffDatasets, isEmptyDiff, keyOf, type DatasetDiff, type TableDiff, type ChangedRecord } from "./_diff.ts";
