#!/usr/bin/env node
// The `test` script of every package (run by Turbo, in the package's folder).
//
// Under `pnpm test`, tooling/test/run.mjs has already run this package's tests in its one vitest run and
// passes the Turbo hashes of the tasks that passed in PARLEY_TESTED: the task only confirms, so Turbo caches
// the result under the hash of exactly what the tests read. Anywhere else (`pnpm --filter @parley/x test`,
// `turbo run test`) it runs the package's test files itself (both vitest projects, filtered by its test folder).
import { spawnSync } from "node:child_process";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const folder = basename(process.cwd());
const hash = process.env.TURBO_HASH;

if (hash && (process.env.PARLEY_TESTED ?? "").split(",").includes(hash)) {
  console.log(`${folder}: passed in this run of 'pnpm test' (inputs ${hash})`);
} else {
  const vitest = join(REPO, "node_modules/vitest/vitest.mjs");
  const run = spawnSync(process.execPath, [vitest, "run", `packages/${folder}/test/`, ...process.argv.slice(2)], {
    cwd: REPO,
    stdio: "inherit",
  });
  process.exitCode = run.status ?? 1;
}
