import { buildAndPublish } from "../src/index.ts";

// One build in a process of its own, as `parley build --sources DIR --out DIR --cache DIR` runs it, so that its
// peak RSS (worker threads included) is its own: prints one JSON line with the time, peak RSS and cache counts.
const [sourcesDir, destination, cacheDir, registryDir] = process.argv.slice(2) as [string, string, string, string];
const started = performance.now();
const { result } = await buildAndPublish({
  sourcesDir,
  registryDir,
  cacheDir,
  destination,
  assertions: { min_rows: {}, max_rows: {} },
  publishOptions: { marker: { collection: null, command: "parley build --sources" } },
});
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, stats: result?.stats ?? null, rows: result === null ? null : Object.fromEntries(Object.entries(result.dataset).map(([t, rows]) => [t, rows.length])) })}\n`,
);
