import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Dataset } from "@parley/model";
import { type Assertions, type Violation, formatViolation, validateDatasetDir } from "@parley/validate";
import { renderDataset } from "./_render.ts";

export class ValidationFailed extends Error {
  readonly violations: Violation[];
  constructor(violations: Violation[]) {
    super(`the dataset breaks ${violations.length} rule(s); nothing was published:\n${violations.slice(0, 50).map(formatViolation).join("\n")}`);
    this.name = "ValidationFailed";
    this.violations = violations;
  }
}

const stagingPrefix = (destination: string): string => `.parley-tmp-${basename(destination)}-`;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Brings back the previous dataset if a run was killed between the two renames of a swap,
 * and removes staging folders that killed runs left behind.
 */
export function recoverInterruptedSwap(destination: string): void {
  const old = `${destination}.parley-old`;
  if (existsSync(old)) {
    if (!existsSync(destination)) renameSync(old, destination);
    else rmSync(old, { recursive: true, force: true });
  }
  const parent = dirname(destination);
  if (!existsSync(parent)) return;
  const prefix = stagingPrefix(destination);
  for (const name of readdirSync(parent)) {
    const pid = Number(name.slice(prefix.length));
    if (name.startsWith(prefix) && Number.isInteger(pid) && pid > 0 && !isRunning(pid)) {
      rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
}

/**
 * Writes the dataset into a temporary folder beside `destination`, reads it back and validates it,
 * and only then swaps it into place: a killed or failed run leaves the previous dataset as it was.
 */
export function publishDataset(dataset: Dataset, destination: string, assertions: Assertions): Map<string, string> {
  const parent = dirname(destination);
  mkdirSync(parent, { recursive: true });
  recoverInterruptedSwap(destination);
  const staging = join(parent, `${stagingPrefix(destination)}${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const files = renderDataset(dataset);
    for (const [name, content] of files) writeFileSync(join(staging, name), content);
    const { violations } = validateDatasetDir(staging, assertions);
    if (violations.length > 0) throw new ValidationFailed(violations);
    const old = `${destination}.parley-old`;
    if (existsSync(destination)) renameSync(destination, old);
    renameSync(staging, destination);
    rmSync(old, { recursive: true, force: true });
    return files;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
