import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import {
  type Article,
  type ArticleExtraction,
  type Dataset,
  type Problem,
  TABLE_NAMES,
  Article as ArticleSchema,
  ArticleExtraction as ArticleExtractionSchema,
  Dataset as DatasetSchema,
  InputError,
  formatProblem,
  inputError,
} from "@parley/model";
import { type Registry, loadRegistry } from "@parley/registry";
import { ingestSource, readSourceFile } from "@parley/ingest";
import { extractArticle } from "@parley/extract";
import { applyCuration, normalizeCollection, parseCuration } from "@parley/normalize";
import { type Assertions, validateTables, type TableRows } from "@parley/validate";
import { type PublishOptions, publishDataset, REVIEW_FILE, renderReview, ValidationFailed } from "@parley/export";
import { diffDatasets } from "@parley/diff";
import { keepPreviousIds, latestRelease } from "@parley/release";
import { progress } from "./_progress.ts";

/** Source files of a folder: Markdown articles, in name order; README.md documents the folder. */
export function listSourceFiles(dir: string): string[] {
  if (!existsSync(dir)) throw inputError(dir, null, "the sources folder does not exist", "pass a folder of .md source files");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name) && e.name.toLowerCase() !== "readme.md")
    .map((e) => join(dir, e.name))
    .sort();
}

/** Ingests every source file; all problems of all files are reported together. */
export function ingestAll(files: readonly string[], registry: Registry): Article[] {
  const problems: Problem[] = [];
  const articles: Article[] = [];
  const bySha = new Map<string, string>();
  // "a.md" and "a.markdown" would both be source "a".
  const byId = new Map<string, string>();
  const bar = progress("ingest", files.length);
  for (const file of files) {
    bar.tick(file);
    try {
      const article = ingestSource(file, readSourceFile(file), registry);
      const sameId = byId.get(article.source_id);
      if (sameId) {
        problems.push({ file, line: null, message: `same source ID '${article.source_id}' as ${sameId}`, fix: "rename one of the two files", severity: "error" });
        continue;
      }
      byId.set(article.source_id, file);
      const twin = bySha.get(article.sha256);
      if (twin) {
        problems.push({ file, line: null, message: `same article text as ${twin}`, fix: "remove one of the two files", severity: "error" });
        continue;
      }
      bySha.set(article.sha256, file);
      articles.push(article);
    } catch (err) {
      if (err instanceof InputError) problems.push(...err.problems);
      else throw err;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  if (articles.length === 0) throw inputError(files[0] ?? "sources", null, "no source articles found", "add .md source files");
  bar.done(`${articles.length} article(s) read`);
  return articles;
}

export function extractAll(articles: readonly Article[], registry: Registry): ArticleExtraction[] {
  const bar = progress("extract", articles.length);
  const extractions = articles.map((article) => {
    bar.tick(article.source_id);
    return extractArticle(article, registry);
  });
  const quotes = extractions.reduce((n, e) => n + e.quotes.length, 0);
  const meetings = extractions.reduce((n, e) => n + e.meetings.length, 0);
  bar.done(`${quotes} quote(s), ${meetings} meeting mention(s)`);
  return extractions;
}

export function checkDataset(dataset: Dataset, assertions: Assertions): void {
  const violations = validateTables(dataset as unknown as TableRows, assertions, (t) => `${t} (normalized)`);
  if (violations.length > 0) throw new ValidationFailed(violations);
}

export interface BuildResult {
  articles: Article[];
  extractions: ArticleExtraction[];
  dataset: Dataset;
  /** Curated corrections that matched nothing, as `file:line: message` warnings. */
  curationWarnings?: string[];
}

/** Applies a collection's curation file (when there is one) to the normalized dataset. */
export function curate(dataset: Dataset, curationFile: string | undefined): { dataset: Dataset; curationWarnings: string[] } {
  if (curationFile === undefined || !existsSync(curationFile)) return { dataset, curationWarnings: [] };
  const result = applyCuration(dataset, parseCuration(readFileSync(curationFile, "utf8"), curationFile));
  return { dataset: result.dataset, curationWarnings: result.unmatched.map(formatProblem) };
}

/** All stages in one process: used for `build --sources`, `eval` and tests. */
export function buildInProcess(sourcesDir: string, registryDir: string, curationFile?: string): BuildResult {
  const registry = loadRegistry(registryDir);
  const articles = ingestAll(listSourceFiles(sourcesDir), registry);
  const extractions = extractAll(articles, registry);
  return { articles, extractions, ...curate(normalizeCollection(articles, extractions, registry), curationFile) };
}

export interface BuildSummary {
  sources: number;
  /** Rows extraction found but did not publish (their warnings say which; build/review.csv lists them). */
  held_for_review?: number;
  /** Where a build that writes a build folder listed them. */
  review_file?: string;
  rows: Record<string, number>;
  boilerplate_chars_removed: number;
  warnings: string[];
  /** Rows added, removed and changed per table against the dataset that was there before; null on a first build. */
  changes?: Record<string, { added: number; removed: number; changed: number }> | null;
}

/** Reads the JSON tables of a published dataset folder, or null when there is none yet. */
export function readPublishedDataset(dir: string): Dataset | null {
  if (!TABLE_NAMES.every((t) => existsSync(join(dir, `${t}.json`)))) return null;
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, JSON.parse(readFileSync(join(dir, `${t}.json`), "utf8")) as unknown]));
  const parsed = DatasetSchema.safeParse(tables);
  return parsed.success ? parsed.data : null;
}

/** Publishes a dataset and returns what changed against the one it replaces. */
export function publishWithChanges(dataset: Dataset, destination: string, assertions: Assertions, options: PublishOptions): BuildSummary["changes"] {
  const previous = readPublishedDataset(destination);
  publishDataset(dataset, destination, assertions, options);
  if (previous === null) return null;
  const diff = diffDatasets(previous, dataset);
  return Object.fromEntries(
    TABLE_NAMES.map((t) => [t, { added: diff[t].added.length, removed: diff[t].removed.length, changed: diff[t].changed.length }]),
  );
}

export function summarize(result: Pick<BuildResult, "articles" | "extractions" | "dataset" | "curationWarnings">): BuildSummary {
  const warnings = result.extractions.flatMap((e) => e.warnings.map((w) => `${e.source_id}: ${w}`));
  warnings.push(...(result.curationWarnings ?? []));
  for (const e of result.extractions) {
    if (e.quotes.length === 0 && e.meetings.length === 0) warnings.push(`${e.source_id}: no quote and no meeting found`);
  }
  return {
    sources: result.articles.length,
    held_for_review: result.extractions.reduce((n, e) => n + (e.review?.length ?? 0), 0),
    rows: Object.fromEntries(TABLE_NAMES.map((t) => [t, result.dataset[t].length])),
    boilerplate_chars_removed: result.articles.reduce((n, a) => n + a.removed.reduce((m, r) => m + r.chars, 0), 0),
    warnings,
  };
}

export function formatSummary(summary: BuildSummary, destination: string): string {
  const rows = Object.entries(summary.rows)
    .map(([table, n]) => `  ${table.padEnd(10)} ${String(n).padStart(6)}`)
    .join("\n");
  const warnings = summary.warnings.length === 0 ? "  none" : summary.warnings.map((w) => `  - ${w}`).join("\n");
  const changes = summary.changes;
  const changeLines =
    changes === undefined
      ? []
      : changes === null
        ? ["Changes: first build of this dataset"]
        : [
            "Changes against the previous build:",
            ...Object.entries(changes).map(([t, c]) =>
              c.added + c.removed + c.changed === 0 ? `  ${t.padEnd(10)} unchanged` : `  ${t.padEnd(10)} +${c.added} -${c.removed} ~${c.changed}`,
            ),
          ];
  return [
    `Built ${destination}`,
    `  sources read: ${summary.sources} (boilerplate removed: ${summary.boilerplate_chars_removed} characters)`,
    "Rows per table:",
    rows,
    ...changeLines,
    ...(summary.held_for_review ? [`Held for review (not published; the text does not support them with confidence): ${summary.held_for_review} row(s), each in the warnings below${summary.review_file ? ` and in ${summary.review_file}` : ""}`] : []),
    `Warnings (${summary.warnings.length}):`,
    warnings,
  ].join("\n");
}

// ---- Stage files: each Turbo task reads the previous stage's folder and writes its own. ----

function writeJsonFolder(dir: string, entries: Array<[string, unknown]>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, value] of entries) writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(value, null, 1)}\n`);
}

function readJsonFolder<T>(dir: string, parse: (value: unknown) => T, stage: string): T[] {
  if (!existsSync(dir)) throw inputError(dir, null, `the ${stage} stage has not run`, `run 'pnpm parley build'`);
  return readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((n) => parse(JSON.parse(readFileSync(join(dir, n), "utf8"))));
}

export const stageDir = (buildDir: string, stage: string): string => join(buildDir, stage);

export function runIngestStage(sourcesDir: string, registryDir: string, buildDir: string): void {
  const articles = ingestAll(listSourceFiles(sourcesDir), loadRegistry(registryDir));
  writeJsonFolder(stageDir(buildDir, "ingest"), articles.map((a) => [a.source_id, a]));
}

export function runExtractStage(registryDir: string, buildDir: string): void {
  const articles = readJsonFolder(stageDir(buildDir, "ingest"), (v) => ArticleSchema.parse(v), "ingest");
  const extractions = extractAll(articles, loadRegistry(registryDir));
  writeJsonFolder(stageDir(buildDir, "extract"), extractions.map((e) => [e.source_id, e]));
}

// The collection's curation.yaml sits beside its build folder.
export function runNormalizeStage(registryDir: string, buildDir: string, curationFile = join(dirname(buildDir), "curation.yaml")): void {
  const articles = readJsonFolder(stageDir(buildDir, "ingest"), (v) => ArticleSchema.parse(v), "ingest");
  const extractions = readJsonFolder(stageDir(buildDir, "extract"), (v) => ArticleExtractionSchema.parse(v), "extract");
  const { dataset, curationWarnings } = curate(normalizeCollection(articles, extractions, loadRegistry(registryDir)), curationFile);
  for (const warning of curationWarnings) process.stderr.write(`normalize: warning: ${warning}\n`);
  writeJsonFolder(stageDir(buildDir, "normalize"), [
    ["dataset", dataset],
    ["summary", { ...summarize({ articles, extractions, dataset, curationWarnings }), review_file: relative(dirname(dirname(dirname(buildDir))), join(buildDir, REVIEW_FILE)) }],
  ]);
  writeFileSync(join(buildDir, REVIEW_FILE), reviewCsv(articles, extractions));
}

/** The rows extraction held back, for a person to review (build/review.csv): written on every build, empty or not. */
export function reviewCsv(articles: readonly Article[], extractions: readonly ArticleExtraction[]): string {
  const textOf = new Map(articles.map((a) => [a.source_id, a.text]));
  return renderReview(extractions.flatMap((e) => (e.review ?? []).map((item) => ({ source_id: e.source_id, text: textOf.get(e.source_id) ?? "", item }))));
}

function readNormalized(buildDir: string): { dataset: Dataset; summary: BuildSummary } {
  const dir = stageDir(buildDir, "normalize");
  const file = join(dir, "dataset.json");
  if (!existsSync(file)) throw inputError(dir, null, "the normalize stage has not run", "run 'pnpm parley build'");
  return {
    dataset: DatasetSchema.parse(JSON.parse(readFileSync(file, "utf8"))),
    summary: JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as BuildSummary,
  };
}

export function runValidateStage(buildDir: string, assertions: Assertions): void {
  const { dataset } = readNormalized(buildDir);
  checkDataset(dataset, assertions);
  writeJsonFolder(stageDir(buildDir, "validate"), [["report", { violations: 0 }]]);
  process.stderr.write("validate: every row matches its schema, references and assertions hold\n");
}

export function runExportStage(buildDir: string, destination: string, assertions: Assertions, options: PublishOptions): BuildSummary {
  const normalized = readNormalized(buildDir);
  const { summary } = normalized;
  // The working build shows the IDs the latest release published, as the next release will keep them
  // (a meeting ID is chosen once: a later source refining the date does not change it).
  const previous = latestRelease(dirname(dirname(destination)), basename(dirname(destination)));
  const dataset = previous ? keepPreviousIds(previous.dataset, normalized.dataset).dataset : normalized.dataset;
  const changes = publishWithChanges(dataset, destination, assertions, options);
  const published = { ...summary, changes };
  writeJsonFolder(stageDir(buildDir, "export"), [["summary", published]]);
  return published;
}
