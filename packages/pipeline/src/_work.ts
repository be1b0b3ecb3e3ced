import type { Article } from "@parley/model";
import { loadRegistry, type Registry } from "@parley/registry";
import { type ArticleOutcome, extractStage, readArticle } from "./_article.ts";

/** One unit of per-article work: a source file's bytes (ingest and extract), or an article already ingested. */
export type ArticleJob = { file: string; bytes: Uint8Array } | { article: Article };

/** A batch of per-article jobs for a worker, with the registry folder they read. */
export interface ArticleBatch {
  registryDir: string;
  jobs: readonly ArticleJob[];
}

let loaded: { dir: string; registry: Registry } | null = null;

/** Runs a batch of per-article jobs in a worker; the registry (and the extractor's word lists) load once a worker. */
export function extractBatch({ registryDir, jobs }: ArticleBatch): ArticleOutcome[] {
  if (loaded?.dir !== registryDir) loaded = { dir: registryDir, registry: loadRegistry(registryDir) };
  const { registry } = loaded;
  return jobs.map((job) => runJob(job, registry));
}

export function runJob(job: ArticleJob, registry: Registry): ArticleOutcome {
  return "article" in job
    ? { record: extractStage(job.article, registry) }
    : readArticle(job.file, job.bytes, registry);
}
