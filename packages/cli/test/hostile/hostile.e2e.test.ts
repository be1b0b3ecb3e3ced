import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRegistry, type Registry } from "@parley/registry";
import { ingestSource } from "@parley/ingest";
import { publishDataset } from "@parley/export";
import { validateDatasetDir } from "@parley/validate";
import {
  REPO,
  STACK_LINE,
  buildFolder,
  hashTree,
  runParley,
  runParleyInProcess,
  tempDir,
  testRegistry,
  removeTempDirs,
} from "../_helpers.ts";
import { COMPANION, HOSTILE_CASES, type HostileCase } from "./corpus.ts";

afterAll(removeTempDirs);

// Every case runs the real command: an error must name path:line, exit 1, print no stack trace and leave the
// previous dataset byte for byte; anything accepted must be a valid dataset. A case that attacks memory, time or the
// stack runs it in a child process with a memory cap and a time limit; the others run it in this process (runCli,
// what bin/parley.mjs runs: the same exit code and output), which spares each a process start (over a second, most of
// this file's time when every case had one).
const MEMORY_CAP = "--max-old-space-size=512";

let registryDir: string;
let registry: Registry;
let previous: string;
let previousHashes: Record<string, string>;

beforeAll(async () => {
  registryDir = testRegistry();
  registry = loadRegistry(registryDir);
  const companionDir = join(tempDir("companion"), "sources");
  mkdirSync(companionDir, { recursive: true });
  writeFileSync(join(companionDir, "companion.md"), COMPANION);
  previous = join(tempDir("previous"), "dataset");
  publishDataset((await buildFolder(companionDir, registryDir)).dataset, previous, { min_rows: {}, max_rows: {} });
  previousHashes = hashTree(previous);
});

async function build(testCase: HostileCase, inChild: boolean) {
  const root = tempDir("hostile");
  const sources = join(root, "sources");
  const out = join(root, "out");
  mkdirSync(sources);
  writeFileSync(join(sources, "companion.md"), COMPANION);
  for (const [name, content] of Object.entries(testCase.files)) writeFileSync(join(sources, name), content);
  cpSync(previous, out, { recursive: true });
  const args = ["build", "--sources", sources, "--out", out, "--registry", registryDir];
  const run = inChild
    ? await runParley(args, { env: { NODE_OPTIONS: MEMORY_CAP }, timeoutMs: 90_000 })
    : await oneAtATime(() => runParleyInProcess(args));
  return { root, sources, out, run };
}

// In process, one case at a time (a run in process takes over this process's console and working folder), while the
// child processes of the others run beside them (vitest.config.ts lets every case of the file start at once).
let inProcess: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(run: () => Promise<T>): Promise<T> {
  const next = inProcess.then(run);
  inProcess = next.catch(() => undefined);
  return next;
}

// The child processes first: they are the slowest.
const CASES = [...HOSTILE_CASES].sort((a, b) => Number(b.attacks !== undefined) - Number(a.attacks !== undefined));

describe.concurrent("bad-input corpus", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", { timeout: 120_000 }, async (_name, testCase) => {
    await expectOutcome(testCase, testCase.attacks !== undefined);
  });
});

async function expectOutcome(testCase: HostileCase, inChild: boolean): Promise<void> {
  const { root, sources, out, run } = await build(testCase, inChild);
  const expected = testCase.expected;
  expect(run.signal, "killed by the time limit").toBeNull();
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(STACK_LINE);
  expect(run.stderr).not.toContain("internal error");
  expect(existsSync(join(REPO, "pwned")) || existsSync(join(root, "pwned")) || existsSync(join(sources, "pwned"))).toBe(
    false,
  );
  expect(readdirSync(root).filter((n) => n.startsWith(".parley-"))).toEqual([]);

  if (expected.outcome === "error") {
    expect(run.code, run.stderr).toBe(1);
    const where =
      expected.line === null
        ? `${join(sources, expected.file)}: `
        : `${join(sources, expected.file)}:${expected.line}: `;
    const line = run.stderr.split("\n").find((l) => l.startsWith(where));
    expect(line, `stderr has no line starting '${where}':\n${run.stderr}`).toBeDefined();
    expect(line).toMatch(expected.message);
    expect(line).toMatch(/ — \S/);
    expect(hashTree(out), "the previous dataset was changed").toEqual(previousHashes);
    return;
  }

  expect(run.code, run.stderr).toBe(0);
  const { violations, tables } = validateDatasetDir(out, { min_rows: {}, max_rows: {} });
  expect(violations).toEqual([]);
  // Evidence offsets point into the article text as ingested, and the sentence is the text at them.
  const texts = new Map<string, string>();
  for (const name of readdirSync(sources)) {
    const article = ingestSource(join(sources, name), readFileSync(join(sources, name)), registry);
    texts.set(article.source_id, article.text);
  }
  expect(tables.sources.map((s) => s.source_id).sort()).toEqual([...texts.keys()].sort());
  for (const row of tables.evidence) {
    const text = texts.get(String(row.source_id)) ?? "";
    const start = Number(row.start);
    const end = Number(row.end);
    expect(0 <= start && start <= end && end <= text.length, `evidence ${start}-${end} outside ${row.source_id}`).toBe(
      true,
    );
    expect(text.slice(start, end).trim()).toBe(row.sentence);
  }
  expected.check?.({ tables, texts });
}
