import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { type Article, sha256 } from "@parley/model";
import { loadGold, scoreAgainstGold } from "@parley/eval";
import { type BuildResult, buildDataset } from "@parley/pipeline";
import { runCli } from "../src/_run.ts";
import { PARLEY_BIN } from "./_bin.ts";
import { seededRandom } from "@parley/model";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const SEEDS_DIR = join(REPO, "pipelines/moscow-format/sources");
export const REGISTRY_DIR = join(REPO, "pipelines/registry");
export { PARLEY_BIN, PARLEY_TSX_BIN } from "./_bin.ts";

const made: string[] = [];

// Commands the tests spawn keep their per-article cache in a folder of the test run, never in the user's ~/.cache.
if (process.env.PARLEY_CACHE_DIR === undefined) {
  process.env.PARLEY_CACHE_DIR = mkdtempSync(join(tmpdir(), "parley-test-cache-"));
  made.push(process.env.PARLEY_CACHE_DIR);
}

/** A fresh folder under the system temp folder, removed by `removeTempDirs` (call it in afterAll). */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `parley-${label}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A speaker the tests add to a copy of the registry, so test articles never depend on who the seeds name. */
export const TEST_SPEAKER = { name: "Elena Marquez", surname: "Marquez", country: "ESP", role: "Foreign Minister" };

/** A copy of the curated registry with the test speaker added. */
export function testRegistry(): string {
  const dir = join(tempDir("registry"), "registry");
  cpSync(REGISTRY_DIR, dir, { recursive: true });
  const { name, country, role } = TEST_SPEAKER;
  appendFileSync(
    join(dir, "people.yaml"),
    `\n- name: ${name}\n  aliases: []\n  country: ${country}\n  role: ${role}\n`,
  );
  return dir;
}

/** A source file: front matter fields then the body, with "\n" line endings. */
export function sourceFile(fields: Record<string, string>, body: string): string {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
  return ["---", ...lines, "---", body].join("\n");
}

export const FRONT = {
  title: "Ministers meet on regional security",
  publisher: "Example Wire",
  published: "2024-10-04",
};

/** Paragraphs in real news phrasing, attributed to the test speaker. */
export function newsBody(extra = ""): string {
  const { name, surname } = TEST_SPEAKER;
  return [
    `Foreign ministers met in Madrid on Friday to discuss security in the region, officials said.`,
    `“We will continue to develop multifaceted contacts with all our partners,” ${name} said after the talks.`,
    `${surname} added that the ministers had agreed to meet again next year. “Dialogue is the only way forward for the region,” she said.`,
    extra,
  ]
    .filter((p) => p.length > 0)
    .join("\n");
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the real `parley` command in a child process, as a contributor would (in the repository, unless `cwd` names another). */
export function runParley(
  args: string[],
  options: { env?: Record<string, string>; timeoutMs?: number; cwd?: string } = {},
): Promise<RunResult> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [PARLEY_BIN, ...args], {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, CI: "1", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("error", fail);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/**
 * Runs `parley` in this process, as main.ts does (same exit code, same output), in `cwd` (the repository
 * unless named): the fast tier's way to test a command's decisions and messages without starting a process.
 * What only a child process shows (a kill, a memory cap, another time zone) is for the e2e tier's `runParley`.
 */
export async function runParleyInProcess(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<RunResult> {
  const started = Date.now();
  let stdout = "";
  let stderr = "";
  const text = (parts: unknown[]): string =>
    `${parts.map((p) => (typeof p === "string" ? p : inspect(p))).join(" ")}\n`;
  const saved = {
    log: console.log,
    info: console.info,
    warn: console.warn,
    error: console.error,
    out: process.stdout.write,
    err: process.stderr.write,
  };
  const env = { CI: "1", ...options.env };
  const savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const cwd = process.cwd();
  console.log = console.info = (...parts: unknown[]) => void (stdout += text(parts));
  console.warn = console.error = (...parts: unknown[]) => void (stderr += text(parts));
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (stdout += chunk.toString()), true
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (
    (stderr += chunk.toString()), true
  )) as typeof process.stderr.write;
  Object.assign(process.env, env);
  try {
    process.chdir(options.cwd ?? REPO);
    const code = await runCli(args);
    return { code, signal: null, stdout, stderr, ms: Date.now() - started };
  } finally {
    process.chdir(cwd);
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    Object.assign(console, { log: saved.log, info: saved.info, warn: saved.warn, error: saved.error });
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
  }
}

/** sha256 of every file under a folder, by relative path: two folders are byte-identical when these are equal. */
export function hashTree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isSymbolicLink()) hashes[rel] = `link to ${readlinkSync(join(dir, rel))}`;
      else
        hashes[rel] = createHash("sha256")
          .update(readFileSync(join(dir, rel)))
          .digest("hex");
    }
  };
  if (existsSync(dir)) walk("");
  return hashes;
}

/** Lines of a stack trace: what a user must never see for a mistake in their input. */
export const STACK_LINE = /^\s+at .+[(:]/m;

/**
 * Writes `copies` variants of the seed articles: opening paragraphs rotated and a numbered opening line,
 * so every copy has its own text (the pipeline refuses two files with the same text).
 */
export function replicateSeeds(dir: string, copies: number, order: "forward" | "shuffled" = "forward"): string[] {
  mkdirSync(dir, { recursive: true });
  const seeds = readdirSync(SEEDS_DIR)
    .filter((n) => n.endsWith(".md"))
    .sort()
    .map((n) => ({ name: n.replace(/\.md$/, ""), text: readFileSync(join(SEEDS_DIR, n), "utf8") }));
  const files: Array<[string, string]> = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const seed of seeds) {
      const close = seed.text.indexOf("\n---", 3) + 4;
      const paragraphs = seed.text.slice(close + 1).split("\n");
      // Publisher boilerplate sits at the end: only the first half of the paragraphs changes order.
      const half = Math.ceil(paragraphs.length / 2);
      const shift = copy % half;
      const rotated = [
        ...paragraphs.slice(shift, half),
        ...paragraphs.slice(0, shift),
        ...paragraphs.slice(half),
      ].filter((p) => p.trim().length > 0);
      const body = [`This report was filed as copy ${copy + 1}.`, ...rotated].join("\n");
      files.push([`${seed.name}-copy${String(copy).padStart(4, "0")}.md`, `${seed.text.slice(0, close)}\n${body}\n`]);
    }
  }
  const written = order === "shuffled" ? shuffle(files) : files;
  for (const [name, text] of written) writeFileSync(join(dir, name), text);
  return written.map(([name]) => name);
}

/** A fixed-seed shuffle (mulberry32), so a failing order can be reproduced. */
export function shuffle<T>(items: readonly T[], seed = 20241004): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** An ingested article made directly from text, as extraction and normalization receive it. */
export function articleOf(sourceId: string, text: string, title = "A wire report"): Article {
  return {
    source_id: sourceId,
    file: `${sourceId}.md`,
    title,
    publisher: "Example Wire",
    url: null,
    published: "2024-10",
    language: "en",
    title_is_headline: true,
    unknown_fields: [],
    retrieved: null,
    text,
    sha256: sha256(text),
    body_line: 6,
    removed: [],
  };
}

/** Builds a folder of sources through the pipeline runner, in this thread and without a cache. */
export function buildFolder(sourcesDir: string, registryDir = REGISTRY_DIR): Promise<BuildResult> {
  return buildDataset({ sourcesDir, registryDir, cacheDir: null, workers: 0 });
}

/** Builds a folder of sources in process and scores it against a gold file, as `parley eval` does. */
export async function scoreFolder(goldFile: string, sourcesDir: string) {
  const gold = loadGold(goldFile);
  const { dataset } = await buildFolder(sourcesDir);
  const report = scoreAgainstGold(gold, dataset);
  return { gold, dataset, report, metrics: report.metrics };
}
