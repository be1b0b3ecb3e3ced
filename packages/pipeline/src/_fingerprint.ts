import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const PACKAGES = join(import.meta.dirname, "../..");

// The code a per-article result depends on: the packages that read and extract an article (sources, word lists,
// their package.json with the versions of wink-nlp, chrono-node and the gazetteer), the merge's choice of cited
// sentences (normalize's excerptsOf), and the per-article function itself. Not the rest of this package: a change to
// the runner or the progress bar re-extracts nothing.
const EXTRACTOR_CODE = [
  "model/src",
  "registry/src",
  "ingest/src",
  "extract/src",
  "extract/lexicon",
  "extract/package.json",
  "normalize/src/_normalize.ts",
  "pipeline/src/_article.ts",
  "pipeline/src/_work.ts",
];

/** Every file below `paths` (files or folders), in a stable order. */
function filesUnder(paths: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (path: string): void => {
    if (!existsSync(path)) return;
    if (statSync(path).isFile()) {
      files.push(path);
      return;
    }
    for (const entry of readdirSync(path).sort()) walk(join(path, entry));
  };
  for (const path of paths) walk(path);
  return files;
}

/** A SHA-256 over the names (relative to `root`) and contents of files. */
export function hashFiles(files: readonly string[], root: string): string {
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update("\0");
  return hash.digest("hex");
}

let extractorVersion: string | null = null;

/** The version of the per-article code: a hash of its files, so any edit to a rule or word list re-extracts. */
export function extractorFingerprint(): string {
  extractorVersion ??= hashFiles(filesUnder(EXTRACTOR_CODE.map((p) => join(PACKAGES, p))), PACKAGES);
  return extractorVersion;
}

/** The registry's contents (every file of the folder). */
export function registryFingerprint(dir: string): string {
  return hashFiles(filesUnder([dir]), dir);
}

// The code the merge and the published files depend on, besides the per-article code.
const MERGE_CODE = [
  "model/src",
  "normalize/src",
  "validate/src",
  "export/src",
  "diff/src",
  "release/src",
  "pipeline/src",
];
let mergeVersion: string | null = null;

/** The version of the merge and publishing code. */
export function mergeFingerprint(): string {
  mergeVersion ??= hashFiles(filesUnder(MERGE_CODE.map((p) => join(PACKAGES, p))), PACKAGES);
  return mergeVersion;
}
