import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Guarded } from "@parley/export";
import { findPublishedVersions } from "@parley/release";

/** The repository root: the nearest folder above `from` holding pnpm-workspace.yaml. */
export function findRepoRoot(from = process.cwd()): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error("not inside the Parley repository (no pnpm-workspace.yaml found above the current folder)");
    dir = parent;
  }
  return dir;
}

export const DEFAULT_COLLECTION = "moscow-format";

export function collectionDir(root: string, name: string): string {
  return join(root, "pipelines", name);
}

/**
 * What no command may write to, into or around, besides the folders a command reads (its sources, its
 * registry): the repository itself and every collection folder.
 */
export function guardedPaths(root: string, read: readonly Guarded[]): Guarded[] {
  const pipelines = join(root, "pipelines");
  const collections = existsSync(pipelines)
    ? readdirSync(pipelines, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(pipelines, e.name, "collection.yaml")))
        .map((e) => ({ path: join(pipelines, e.name), what: "a collection folder" }))
    : [];
  return [
    ...read,
    { path: join(pipelines, "registry"), what: "the registry" },
    ...collections,
    { path: root, what: "the repository root", insideAllowed: true },
  ];
}

/** A dataset folder is replaced whole, so it must also stay clear of every published (frozen) version. */
export function guardedForDataset(root: string, read: readonly Guarded[]): Guarded[] {
  const versions = findPublishedVersions(join(root, "datasets")).map((v) => ({
    path: v.dir,
    what: "a published version folder",
  }));
  return [...guardedPaths(root, read), ...versions];
}
