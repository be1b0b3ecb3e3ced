import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { findPublishedVersions, parseSha256Sums, SUMS_FILE } from "./_checksums.ts";
import { compareVersions } from "./_semver.ts";

export interface IndexFile {
  name: string;
  path: string;
  bytes: number;
  sha256: string;
}

export interface IndexVersion {
  version: string;
  created: string | null;
  path: string;
  files: IndexFile[];
}

export interface IndexCollection {
  name: string;
  title: string | null;
  latest: string;
  versions: IndexVersion[];
}

/**
 * `datasets/index.json`: every collection and version with file sizes and checksums, newest version first,
 * and each collection's latest version, so a script can always find the newest files. Paths are relative to
 * the index. Read from the published folders themselves, so it cannot drift from them.
 */
export function scanIndex(root: string): IndexCollection[] {
  const byCollection = new Map<string, IndexVersion[]>();
  const titles = new Map<string, string | null>();
  for (const { collection, version, dir } of findPublishedVersions(root)) {
    const sumsFile = join(dir, SUMS_FILE);
    if (!existsSync(sumsFile)) continue;
    const { sums } = parseSha256Sums(readFileSync(sumsFile, "utf8"));
    const files = [...sums].map(([name, sha256]) => ({
      name,
      path: relative(root, join(dir, name)).split("\\").join("/"),
      bytes: existsSync(join(dir, name)) ? statSync(join(dir, name)).size : 0,
      sha256,
    }));
    let created: string | null = null;
    const descriptor = join(dir, "datapackage.json");
    if (existsSync(descriptor)) {
      const pkg = JSON.parse(readFileSync(descriptor, "utf8")) as { created?: string; title?: string };
      created = pkg.created ?? null;
      titles.set(collection, pkg.title ?? null);
    }
    byCollection.set(collection, [
      ...(byCollection.get(collection) ?? []),
      { version, created, path: `${collection}/${version}`, files },
    ]);
  }
  return [...byCollection].map(([name, versions]) => {
    const sorted = versions.sort((a, b) => compareVersions(b.version, a.version));
    return { name, title: titles.get(name) ?? null, latest: sorted[0]?.version ?? "", versions: sorted };
  });
}

export function renderIndex(collections: readonly IndexCollection[]): string {
  return `${JSON.stringify({ collections }, null, 2)}\n`;
}
