export { renderDataset, renderTable, renderTableFiles } from "./_render.ts";
export { renderReview, REVIEW_FILE, type ReviewRow } from "./_review.ts";
export {
  isRunning,
  publishDataset,
  recoverInterruptedSwap,
  ValidationFailed,
  writeNewFile,
  type PublishOptions,
} from "./_publish.ts";
export {
  datasetTargetProblem,
  foreignEntries,
  listEntries,
  MARKER_FILE,
  overlapProblem,
  readTarget,
  refuseUnsafeTarget,
  type FolderEntry,
  type Guarded,
  type Marker,
  type MarkerFields,
  type TargetState,
} from "./_target.ts";
