import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

// One vitest run for the whole repository (`pnpm test` runs it through tooling/test/run.mjs, which names the folders
// of the packages whose tests Turbo has not cached). Two projects: `unit`, every package's tests, and `e2e`, their
// end-to-end tests (`*.e2e.test.ts`: spawned commands, kills, hostile inputs, the browser), the slow tier, which runs
// the CLI bundled once (packages/cli/scripts/bundle.mjs). Vitest hands a worker on only to the next file of the same
// project: with a project per package, a worker ended at almost every file and the next one loaded the extraction
// models again (22 workers for 61 files); with two projects, four workers run them all.
const E2E = "packages/*/test/**/*.e2e.test.ts";

// The tests keep Parley's caches (per-article results, parsed registry files) in a folder of the run, never in the
// user's ~/.cache/parley; the workers and the commands they spawn inherit it.
if (process.env.PARLEY_CACHE_DIR === undefined) {
  const cache = mkdtempSync(join(tmpdir(), "parley-test-cache-"));
  process.env.PARLEY_CACHE_DIR = cache;
  process.on("exit", () => rmSync(cache, { recursive: true, force: true }));
}

// Paths from this file, not the working directory: a package's own `vitest bench` finds this config too.
const REPO = fileURLToPath(new URL(".", import.meta.url));

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: "unit",
      root: REPO,
      include: ["packages/*/test/**/*.test.ts"],
      exclude: [E2E],
      // Vitest's benchmarks are the CLI's (`pnpm --filter @parley/cli bench`); the pipeline's and the site's
      // *.bench.ts are scripts their own `bench` runs with tsx (whole builds in child processes), which a vitest run
      // must not import: the pipeline's would start its 100,000-article build.
      benchmark: { include: ["packages/cli/bench/**/*.bench.ts"] },
    },
  },
  {
    extends: true,
    test: {
      name: "e2e",
      root: REPO,
      include: [E2E],
      // The packages' benchmarks run once, in the unit project.
      benchmark: { include: [] },
      // The hostile corpus starts all its cases at once: its child processes run beside its in-process cases.
      maxConcurrency: 64,
      // The CLI's spawning tests run it bundled, built once per run (packages/cli/scripts/bundle.mjs).
      globalSetup: ["packages/cli/scripts/bundle.mjs"],
    },
  },
];

export default defineConfig({
  test: {
    // A loaded 2-core machine: the first test of a file may load the extraction models (seconds); a test
    // that needs longer says so itself.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Both cores; test files share a worker's loaded modules (the extraction models load once per worker,
    // not once per file): the code under test is pure or works in temporary folders.
    maxWorkers: 2,
    isolate: false,
    projects,
  },
});
