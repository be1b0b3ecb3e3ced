export { renderDataset } from "./_render.ts";
export { isRunning, publishDataset, recoverInterruptedSwap, ValidationFailed, writeNewFile, type PublishOptions } from "./_publish.ts";
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
