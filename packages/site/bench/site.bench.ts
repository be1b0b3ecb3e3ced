// `pnpm --filter @parley/site bench`: builds the site for a generated collection the size of a 10,000-article
// corpus and times it, then (with Chromium) loads its search index and times queries in the browser.
// Budgets from issue #11: the build under 30 s, each search under 200 ms. Exits non-zero when over.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSite } from "../src/index.ts";
import { chromiumPath, launch, queriesFor, timeSearches } from "../test/_browser.ts";
import { generateDataset, writeGeneratedRelease } from "./_generate.ts";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const BUILD_BUDGET_MS = 30_000;
const SEARCH_BUDGET_MS = 200;

const work = mkdtempSync(join(tmpdir(), "parley-site-bench-"));
let over = false;
try {
  const dataset = generateDataset(ARTICLES);
  const counts = Object.entries(dataset)
    .map(([table, rows]) => `${table} ${rows.length}`)
    .join(", ");
  writeGeneratedRelease(join(work, "datasets"), "generated", dataset);
  console.log(`generated ${ARTICLES} articles: ${counts}`);

  const built = buildSite({ datasetsRoot: join(work, "datasets"), outDir: join(work, "site") });
  console.log(
    `site build: ${(built.ms / 1000).toFixed(1)} s for ${built.pages} pages (budget ${BUILD_BUDGET_MS / 1000} s)`,
  );
  if (built.ms > BUILD_BUDGET_MS) over = true;

  const chromium = chromiumPath();
  if (chromium) {
    const browser = await launch(chromium);
    try {
      const page = await browser.newPage();
      const { loadMs, searches } = await timeSearches(
        page,
        join(work, "site"),
        queriesFor(dataset.quotes[0]?.speaker_name ?? ""),
      );
      console.log(`search index load in the browser: ${loadMs} ms (once, on first focus)`);
      for (const s of searches) {
        console.log(`search "${s.query}": ${s.ms} ms, ${s.results} results shown`);
        if (s.ms > SEARCH_BUDGET_MS) over = true;
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (over) {
  console.error("over budget");
  process.exitCode = 1;
}
