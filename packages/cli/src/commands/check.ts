import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { defineCommand } from "citty";
import { type Dataset, formatProblem, InputError, type Problem } from "@parley/model";
import { EMPTY_REGISTRY, loadRegistry, type Registry } from "@parley/registry";
import { type Assertions, type TableRows, validateTables } from "@parley/validate";
import { diffDatasets, type DatasetDiff } from "@parley/diff";
import { latestRelease } from "@parley/release";
import {
  buildWarnings,
  checkDuplicates,
  checkNearDuplicates,
  checkSourceFile,
  checkCitation,
  checkStrayFiles,
  readSourceFolder,
  renderChangeSummary,
  sortProblems,
} from "@parley/contribute";
import { collectionDir, DEFAULT_COLLECTION, findRepoRoot } from "../_paths.ts";
import { type Collection, collectionBuild, loadCollection } from "../_collection.ts";
import { buildDataset, summarize } from "@parley/pipeline";

/** `collect` for a step that runs asynchronously. */
async function collectAsync<T>(problems: Problem[], step: () => Promise<T>): Promise<T | null> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof InputError) problems.push(...err.problems);
    else throw err;
    return null;
  }
}

/** Runs `step`; an input mistake becomes problems on the list instead of ending the check. */
function collect<T>(problems: Problem[], step: () => T): T | null {
  try {
    return step();
  } catch (err) {
    if (err instanceof InputError) problems.push(...err.problems);
    else throw err;
    return null;
  }
}

/**
 * Rules the built dataset breaks. A row that breaks the contract is always an error; a row count below or above
 * the collection's assertions is an error only when the release before the change kept it: a contributor is held
 * to what the change does, not to a collection that was already short.
 */
function datasetProblems(
  after: Dataset,
  before: Dataset | null,
  assertions: Assertions,
  collectionFile: string,
): Problem[] {
  const broken = (d: Dataset) => validateTables(d as unknown as TableRows, assertions, (t) => t);
  const brokenBefore = new Set(
    before === null
      ? []
      : broken(before)
          .filter((v) => v.row === null)
          .map((v) => v.file),
  );
  return broken(after).map((v): Problem => {
    if (v.row !== null) {
      return {
        file: `${v.file} (built)`,
        line: null,
        message: `row ${v.row}${v.field ? `, field '${v.field}'` : ""}: ${v.message}`,
        fix: "a source produced a row that breaks the dataset contract: report it in the pull request",
        severity: "error",
      };
    }
    const keptBefore = before !== null && !brokenBefore.has(v.file);
    return keptBefore
      ? {
          file: collectionFile,
          line: null,
          message: `${v.file}: ${v.message}`,
          fix: "the change removes rows the collection needs: check what the summary lists as removed",
          severity: "error",
        }
      : {
          file: collectionFile,
          line: null,
          message: `${v.file}: ${v.message} (already so before this change)`,
          fix: "not caused by this change; the maintainers track it",
          severity: "warning",
        };
  });
}

const today = (): string => new Date().toISOString().slice(0, 10);

interface Built {
  before: Dataset | null;
  after: Dataset;
  diff: DatasetDiff;
  baseVersion: string | null;
}

/** Checks every source and curated file; builds in memory (never into datasets/) when nothing must be fixed. */
async function checkCollection(root: string, collection: Collection, problems: Problem[]): Promise<Built | null> {
  const rel = (path: string): string => relative(root, path);
  const registry: Registry | null = collect(problems, () => loadRegistry(collection.registryDir));
  const files = readSourceFolder(collection.sourcesDir);
  const sources = files.filter((f) => /\.(md|markdown)$/i.test(f.name));
  if (sources.length === 0) {
    problems.push({
      file: rel(collection.sourcesDir),
      line: null,
      message: "the collection has no source articles",
      fix: "add one with 'pnpm parley add <saved page>'",
      severity: "error",
    });
  }
  for (const source of sources)
    problems.push(...checkSourceFile(rel(source.file), source.bytes, registry ?? EMPTY_REGISTRY, today()));
  const texts = sources.map((s) => ({ file: rel(s.file), text: new TextDecoder("utf-8").decode(s.bytes) }));
  problems.push(...checkDuplicates(texts));
  problems.push(
    ...checkStrayFiles(
      files.map((f) => f.name).filter((n) => !/\.(md|markdown)$/i.test(n)),
      rel(collection.sourcesDir),
    ),
  );
  if (problems.some((p) => p.severity === "error")) return null;

  const result = await collectAsync(problems, () => buildDataset(collectionBuild(collection)));
  if (result === null) return null;
  const collectionFile = rel(join(collection.dir, "collection.yaml"));
  const release = collect(problems, () => latestRelease(join(root, "datasets"), collection.config.name));
  const before = release?.dataset ?? null;
  const released = new Set(before?.sources.map((s) => s.source_id) ?? []);
  const isNew = (file: string): boolean => !released.has(basename(file).replace(/\.(md|markdown)$/i, ""));
  problems.push(...checkNearDuplicates(texts, isNew));
  for (const source of sources)
    problems.push(...checkCitation(rel(source.file), source.bytes, isNew(rel(source.file))));
  problems.push(...datasetProblems(result.dataset, before, collection.config.assertions, collectionFile));
  if (problems.some((p) => p.severity === "error")) return null;
  const fileOf = new Map(result.articles.map(({ source }) => [source.source_id, rel(source.file)]));
  problems.push(...buildWarnings(summarize(result).warnings, fileOf, collectionFile));
  return {
    before,
    after: result.dataset,
    diff: diffDatasets(before, result.dataset),
    baseVersion: release?.version ?? null,
  };
}

export const check = defineCommand({
  meta: {
    name: "check",
    description:
      "Check every source and curated file of a collection, and summarize what the change does to the dataset",
  },
  args: {
    collection: { type: "string", description: "collection under pipelines/", default: DEFAULT_COLLECTION },
    summary: {
      type: "string",
      description: "where to write the Markdown summary (default: pipelines/<collection>/build/check-summary.md)",
    },
  },
  async run({ args }) {
    const root = findRepoRoot();
    const problems: Problem[] = [];
    const collection = collect(problems, () => loadCollection(collectionDir(root, args.collection)));
    const built = collection === null ? null : await checkCollection(root, collection, problems);
    const errors = sortProblems(problems.filter((p) => p.severity === "error"));
    const warnings = sortProblems(problems.filter((p) => p.severity === "warning"));

    const summary = renderChangeSummary({
      collection: args.collection,
      baseVersion: built?.baseVersion ?? null,
      change: built === null ? null : { before: built.before, after: built.after, diff: built.diff },
      errors,
      warnings,
    });
    const summaryFile = resolve(
      process.env.INIT_CWD ?? process.cwd(),
      args.summary ?? join(collectionDir(root, args.collection), "build", "check-summary.md"),
    );
    mkdirSync(dirname(summaryFile), { recursive: true });
    writeFileSync(summaryFile, summary);
    process.stdout.write(summary);
    process.stderr.write(`\nsummary written to ${relative(root, summaryFile)}\n`);

    if (warnings.length > 0) {
      process.stderr.write(
        `\n${warnings.length} warning(s), worth a look but not blocking:\n${warnings.map((w) => `${formatProblem(w)}`).join("\n")}\n`,
      );
    }
    if (errors.length > 0) throw new InputError(errors);
    process.stderr.write("\ncheck passed: every source and curated file is valid.\n");
  },
});
