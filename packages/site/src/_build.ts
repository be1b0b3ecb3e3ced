import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inputError } from "@parley/model";
import { type LoadOptions, loadSiteInput } from "./_load.ts";
import { SEARCH_ENGINE_PATH, SEARCH_SCRIPT_PATH } from "./_search.ts";
import { renderSite } from "./_site.ts";

export interface BuildOptions extends LoadOptions {
  outDir: string;
}

export interface BuildResult {
  outDir: string;
  pages: number;
  files: number;
  ms: number;
}

/** Left in every built site, so a rebuild only ever replaces a folder that it made itself. */
const MARKER = ".parley-site";
const ASSETS = join(dirname(fileURLToPath(import.meta.url)), "assets");

// MiniSearch's browser build (UMD: sets window.MiniSearch), shipped with the site so no CDN is needed.
function miniSearchBrowserBuild(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve("minisearch");
  const root = join(dirname(entry), "..", "..");
  const license = readFileSync(join(root, "LICENSE.txt"), "utf8").trim();
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
  const code = readFileSync(join(root, "dist", "umd", "index.js"), "utf8").replace(/^\/\/# sourceMappingURL=.*$/m, "");
  return `/*! MiniSearch ${version}\n${license}\n*/\n${code}`;
}

function write(root: string, path: string, content: string | Buffer): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function refuseForeignFolder(outDir: string): void {
  if (existsSync(outDir) && readdirSync(outDir).length > 0 && !existsSync(join(outDir, MARKER))) {
    throw inputError(
      outDir,
      null,
      "the folder exists and is not a site built by parley",
      "choose an empty or new folder for --out",
    );
  }
}

/** `parley site`: reads the datasets, renders every page, and replaces `outDir` with the new site at once. */
export function buildSite(options: BuildOptions): BuildResult {
  const started = performance.now();
  const outDir = resolve(options.outDir);
  refuseForeignFolder(outDir);
  const { input, downloads } = loadSiteInput(options);
  const files = renderSite(input);
  const staging = `${outDir}.parley-tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [path, content] of files) write(staging, path, content);
    write(staging, "assets/site.css", readFileSync(join(ASSETS, "site.css")));
    write(staging, SEARCH_SCRIPT_PATH, readFileSync(join(ASSETS, "search.js")));
    write(staging, SEARCH_ENGINE_PATH, miniSearchBrowserBuild());
    for (const [path, from] of [...downloads].sort(([a], [b]) => (a < b ? -1 : 1))) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      copyFileSync(from, join(staging, path));
    }
    write(staging, MARKER, "Built by 'pnpm parley site'; the whole folder is replaced on every build.\n");
    rmSync(outDir, { recursive: true, force: true });
    renameSync(staging, outDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const pages = [...files.keys()].filter((p) => p.endsWith(".html")).length;
  return { outDir, pages, files: files.size + downloads.size + 4, ms: performance.now() - started };
}
