import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

export const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO = resolve(PACKAGE, "../..");
/** Screenshots of every page the tests visit (gitignored). */
export const ARTIFACTS = join(PACKAGE, "test-artifacts");

/**
 * Debian's Chromium, installed by .ci/run (never a browser download). Locally a missing browser skips the
 * browser tests with a warning; in CI it fails them, so they can never be skipped there unnoticed.
 */
export function chromiumPath(): string | null {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return path;
  if (process.env.CI === "true")
    throw new Error(`no Chromium at ${path}: .ci/run installs it with 'apt-get install -y chromium'`);
  console.warn(`browser tests skipped: no Chromium at ${path} (install it: apt-get install -y chromium)`);
  return null;
}

// The flags this machine needs: no sandbox as root, and no background connections to a closed network.
// Playwright starts every launch with a fresh temporary profile (it refuses --user-data-dir in args).
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launch(executablePath: string): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath, args: FLAGS });
}

/**
 * Opens a built site's search page, loads the index (on focus, as a reader would) and runs each query.
 * Times come from the page itself (search.js records the search and the rendering of its results), so
 * they leave out Playwright's own round trips. Returns the index load time and, per query, ms and results.
 */
export async function timeSearches(
  page: Page,
  site: string,
  queries: readonly string[],
): Promise<{ loadMs: number; searches: Array<{ query: string; ms: number; results: number }> }> {
  await page.goto(pathToFileURL(join(site, "search.html")).href);
  await page.focus("#q");
  await page.locator("#search-status", { hasText: "loaded" }).waitFor({ timeout: 120_000 });
  const loadMs = Number(await page.getAttribute("html", "data-search-load-ms"));
  const searches = [];
  for (const query of queries) {
    await page.evaluate(() => delete document.documentElement.dataset.searchMs);
    await page.fill("#q", query);
    await page.waitForFunction(() => document.documentElement.dataset.searchMs !== undefined);
    searches.push({
      query,
      ms: Number(await page.getAttribute("html", "data-search-ms")),
      results: await page.locator("#results li").count(),
    });
  }
  return { loadMs, searches };
}

/** Typical queries for a generated collection: words, two words, a prefix, a speaker's name. */
export function queriesFor(speaker: string): string[] {
  return [
    "security",
    "trade corridor",
    "peace dia",
    "humanitarian aid border",
    speaker.split(" ")[0] ?? speaker,
    speaker,
  ];
}
