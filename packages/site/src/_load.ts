import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { Dataset, inputError, TABLE_NAMES } from "@parley/model";
import { SUMS_FILE } from "@parley/release";
import {
  CatalogIndex,
  CURRENT,
  DataPackageInfo,
  type SiteCollection,
  type SiteFile,
  type SiteInput,
  type SiteVersion,
} from "./_input.ts";

export interface LoadOptions {
  /** The `datasets/` folder: `index.json` and `<collection>/<version>/`. */
  datasetsRoot: string;
  /** Include each collection's working build (`<collection>/current/`) and show its rows. */
  current?: boolean;
}

/** Where every file of a version lives on disk, for the copy step: site path → absolute path. */
export type Downloads = Map<string, string>;

function readJson<T>(schema: z.ZodType<T>, file: string, what: string): T {
  if (!existsSync(file))
    throw inputError(file, null, `missing ${what}`, "run 'pnpm parley release' (or 'pnpm parley build' for --current)");
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw inputError(file, null, `not JSON: ${(err as Error).message}`, "restore the file from git or rebuild it");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    throw inputError(
      file,
      null,
      `${what}: ${where ? `${where}: ` : ""}${issue?.message ?? "invalid"}`,
      "restore the file from git or rebuild it",
    );
  }
  return parsed.data;
}

function readText(file: string): string | null {
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

function readDataset(dir: string): Dataset {
  const tables = Object.fromEntries(
    TABLE_NAMES.map((t) => [t, readJson<unknown>(Dataset.shape[t], join(dir, `${t}.json`), `the ${t} table`)]),
  );
  return tables as unknown as Dataset;
}

function filesOnDisk(dir: string): SiteFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort()
    .map((name) => fileOnDisk(dir, name));
}

function fileOnDisk(dir: string, name: string): SiteFile {
  const content = readFileSync(join(dir, name));
  return { name, bytes: content.length, sha256: createHash("sha256").update(content).digest("hex") };
}

/**
 * Reads what the site shows: `datasets/index.json` (every published version, with sizes and checksums), the
 * tables of each collection's latest version (or working build), and each version's README and CHANGELOG.
 * Returns the input for `renderSite` and the files to copy for download.
 */
export function loadSiteInput(options: LoadOptions): { input: SiteInput; downloads: Downloads } {
  const root = options.datasetsRoot;
  const index = readJson(CatalogIndex, join(root, "index.json"), "the dataset index");
  const downloads: Downloads = new Map();
  const names = new Set(index.collections.map((c) => c.name));
  if (options.current) {
    for (const e of existsSync(root) ? readdirSync(root, { withFileTypes: true }) : []) {
      if (e.isDirectory() && existsSync(join(root, e.name, CURRENT))) names.add(e.name);
    }
  }
  const collections: SiteCollection[] = [];
  for (const name of [...names].sort()) {
    const entry = index.collections.find((c) => c.name === name);
    const versions: SiteVersion[] = [];
    const currentDir = join(root, name, CURRENT);
    const withCurrent = options.current === true && existsSync(currentDir);
    if (withCurrent) {
      const files = filesOnDisk(currentDir);
      for (const f of files) downloads.set(`${name}/${CURRENT}/${f.name}`, join(currentDir, f.name));
      versions.push({
        version: CURRENT,
        created: null,
        files,
        readme: readText(join(currentDir, "README.md")),
        changelog: null,
      });
    }
    for (const v of entry?.versions ?? []) {
      const dir = join(root, v.path);
      const files: SiteFile[] = v.files.map(({ name: fileName, bytes, sha256 }) => ({ name: fileName, bytes, sha256 }));
      // The index lists what SHA256SUMS checks, not SHA256SUMS itself; people need it to check a download.
      if (!files.some((f) => f.name === SUMS_FILE) && existsSync(join(dir, SUMS_FILE)))
        files.push(fileOnDisk(dir, SUMS_FILE));
      for (const f of files) downloads.set(`${name}/${v.version}/${f.name}`, join(dir, f.name));
      versions.push({
        version: v.version,
        created: v.created,
        files,
        readme: readText(join(dir, "README.md")),
        changelog: readText(join(dir, "CHANGELOG.md")),
      });
    }
    const shown = withCurrent ? CURRENT : (entry?.latest ?? "");
    const shownDir = withCurrent ? currentDir : join(root, name, shown);
    const info = existsSync(join(shownDir, "datapackage.json"))
      ? readJson(DataPackageInfo, join(shownDir, "datapackage.json"), "the data package")
      : latestInfo(root, name, entry?.latest);
    const license = info.licenses?.[0];
    collections.push({
      name,
      title: info.title ?? entry?.title ?? name,
      description: info.description ?? "",
      license: license ? (license.title ?? license.name ?? null) : null,
      versions,
      shown,
      dataset: readDataset(shownDir),
    });
  }
  return { input: { collections }, downloads };
}

function latestInfo(root: string, name: string, latest: string | undefined): DataPackageInfo {
  const file = latest ? join(root, name, latest, "datapackage.json") : null;
  return file && existsSync(file) ? readJson(DataPackageInfo, file, "the data package") : {};
}
