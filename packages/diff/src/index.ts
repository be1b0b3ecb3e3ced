export { diffDatasets, isEmptyDiff, type DatasetDiff, type TableDiff, type ChangedRecord } from "./_diff.ts";
