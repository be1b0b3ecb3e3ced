import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The repository root: the nearest folder above `from` holding pnpm-workspace.yaml. */
export function findRepoRoot(from = process.cwd()): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("not inside the Parley repository (no pnpm-workspace.yaml found above the current folder)");
    dir = parent;
  }
  return dir;
}

export const DEFAULT_COLLECTION = "moscow-format";

export function collectionDir(root: string, name: string): string {
  return join(root, "pipelines", name);
}
