import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { type Article, type Dataset, InputError, type Problem, inputError } from "@parley/model";
import { loadRegistry, type Registry } from "@parley/registry";
import { MAX_SOURCE_BYTES } from "@parley/ingest";
import { type ArticleRecord, type ArticleSummary, summaryOf } from "./_article.ts";
import { ArticleCache } from "./_cache.ts";
import { extractorFingerprint, mergeFingerprint, registryFingerprint } from "./_fingerprint.ts";
import { openPool, workerCount } from "./_pool.ts";
import { progress } from "./_progress.ts";
import { STAGES } from "./_stages.ts";
import type { ArticleJob } from "./_work.ts";

/** Source files of a folder: Markdown articles, in name order; README.md documents the folder. */
export function listSourceFiles(dir: string): string[] {
  if (!existsSync(dir))
    throw inputError(dir, null, "the sources folder does not exist", "pass a folder of .md source files");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name) && e.name.toLowerCase() !== "readme.md")
    .map((e) => join(dir, e.name))
    .sort();
}

export interface BuildOptions {
  sourcesDir: string;
  /** The source files to read, in place of every file of `sourcesDir`. */
  files?: readonly string[];
  registryDir: string;
  /** The collection's curation file, applied after the merge. */
  curationFile?: string;
  /** Where per-article results are kept between builds; null for none. */
  cacheDir: string | null;
  /** Worker threads for the per-article stages (0: this thread); by default one a core when there is enough work. */
  workers?: number;
  /** Where progress goes (default stderr). */
  stream?: NodeJS.WriteStream;
}

export interface BuildStats {
  articles: number;
  /** Articles whose extraction was read from the cache, and those extracted in this build. */
  cached: number;
  extracted: number;
  workers: number;
}

export interface BuildResult {
  /** Every article's metadata and counts, in source ID order. */
  articles: ArticleSummary[];
  dataset: Dataset;
  /** Curated corrections that matched nothing, as `file:line: message` warnings. */
  curationWarnings: string[];
  stats: BuildStats;
  /** A hash of everything the dataset is a function of: the same value means the same dataset. */
  fingerprint: string;
}

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

// Articles a worker gets at once (fewer messages), and batches in flight a worker (bounded memory).
const BATCH = 16;
const IN_FLIGHT_PER_WORKER = 3;

interface SourceFile {
  file: string;
  key: string;
  stamp: [number, number, string];
}

/** Stats and hashes every source file (reading only those the stat index has not seen as they are). */
function identifySources(
  files: readonly string[],
  basis: string,
  cache: ArticleCache | null,
  problems: Problem[],
  stream?: NodeJS.WriteStream,
): SourceFile[] {
  const bar = progress("ingest", files.length, stream);
  const sources: SourceFile[] = [];
  for (const file of files) {
    bar.tick();
    const { size, mtimeMs } = statSync(file);
    if (size > MAX_SOURCE_BYTES) {
      problems.push({
        file,
        line: null,
        message: `the file has ${size} bytes, more than one article may have`,
        fix: "add one article per file",
        severity: "error",
      });
      continue;
    }
    const bytesHash = cache?.knownHash(file, size, mtimeMs) ?? sha256(readFileSync(file));
    sources.push({ file, key: articleKey(basis, basename(file), bytesHash), stamp: [size, mtimeMs, bytesHash] });
  }
  bar.done(`${sources.length} source file(s) found`);
  return sources;
}

/** Problems of a set of articles as a whole: two files with one source ID, or with the same article text. */
export function crossArticleProblems(
  sources: ReadonlyArray<Pick<Article, "source_id" | "file" | "sha256">>,
): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, string>();
  const bySha = new Map<string, string>();
  for (const source of sources) {
    const sameId = byId.get(source.source_id);
    if (sameId) {
      problems.push({
        file: source.file,
        line: null,
        message: `same source ID '${source.source_id}' as ${sameId}`,
        fix: "rename one of the two files",
        severity: "error",
      });
      continue;
    }
    byId.set(source.source_id, source.file);
    const twin = bySha.get(source.sha256);
    if (twin) {
      problems.push({
        file: source.file,
        line: null,
        message: `same article text as ${twin}`,
        fix: "remove one of the two files",
        severity: "error",
      });
      continue;
    }
    bySha.set(source.sha256, source.file);
  }
  return problems;
}

/** One article's per-article work: what identifies its result, and how to start the work when it is not cached. */
interface ArticleTask {
  file: string;
  key: string;
  job: () => ArticleJob;
}

interface ArticleRun {
  /** Records in the order of the tasks; problems of the tasks that failed, in the same order. */
  records: ArticleRecord[];
  problems: Problem[];
  cached: number;
  extracted: number;
  workers: number;
}

/**
 * The per-article stages for many articles: a cache read for each whose key is cached, the others in a worker pool,
 * streamed (batches read, extracted and appended to the cache as they go, a bounded number in flight).
 */
async function runArticles(
  tasks: readonly ArticleTask[],
  options: BuildOptions,
  registry: Registry,
  cache: ArticleCache | null,
): Promise<ArticleRun> {
  const byFile = new Map<string, ArticleRecord>();
  const problemsOf = new Map<string, Problem[]>();
  const hits = cache?.lookup<ArticleRecord>(new Set(tasks.map((t) => t.key))) ?? new Map<string, ArticleRecord>();
  const misses = tasks.filter((t) => !hits.has(t.key));
  for (const t of tasks) {
    const hit = hits.get(t.key);
    // The cache keeps no path (the same bytes under the same name elsewhere are the same article).
    if (hit) byFile.set(t.file, { ...hit, source: { ...hit.source, file: t.file } });
  }
  hits.clear();

  const pool = openPool(workerCount(misses.length, options.workers), options.registryDir, registry);
  const bar = progress("extract", misses.length, options.stream);
  try {
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; i < misses.length; i += BATCH) {
      const batch = misses.slice(i, i + BATCH);
      const done = pool.run(batch.map((t) => t.job())).then((outcomes) => {
        outcomes.forEach((outcome, j) => {
          const t = batch[j] as ArticleTask;
          if ("problems" in outcome) problemsOf.set(t.file, outcome.problems);
          else {
            const { file: _file, ...source } = outcome.record.source;
            cache?.put(t.key, { ...outcome.record, source });
            byFile.set(t.file, outcome.record);
          }
        });
        bar.tick(batch.length);
      });
      const tracked = done.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= Math.max(1, pool.workers) * IN_FLIGHT_PER_WORKER) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } catch (err) {
    cache?.abandon();
    throw err;
  } finally {
    await pool.close();
  }
  // Results in task order, whatever order the workers finished in.
  const records: ArticleRecord[] = [];
  const problems: Problem[] = [];
  for (const t of tasks) {
    const record = byFile.get(t.file);
    if (record) records.push(record);
    else problems.push(...(problemsOf.get(t.file) ?? []));
  }
  // Whatever was extracted is valid whether or not the build goes on: kept for the next run.
  cache?.commit(new Set(tasks.map((t) => t.key)));
  const quotes = records.reduce((n, r) => n + r.extraction.quotes.length, 0);
  const meetings = records.reduce((n, r) => n + r.extraction.meetings.length, 0);
  bar.done(
    `${quotes} quote(s), ${meetings} meeting mention(s) (${records.length - misses.length} from the cache, ${misses.length} extracted)`,
  );
  return { records, problems, cached: tasks.length - misses.length, extracted: misses.length, workers: pool.workers };
}

const bySourceId = (a: ArticleRecord, b: ArticleRecord): number =>
  a.source.source_id < b.source.source_id ? -1 : a.source.source_id > b.source.source_id ? 1 : 0;

/** The key of a per-article result: the code and registry (`basis`), then what the article is read from. */
export const articleKey = (basis: string, ...parts: Array<string | Uint8Array>): string => {
  const hash = createHash("sha256").update(basis);
  for (const part of parts) hash.update("\0").update(part);
  return hash.digest("hex");
};

/** The code and registry a per-article result is a function of. */
export const articleBasis = (registryDir: string): string =>
  sha256(`${extractorFingerprint()}\0${registryFingerprint(registryDir)}`);

/**
 * The runner: the per-article stages (ingest, extract) for every source file, each article a cache read when its
 * bytes, the registry and the extractor are unchanged, the others in a worker pool; then the merge (normalize with
 * curation) once. All problems of all files are reported together, in file order, and nothing is built when there
 * is one.
 */
export async function buildDataset(options: BuildOptions): Promise<BuildResult> {
  return (await buildUnlessUnchanged(options, () => false)) as BuildResult;
}

/**
 * `buildDataset`, calling `unchanged` with the build's fingerprint once every source is identified, before any work:
 * when it returns true (the result would be a dataset already published) the build stops there and returns null.
 */
export async function buildUnlessUnchanged(
  options: BuildOptions,
  unchanged: (fingerprint: string) => boolean,
): Promise<BuildResult | null> {
  const registry: Registry = loadRegistry(options.registryDir);
  const basis = articleBasis(options.registryDir);
  const files = options.files ?? listSourceFiles(options.sourcesDir);
  const cache = options.cacheDir === null ? null : new ArticleCache(options.cacheDir);
  const problems: Problem[] = [];
  const sources = identifySources(files, basis, cache, problems, options.stream);
  const curationText =
    options.curationFile !== undefined && existsSync(options.curationFile)
      ? readFileSync(options.curationFile, "utf8")
      : "";
  const fingerprint = sha256(
    [basis, mergeFingerprint(), curationText, ...sources.map((s) => `${s.file}\0${s.key}`)].join("\0"),
  );
  if (problems.length === 0 && unchanged(fingerprint)) {
    cache?.saveFileIndex(Object.fromEntries(sources.map((s) => [s.file, s.stamp])));
    return null;
  }
  const run = await runArticles(
    sources.map((s) => ({ file: s.file, key: s.key, job: () => ({ file: s.file, bytes: readFileSync(s.file) }) })),
    options,
    registry,
    cache,
  );
  cache?.saveFileIndex(Object.fromEntries(sources.map((s) => [s.file, s.stamp])));
  problems.push(...run.problems, ...crossArticleProblems(run.records.map((r) => r.source)));
  if (problems.length > 0) throw new InputError(sortByFile(problems, files));
  if (run.records.length === 0)
    throw inputError(files[0] ?? options.sourcesDir, null, "no source articles found", "add .md source files");

  const records = run.records.sort(bySourceId);
  const { dataset, curationWarnings } = STAGES.normalize.run(records, registry, options.curationFile);
  // The mentions and cited sentences are in the dataset now: what is left of each article is a summary.
  const articles = records.map(summaryOf);
  records.length = 0;
  return {
    articles,
    dataset,
    curationWarnings,
    stats: { articles: articles.length, cached: run.cached, extracted: run.extracted, workers: run.workers },
    fingerprint,
  };
}

/** The extract stage alone (a Turbo task): articles an ingest stage wrote, each through the cache and the pool. */
export async function extractArticles(
  articles: ReadonlyArray<{ article: Article; json: string }>,
  options: Omit<BuildOptions, "sourcesDir">,
): Promise<ArticleRecord[]> {
  const registry = loadRegistry(options.registryDir);
  const basis = articleBasis(options.registryDir);
  const cache = options.cacheDir === null ? null : new ArticleCache(options.cacheDir);
  const run = await runArticles(
    articles.map(({ article, json }) => ({
      file: article.file,
      key: articleKey(basis, "article", json),
      job: () => ({ article }),
    })),
    { ...options, sourcesDir: "" },
    registry,
    cache,
  );
  if (run.problems.length > 0) throw new InputError(run.problems);
  return run.records.sort(bySourceId);
}

export function sortByFile(problems: Problem[], files: readonly string[]): Problem[] {
  const order = new Map(files.map((f, i) => [f, i]));
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (order.get(a.p.file) ?? -1) - (order.get(b.p.file) ?? -1) || a.i - b.i)
    .map(({ p }) => p);
}
