import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishDataset, recoverInterruptedSwap, ValidationFailed } from "@parley/export";
import { buildDataset, defaultCacheDir } from "@parley/pipeline";
import {
  PARLEY_BIN,
  REGISTRY_DIR,
  REPO,
  STACK_LINE,
  buildFolder,
  hashTree,
  replicateSeeds,
  runParley,
  tempDir,
  removeTempDirs,
} from "./_helpers.ts";

afterAll(removeTempDirs);

// Kill the real command with SIGKILL at points across a build of 300 articles: the output folder must then hold
// the previous dataset byte for byte, or the complete new one; a swap cut between its two renames is put back.
const NO_ASSERTIONS = { min_rows: {}, max_rows: {} };
/** The extract stage's closing line (not a "k/n" tick): what follows is merging, writing, validating, swapping. */
const EXTRACTED = /^extract: (?!\d+\/\d+)/;

let previous: string;
let previousHashes: Record<string, string>;
let newHashes: Record<string, string>;
let bigSources: string;
/** The per-article cache of `bigSources`, every article extracted: runs killed after extraction start from a copy. */
let warmCache: string;
/** Milliseconds from the end of extraction to the end of the run: merging, writing, validating, swapping. */
let publishWindow: number;

interface Timeline {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** When each trigger line was first seen, ms after spawn. */
  seen: Map<string, number>;
  ms: number;
}

/**
 * Runs `parley build` with the per-article cache in `cache`; when `killOn` matches a stderr line, waits `delayMs`
 * and sends SIGKILL.
 */
function runUntil(
  sources: string,
  out: string,
  cache: string,
  killOn?: { line: RegExp; delayMs: number },
): Promise<Timeline> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [PARLEY_BIN, "build", "--sources", sources, "--out", out, "--registry", REGISTRY_DIR],
    {
      cwd: REPO,
      env: { ...process.env, CI: "1", PARLEY_CACHE_DIR: cache },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const seen = new Map<string, number>();
  let stderr = "";
  let pending = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
    pending += d.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (EXTRACTED.test(line) && !seen.has("extracted")) seen.set("extracted", Date.now() - started);
      if (killOn && !seen.has("trigger") && killOn.line.test(line)) {
        seen.set("trigger", Date.now() - started);
        setTimeout(() => child.kill("SIGKILL"), killOn.delayMs);
      }
    }
  });
  const guard = setTimeout(() => child.kill("SIGKILL"), 120_000);
  return new Promise((done) =>
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      done({ code, signal, stderr, seen, ms: Date.now() - started });
    }),
  );
}

const leftovers = (out: string): string[] =>
  readdirSync(dirname(out)).filter((n) => n.startsWith(`.parley-tmp-${basename(out)}`));

beforeAll(async () => {
  const root = tempDir("kill");
  const small = join(root, "small");
  replicateSeeds(small, 1);
  previous = join(root, "previous");
  publishDataset((await buildFolder(small)).dataset, previous, NO_ASSERTIONS);
  previousHashes = hashTree(previous);

  bigSources = join(root, "big");
  replicateSeeds(bigSources, 60);
  // The per-article cache is filled in this process, whose tagger is loaded already (a command would start two
  // workers and load it in each, seconds on a busy machine); the cache is the same, keyed by content and code.
  warmCache = tempDir("kill-cache");
  const cacheDir = defaultCacheDir(bigSources, { PARLEY_CACHE_DIR: warmCache });
  await buildDataset({ sourcesDir: bigSources, registryDir: REGISTRY_DIR, cacheDir, workers: 0 });
  // The real command then builds from it, as every run killed after extraction does: its dataset is the new one,
  // and its time from the end of extraction to its exit is the publish window the kills are spread over.
  const fresh = join(root, "fresh");
  const full = await runUntil(bigSources, fresh, warmCache);
  expect(full.code, full.stderr).toBe(0);
  expect(full.stderr).toMatch(/\(300 from the cache, 0 extracted\)/);
  newHashes = hashTree(fresh);
  expect(newHashes).not.toEqual(previousHashes);
  publishWindow = full.ms - (full.seen.get("extracted") ?? 0);
}, 180_000);

type State = "previous" | "new" | "mid-swap";

/**
 * Builds `bigSources` over a copy of the previous dataset, kills it as `killOn` says, and tells what the folder holds.
 * `extracting`: the run extracts every article (a cache of its own, so it can be killed while extracting); otherwise
 * it reads them from a copy of the full build's cache, and reaches the merge, writing and swap sooner.
 */
async function killAndInspect(killOn: { line: RegExp; delayMs: number }, extracting: boolean): Promise<State> {
  const out = join(tempDir("killed"), "dataset");
  cpSync(previous, out, { recursive: true });
  const cache = tempDir("kill-cache");
  if (!extracting) cpSync(warmCache, cache, { recursive: true });
  const run = await runUntil(bigSources, out, cache, killOn);
  expect(run.stderr).not.toMatch(STACK_LINE);
  let state: State;
  if (existsSync(out)) {
    const hashes = hashTree(out);
    expect([previousHashes, newHashes], "the output folder holds a mix of datasets").toContainEqual(hashes);
    state = hashes === previousHashes || JSON.stringify(hashes) === JSON.stringify(previousHashes) ? "previous" : "new";
  } else {
    // Killed between the two renames: the previous dataset waits beside it, whole.
    expect(hashTree(`${out}.parley-old`)).toEqual(previousHashes);
    state = "mid-swap";
  }
  if (run.signal === "SIGKILL") {
    recoverInterruptedSwap(out);
    expect([previousHashes, newHashes]).toContainEqual(hashTree(out));
    expect(leftovers(out)).toEqual([]);
    expect(existsSync(`${out}.parley-old`)).toBe(false);
  } else {
    expect(run.code).toBe(0);
  }
  return state;
}

describe("a build killed with SIGKILL", () => {
  it.each([
    ["while reading sources", /^ingest: \d+\/\d+/],
    ["while extracting", /^extract: \d+\/\d+/],
  ])("%s leaves the previous dataset byte for byte", { timeout: 120_000 }, async (_when, line) => {
    expect(await killAndInspect({ line, delayMs: 0 }, true)).toBe("previous");
  });

  // Five builds of 300 articles one after the other, their extraction a cache read (the publish window is measured
  // from the end of extraction, so it is the same).
  it("while merging, writing, validating or swapping leaves the previous dataset or the whole new one", {
    timeout: 420_000,
  }, async () => {
    const states: State[] = [];
    for (const fraction of [0, 0.25, 0.5, 0.75, 0.95]) {
      states.push(await killAndInspect({ line: EXTRACTED, delayMs: Math.round(fraction * publishWindow) }, false));
    }
    process.stdout.write(`kill states: ${states.join(", ")} (publish window ${publishWindow} ms)\n`);
    // At least one kill must land before the swap, or this test proved nothing.
    expect(states).toContain("previous");
  });
});

describe("an interrupted swap", () => {
  it("is put back by the next run even when that run fails, and dead runs' staging folders are removed", {
    timeout: 60_000,
  }, async () => {
    const root = tempDir("swap");
    const out = join(root, "dataset");
    cpSync(previous, out, { recursive: true });
    // The state a kill between the two renames leaves: previous set aside, a staging folder of a dead process.
    renameSync(out, `${out}.parley-old`);
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    const staging = join(root, `.parley-tmp-dataset-${deadPid}`);
    mkdirSync(staging);
    writeFileSync(join(staging, "quotes.csv"), "quote_id,text\nquote:half-written");
    const sources = join(root, "sources");
    mkdirSync(sources);
    writeFileSync(join(sources, "broken.md"), "no front matter here\n");
    const run = await runParley(["build", "--sources", sources, "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(sources, "broken.md")}:1: no front matter`);
    expect(hashTree(out)).toEqual(previousHashes);
    expect(existsSync(`${out}.parley-old`)).toBe(false);
    expect(existsSync(staging)).toBe(false);
  });

  it("killed after the second rename keeps the new dataset and drops the old one", () => {
    const root = tempDir("swap-late");
    const out = join(root, "dataset");
    cpSync(previous, out, { recursive: true });
    cpSync(previous, `${out}.parley-old`, { recursive: true });
    writeFileSync(join(out, "marker"), "new");
    recoverInterruptedSwap(out);
    expect(existsSync(join(out, "marker"))).toBe(true);
    expect(existsSync(`${out}.parley-old`)).toBe(false);
  });

  it("keeps the staging folder of a build still running", () => {
    const root = tempDir("swap-live");
    const out = join(root, "dataset");
    const live = join(root, `.parley-tmp-dataset-${process.pid}`);
    mkdirSync(live);
    recoverInterruptedSwap(out);
    expect(existsSync(live)).toBe(true);
    rmSync(live, { recursive: true });
  });
});

describe("a dataset that fails validation", () => {
  it("is not published: the previous dataset stays byte for byte", async () => {
    const out = join(tempDir("invalid"), "dataset");
    cpSync(previous, out, { recursive: true });
    const { dataset } = await buildFolder(join(REPO, "pipelines/moscow-format/sources"));
    expect(() => publishDataset(dataset, out, { min_rows: { meetings: 1_000_000 }, max_rows: {} })).toThrow(
      ValidationFailed,
    );
    expect(hashTree(out)).toEqual(previousHashes);
    expect(leftovers(out)).toEqual([]);
  });
});
