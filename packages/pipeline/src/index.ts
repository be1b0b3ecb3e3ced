export {
  STAGES,
  STAGE_NAMES,
  type StageName,
  type Changes,
  curate,
  checkDataset,
  readPublishedDataset,
  publishWithChanges,
  changesBetween,
} from "./_stages.ts";
export { buildDataset, listSourceFiles, type BuildOptions, type BuildResult, type BuildStats } from "./_run.ts";
export { buildAndPublish, type PublishBuildOptions, type PublishedBuild } from "./_publish.ts";
export { runStage, type StageContext } from "./_turbo.ts";
export { type BuildSummary, summarize, formatSummary } from "./_summary.ts";
export type { ArticleRecord, ArticleSummary } from "./_article.ts";
export { progress, type Progress } from "./_progress.ts";
export { defaultCacheDir } from "./_cache.ts";
