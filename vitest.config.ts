import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

// One vitest run for the whole repository (`pnpm test` runs it through tooling/test/run.mjs, which skips the
// packages whose tests Turbo has cached). Each package is a project named after its folder; its end-to-end
// tests (`*.e2e.test.ts`: spawned commands, kills, hostile inputs, the browser) form a second project,
// `<folder>:e2e`, the slow tier, which runs the CLI bundled once (packages/cli/scripts/bundle.mjs).
const E2E = "test/**/*.e2e.test.ts";

// The tests keep Parley's caches (per-article results, parsed registry files) in a folder of the run, never in the
// user's ~/.cache/parley; the workers and the commands they spawn inherit it.
if (process.env.PARLEY_CACHE_DIR === undefined) {
  const cache = mkdtempSync(join(tmpdir(), "parley-test-cache-"));
  process.env.PARLEY_CACHE_DIR = cache;
  process.on("exit", () => rmSync(cache, { recursive: true, force: true }));
}

// Paths from this file, not the working directory: a package's own `vitest bench` finds this config too.
const PACKAGES = join(fileURLToPath(new URL(".", import.meta.url)), "packages");

const packages = readdirSync(PACKAGES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(PACKAGES, e.name, "package.json")))
  .map((e) => e.name)
  .sort();

const hasE2e = (dir: string): boolean =>
  readdirSync(join(PACKAGES, dir, "test"), { recursive: true, encoding: "utf8" }).some((f) =>
    f.endsWith(".e2e.test.ts"),
  );

const projects: TestProjectInlineConfiguration[] = [];
for (const dir of packages) {
  if (!existsSync(join(PACKAGES, dir, "test"))) continue;
  projects.push({
    extends: true,
    test: { name: dir, root: join(PACKAGES, dir), include: ["test/**/*.test.ts"], exclude: [E2E] },
  });
  if (hasE2e(dir)) {
    projects.push({
      extends: true,
      test: {
        name: `${dir}:e2e`,
        root: join(PACKAGES, dir),
        include: [E2E],
        // The package's benchmarks run once, in its main project.
        benchmark: { include: [] },
        // The CLI's spawning tests run it bundled, built once per run (packages/cli/scripts/bundle.mjs).
        globalSetup: dir === "cli" ? ["scripts/bundle.mjs"] : [],
      },
    });
  }
}

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
