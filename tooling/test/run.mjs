#!/usr/bin/env node
// `pnpm test`: type checks, lints and tests the repository in one go.
//
// 1. Asks Turbo which packages' `test` tasks are cached: a task's hash covers exactly what its tests read (the
//    package's own files, the sources of the workspace packages it depends on, and the data files its
//    turbo.json names), so a change to one package re-runs only its tests and those of its dependents.
// 2. Runs `tsc -b` and Biome (Turbo tasks //#typecheck and //#lint, cached too) beside ONE vitest run over
//    the test files of the packages not cached (vitest.config.ts: every package's tests, and the e2e tier).
// 3. When everything passed, lets Turbo record each tested package's task (tooling/test/package.mjs only
//    confirms the hash that passed), so the next run skips it.
//
// `pnpm test -- --force` (pnpm takes a bare --force as its own option) tests every package whatever the cache holds.
import { spawn, spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const TURBO = join(REPO, "node_modules/turbo/bin/turbo");
const VITEST = join(REPO, "node_modules/vitest/vitest.mjs");
const force = process.argv.includes("--force");

/** Runs a command to its end; `capture` keeps its output to print later instead of interleaving it. */
function run(args, { capture = false, env = process.env } = {}) {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO,
      env,
      stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    if (capture) {
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
    }
    child.on("close", (code) => done({ code: code ?? 1, output }));
  });
}

const dry = spawnSync(process.execPath, [TURBO, "run", "test", "--dry=json"], {
  cwd: REPO,
  encoding: "utf8",
  maxBuffer: 1 << 28,
});
if (dry.status !== 0) {
  process.stderr.write(dry.stderr);
  process.exit(1);
}
const tasks = JSON.parse(dry.stdout).tasks.filter((t) => t.task === "test" && t.command !== "<NONEXISTENT>");
const stale = tasks.filter((t) => force || t.cache.status !== "HIT");
const folderOf = (t) => t.directory.split("/").pop();
const cached = tasks.filter((t) => !stale.includes(t)).map(folderOf);
if (cached.length > 0) console.log(`Tests cached by Turbo (nothing they read changed): ${cached.join(", ")}`);
console.log(stale.length > 0 ? `Testing: ${stale.map(folderOf).join(", ")}\n` : "Nothing to test.\n");

const checks = run([TURBO, "run", "typecheck", "lint", "--output-logs=errors-only"], { capture: true });
let tests = { code: 0 };
if (stale.length > 0) {
  // Every test file of a package is under packages/<folder>/test/ (vitest.config.ts): one filter a package.
  const folders = stale.map((t) => `packages/${folderOf(t)}/test/`);
  tests = await run([VITEST, "run", ...folders]);
}
const checked = await checks;
process.stdout.write(`\n${checked.output}`);

if (tests.code === 0 && checked.code === 0 && stale.length > 0) {
  const env = { ...process.env, PARLEY_TESTED: stale.map((t) => t.hash).join(",") };
  const filters = stale.map((t) => `--filter=${t.package}`);
  const recorded = await run([TURBO, "run", "test", ...filters, "--output-logs=errors-only"], { capture: true, env });
  if (recorded.code !== 0) process.stdout.write(recorded.output);
}
if (checked.code !== 0) console.error("pnpm test: the type check or the lint failed (above).");
if (tests.code !== 0) console.error("pnpm test: tests failed (above).");
process.exitCode = tests.code !== 0 || checked.code !== 0 ? 1 : 0;
