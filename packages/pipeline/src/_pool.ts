import { availableParallelism } from "node:os";
import Tinypool from "tinypool";
import type { Registry } from "@parley/registry";
import type { ArticleOutcome } from "./_article.ts";
import { type ArticleBatch, type ArticleJob, runJob } from "./_work.ts";

/** Runs per-article jobs: in worker threads, or in this thread for small builds and tests. */
export interface ArticlePool {
  readonly workers: number;
  run(jobs: ArticleJob[]): Promise<ArticleOutcome[]>;
  close(): Promise<void>;
}

// Below this many articles to extract, starting workers (each loads the tagger and the gazetteer, about a second
// on a busy machine) costs more than it saves.
const WORKERS_FROM = 200;

/** How many workers to start for `jobs` articles: `requested` when given, else one a core when it pays. */
export function workerCount(jobs: number, requested?: number): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  return jobs < WORKERS_FROM ? 0 : availableParallelism();
}

export function openPool(workers: number, registryDir: string, registry: Registry): ArticlePool {
  if (workers === 0) {
    return { workers, run: async (jobs) => jobs.map((job) => runJob(job, registry)), close: async () => {} };
  }
  const pool = new Tinypool({
    filename: new URL("./_worker.mjs", import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    // Workers live as long as the build: each keeps its loaded registry, tagger and gazetteer.
    idleTimeout: 60_000,
  });
  return {
    workers,
    run: (jobs) => pool.run({ registryDir, jobs } satisfies ArticleBatch) as Promise<ArticleOutcome[]>,
    close: () => pool.destroy(),
  };
}
