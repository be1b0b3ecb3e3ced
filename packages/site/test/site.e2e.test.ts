import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeetingRecord, PersonRecord, QuoteRecord } from "@parley/model";
import { publishRelease } from "@parley/release";
import { buildSite, slugOf } from "../src/index.ts";
import { generateDataset, writeGeneratedRelease } from "../bench/_generate.ts";
import { ARTIFACTS, chromiumPath, launch, queriesFor, REPO, timeSearches } from "./_browser.ts";
import { HOSTILE, hostileDataset } from "./_hostile.ts";

// The built site driven in Debian's Chromium, opened from file:// (and once from a static HTTP server).
const chromium = chromiumPath();
const DATASETS = join(REPO, "datasets");
/** The latest release of the collection: the one the site shows. */
const LATEST =
  (
    JSON.parse(readFileSync(join(DATASETS, "index.json"), "utf8")) as {
      collections: Array<{ name: string; latest: string }>;
    }
  ).collections.find((c) => c.name === "moscow-format")?.latest ?? "1.0.0";
const RELEASE = join(DATASETS, "moscow-format", LATEST);
/** The generated collection the latency test searches (the 10,000-article figure is in `pnpm bench`). */
const GENERATED_ARTICLES = 1_000;
const SEARCH_BUDGET_MS = 200;

const made: string[] = [];
const tempDir = (label: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `parley-e2e-${label}-`));
  made.push(dir);
  return dir;
};
const readRows = <T>(table: string): T[] => JSON.parse(readFileSync(join(RELEASE, `${table}.json`), "utf8")) as T[];
const fileUrl = (site: string, path: string): string => pathToFileURL(join(site, path)).href;

let browser: Browser;
let site: string;

/** A full-page screenshot; with `open`, the first lists of sources opened, so evidence sentences are in it. */
async function screenshot(page: Page, name: string, open = 0): Promise<void> {
  await page.evaluate(
    (n) => [...document.querySelectorAll("details")].slice(0, n).forEach((d) => d.setAttribute("open", "")),
    open,
  );
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** A page that fails the test on any dialog, uncaught error or blocked resource. */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  return { page, problems };
}

describe.skipIf(chromium === null)("the site in Chromium", () => {
  beforeAll(async () => {
    site = join(tempDir("site"), "site");
    buildSite({ datasetsRoot: DATASETS, outDir: site });
    browser = await launch(chromium as string);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it("home → timeline → meeting → person", async () => {
    const meetings = readRows<MeetingRecord>("meetings").sort((a, b) => (a.date < b.date ? -1 : 1));
    const people = readRows<PersonRecord>("people");
    const { page, problems } = await watchedPage();
    await page.goto(fileUrl(site, "index.html"));
    await expect(page.locator("h1").textContent()).resolves.toContain("Datasets");
    await expect(page.locator("svg.timeline a").count()).resolves.toBe(meetings.length);
    await screenshot(page, "home");
    // Light and dark follow the reader's setting.
    const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect(background()).resolves.toBe("rgb(255, 255, 255)");
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(background()).resolves.toBe("rgb(13, 17, 23)");
    await screenshot(page, "home-dark");
    await page.emulateMedia({ colorScheme: "light" });

    const latest = meetings[meetings.length - 1] as MeetingRecord;
    await page.locator("svg.timeline a").last().click();
    expect(page.url()).toBe(fileUrl(site, `moscow-format/meetings/${slugOf(latest.meeting_id)}.html`));
    await expect(page.locator("h1").textContent()).resolves.toBe(latest.name);
    const groups = await page.locator(".country-group h3").allTextContents();
    expect(groups.length).toBeGreaterThan(1);
    for (const g of groups) expect(g).toMatch(/[A-Z]{3}$/);
    // Evidence sentences mark the words that support the row.
    await expect(page.locator("blockquote.evidence mark").count()).resolves.toBeGreaterThan(0);
    // The README's picture: the top of the meeting page, with the first attendees' sources open.
    await page.evaluate(() =>
      [...document.querySelectorAll(".attendee details")].slice(0, 2).forEach((d) => d.setAttribute("open", "")),
    );
    await page.screenshot({
      path: join(ARTIFACTS, "meeting-readme.png"),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 1300 },
    });
    await screenshot(page, "meeting", 3);

    const personLink = page.locator(".attendee .who a").first();
    const name = (await personLink.textContent()) ?? "";
    await personLink.click();
    await expect(page.locator("h1").textContent()).resolves.toBe(name);
    const person = people.find((p) => p.name === name);
    expect(person).toBeDefined();
    await expect(page.locator(`section[aria-labelledby="meetings"] a:text-is("${latest.name}")`).count()).resolves.toBe(
      1,
    );
    await screenshot(page, "person");

    // Readable on a phone: nothing wider than the screen but the scrollable timeline and tables.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(fileUrl(site, `moscow-format/meetings/${slugOf(latest.meeting_id)}.html`));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, "meeting-phone");
    expect(problems).toEqual([]);
  });

  it("searches a quote fragment, by keyboard, and follows the result to its meeting", async () => {
    const quote = readRows<QuoteRecord>("quotes").find(
      (q) => q.meeting_id !== null && q.text.split(" ").length >= 6,
    ) as QuoteRecord;
    const words = quote.text.split(" ");
    const fragment = words
      .slice(2, 5)
      .join(" ")
      .replace(/[^\p{L}\p{N}\s'-]/gu, "");
    const { page, problems } = await watchedPage();
    await page.goto(fileUrl(site, "search.html"));
    await page.focus("#q");
    await page.keyboard.type(fragment);
    const hit = page.locator("#results li", { hasText: quote.text });
    await hit.waitFor();
    const ms = Number(await page.getAttribute("html", "data-search-ms"));
    expect(ms).toBeLessThan(SEARCH_BUDGET_MS);
    await screenshot(page, "search");

    // Tab from the box reaches the results' links; the matching quote's meeting link opens its page.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("#results") !== null)).toBe(true);
    await hit.locator("a.meeting").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/meetings\//);
    await expect(page.locator("figure.quote > blockquote", { hasText: quote.text }).count()).resolves.toBe(1);
    expect(problems).toEqual([]);
  });

  it("downloads a CSV whose SHA-256 is the one the version page shows", async () => {
    const { page, problems } = await watchedPage();
    await page.goto(fileUrl(site, "moscow-format/1.0.0/index.html"));
    await screenshot(page, "version");
    const row = page.locator("table.files tr", { has: page.locator('a[href="meetings.csv"]') });
    const shown = (await row.locator("code.sha256").textContent())?.trim();
    const [download] = await Promise.all([page.waitForEvent("download"), row.locator("a").click()]);
    const saved = join(tempDir("download"), "meetings.csv");
    await download.saveAs(saved);
    const actual = createHash("sha256").update(readFileSync(saved)).digest("hex");
    expect(actual).toBe(shown);
    expect(readFileSync(saved)).toEqual(readFileSync(join(DATASETS, "moscow-format", "1.0.0", "meetings.csv")));
    await expect(page.locator(".citation").textContent()).resolves.toContain("version 1.0.0, released 2026-11-23");
    await expect(page.locator("#changelog + .markdown h3").first().textContent()).resolves.toContain("Changelog");
    expect(problems).toEqual([]);
  });

  it("shows hostile titles and quotes as text: no dialog, no script, no injected element", async () => {
    const datasets = tempDir("hostile");
    await publishRelease(hostileDataset(), {
      datasetsRoot: datasets,
      collection: { name: "hostile", title: HOSTILE.title, description: HOSTILE.quote, license: "CC0-1.0" },
      assertions: { min_rows: {}, max_rows: {} },
      created: "2024-05-04T00:00:00Z",
    });
    const hostileSite = join(tempDir("hostile-site"), "site");
    buildSite({ datasetsRoot: datasets, outDir: hostileSite });
    const { page, problems } = await watchedPage();
    const pages = [
      "index.html",
      "hostile/1.0.0/index.html",
      "hostile/meetings/2024-05-02-hostile-city.html",
      "hostile/people/svg-onload-alert5.html",
      "hostile/sources.html",
      "hostile/meetings/index.html",
    ];
    for (const path of pages) {
      await page.goto(fileUrl(hostileSite, path));
      const injected = await page.evaluate(() => ({
        inlineScripts: document.querySelectorAll("script:not([src])").length,
        elements: document.querySelectorAll("img, iframe, body svg:not(.timeline), b[onmouseover]").length,
        jsLinks: [...document.querySelectorAll("a")].filter((a) =>
          /^\s*javascript:/i.test(a.getAttribute("href") ?? ""),
        ).length,
        text: document.body.innerText,
      }));
      expect(injected.inlineScripts, path).toBe(0);
      expect(injected.elements, path).toBe(0);
      expect(injected.jsLinks, path).toBe(0);
      await screenshot(page, `hostile-${path.replace(/\//g, "-").replace(/\.html$/, "")}`, 99);
    }
    await page.goto(fileUrl(hostileSite, "hostile/meetings/2024-05-02-hostile-city.html"));
    // The page's policy is live: an inline script that got into the page would be refused, not run.
    const inline = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener("securitypolicyviolation", (e) => resolve(`refused by ${e.effectiveDirective}`));
          const s = document.createElement("script");
          s.textContent = "document.title = 'ran'";
          document.body.append(s);
          setTimeout(() => resolve(document.title === "ran" ? "ran" : "no report"), 2000);
        }),
    );
    expect(inline).toBe("refused by script-src-elem");
    // Chromium logs the refusal as an error: that one is expected; any other still fails the test.
    const before = problems.length;
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes("Content Security Policy")));
    expect(before - problems.length).toBe(1);
    const text = await page.evaluate(() => document.body.innerText);
    for (const value of [HOSTILE.meeting, HOSTILE.quote, HOSTILE.speaker, HOSTILE.city]) expect(text).toContain(value);
    await page.goto(fileUrl(hostileSite, "hostile/sources.html"));
    await expect(page.locator("body").innerText()).resolves.toContain(HOSTILE.title);

    // Search results are built as text too.
    await page.goto(fileUrl(hostileSite, "search.html"));
    await page.focus("#q");
    await page.keyboard.type("never agree");
    await page.locator("#results li").first().waitFor();
    await expect(page.locator("#results blockquote").first().textContent()).resolves.toBe(HOSTILE.quote);
    expect(await page.locator("#results img, #results svg").count()).toBe(0);
    await screenshot(page, "hostile-search");
    expect(problems).toEqual([]);
  });

  it("works from a static HTTP server too", async () => {
    const server = await serve(site);
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { page, problems } = await watchedPage();
      await page.goto(`${base}/search.html?q=Afghanistan`);
      await page.locator("#results li").first().waitFor();
      expect(await page.evaluate(() => getComputedStyle(document.querySelector("main") as Element).maxWidth)).toBe(
        "960px",
      );
      await page.locator("#results a.meeting").first().click();
      await page.waitForURL(/\/meetings\//);
      expect(problems).toEqual([]);
    } finally {
      server.close();
    }
  });

  it(`answers searches on a generated ${GENERATED_ARTICLES}-article collection within ${SEARCH_BUDGET_MS} ms`, async () => {
    const datasets = tempDir("generated");
    const dataset = generateDataset(GENERATED_ARTICLES);
    writeGeneratedRelease(datasets, "generated", dataset);
    const out = join(tempDir("generated-site"), "site");
    const built = buildSite({ datasetsRoot: datasets, outDir: out });
    const { page, problems } = await watchedPage();
    const { loadMs, searches } = await timeSearches(page, out, queriesFor(dataset.quotes[0]?.speaker_name ?? ""));
    writeFileSync(
      join(ARTIFACTS, "search-latency.json"),
      `${JSON.stringify({ articles: GENERATED_ARTICLES, quotes: dataset.quotes.length, buildMs: Math.round(built.ms), indexLoadMs: loadMs, searches }, null, 2)}\n`,
    );
    for (const s of searches) {
      expect(s.results, s.query).toBeGreaterThan(0);
      expect(s.ms, s.query).toBeLessThan(SEARCH_BUDGET_MS);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".csv": "text/csv",
  ".json": "application/json",
};

function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(
      /^(\.\.[/\\])+/,
      "",
    );
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
