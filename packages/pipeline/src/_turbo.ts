import { writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import {
  type Article,
  Article as ArticleSchema,
  codePointsBefore,
  type Dataset,
  Dataset as DatasetSchema,
  InputError,
  type Problem,
  inputError,
} from "@parley/model";
import { loadRegistry } from "@parley/registry";
import { readSourceFile } from "@parley/ingest";
import type { Assertions } from "@parley/validate";
import { type PublishOptions, REVIEW_FILE, renderReview } from "@parley/export";
import { keepPreviousIds, latestRelease } from "@parley/release";
import { type ArticleRecord, summaryOf } from "./_article.ts";
import { crossArticleProblems, extractArticles, listSourceFiles, sortByFile } from "./_run.ts";
import { type StageName, STAGES, readJsonFolder, stageDir, writeJsonFolder } from "./_stages.ts";
import { type BuildSummary, summarize } from "./_summary.ts";
import { progress } from "./_progress.ts";

/** What a stage run on its own needs to know about the collection it builds. */
export interface StageContext {
  sourcesDir: string;
  registryDir: string;
  buildDir: string;
  curationFile: string;
  assertions: Assertions;
  /** Where the export stage publishes, and how. */
  destination: string;
  publishOptions: PublishOptions;
  workers?: number;
}

/**
 * Runs one declared stage on its own (a Turbo task): reads the previous stage's folder under `build/`, runs the
 * stage's function, writes its own folder. The extract stage goes through the per-article cache and pool.
 */
export async function runStage(name: StageName, ctx: StageContext): Promise<BuildSummary | null> {
  switch (name) {
    case "ingest": {
      const registry = loadRegistry(ctx.registryDir);
      const files = listSourceFiles(ctx.sourcesDir);
      const problems: Problem[] = [];
      const articles: Article[] = [];
      const bar = progress("ingest", files.length);
      for (const file of files) {
        bar.tick();
        try {
          articles.push(STAGES.ingest.run(file, readSourceFile(file), registry));
        } catch (err) {
          if (err instanceof InputError) problems.push(...err.problems);
          else throw err;
        }
      }
      problems.push(...crossArticleProblems(articles));
      if (problems.length > 0) throw new InputError(sortByFile(problems, files));
      if (articles.length === 0)
        throw inputError(ctx.sourcesDir, null, "no source articles found", "add .md source files");
      bar.done(`${articles.length} article(s) read`);
      writeJsonFolder(
        stageDir(ctx.buildDir, "ingest"),
        articles.map((a) => [a.source_id, a]),
      );
      return null;
    }
    case "extract": {
      const articles = readJsonFolder(stageDir(ctx.buildDir, "ingest"), "ingest").map(({ json }) => ({
        article: ArticleSchema.parse(JSON.parse(json)),
        json,
      }));
      const records = await extractArticles(articles, {
        registryDir: ctx.registryDir,
        cacheDir: join(ctx.buildDir, "cache", "extract"),
        ...(ctx.workers !== undefined ? { workers: ctx.workers } : {}),
      });
      writeJsonFolder(
        stageDir(ctx.buildDir, "extract"),
        records.map((r) => [r.source.source_id, r]),
      );
      return null;
    }
    case "normalize": {
      const records = readRecords(ctx.buildDir);
      const { dataset, curationWarnings } = STAGES.normalize.run(
        records,
        loadRegistry(ctx.registryDir),
        ctx.curationFile,
      );
      for (const warning of curationWarnings) process.stderr.write(`normalize: warning: ${warning}\n`);
      // The review file is named from the repository root, as a maintainer opens it.
      const reviewFile = relative(dirname(dirname(dirname(ctx.buildDir))), join(ctx.buildDir, REVIEW_FILE));
      writeJsonFolder(stageDir(ctx.buildDir, "normalize"), [
        ["dataset", dataset],
        [
          "summary",
          { ...summarize({ articles: records.map(summaryOf), dataset, curationWarnings }), review_file: reviewFile },
        ],
      ]);
      writeFileSync(join(ctx.buildDir, REVIEW_FILE), reviewCsv(records));
      return null;
    }
    case "validate": {
      STAGES.validate.run(readNormalized(ctx.buildDir).dataset, ctx.assertions);
      writeJsonFolder(stageDir(ctx.buildDir, "validate"), [["report", { violations: 0 }]]);
      process.stderr.write("validate: every row matches its schema, references and assertions hold\n");
      return null;
    }
    case "export": {
      const normalized = readNormalized(ctx.buildDir);
      const { summary } = normalized;
      // The working build shows the IDs the latest release published, as the next release will keep them
      // (a meeting ID is chosen once: a later source refining the date does not change it).
      const previous = latestRelease(dirname(dirname(ctx.destination)), basename(dirname(ctx.destination)));
      const dataset = previous ? keepPreviousIds(previous.dataset, normalized.dataset).dataset : normalized.dataset;
      const changes = STAGES.export.run(dataset, ctx.destination, ctx.assertions, ctx.publishOptions);
      const published = { ...summary, changes };
      writeJsonFolder(stageDir(ctx.buildDir, "export"), [["summary", published]]);
      return published;
    }
  }
}

/** The rows extraction held back, for a person to review (build/review.csv): written on every build, empty or not. */
export function reviewCsv(records: readonly ArticleRecord[]): string {
  return renderReview(
    records.flatMap(({ source, extraction }) => {
      const codePoint = codePointsBefore(source.astral);
      return (extraction.review ?? []).map((item) => ({ source_id: source.source_id, item, codePoint }));
    }),
  );
}

// The extract stage's records are the runner's own output, read back as written (the ingest stage's articles are
// checked against the model, being the boundary of the pipeline).
function readRecords(buildDir: string): ArticleRecord[] {
  return readJsonFolder(stageDir(buildDir, "extract"), "extract").map(({ json }) => JSON.parse(json) as ArticleRecord);
}

function readNormalized(buildDir: string): { dataset: Dataset; summary: BuildSummary } {
  const [dataset, summary] = readJsonFolder(stageDir(buildDir, "normalize"), "normalize");
  if (dataset?.name !== "dataset.json" || summary?.name !== "summary.json") {
    throw inputError(
      stageDir(buildDir, "normalize"),
      null,
      "the normalize stage has not run",
      "run 'pnpm parley build'",
    );
  }
  return { dataset: DatasetSchema.parse(JSON.parse(dataset.json)), summary: JSON.parse(summary.json) as BuildSummary };
}
