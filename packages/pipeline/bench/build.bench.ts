import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { tagText } from "@parley/extract";
import { loadRegistry } from "@parley/registry";
import { articleGenerator, loadWorld, writeCorpus } from "./_corpus.ts";

// `pnpm bench` (this part): whole builds through the runner on generated corpora of realistic articles, each build
// in a process of its own: a full build (empty cache), a rebuild with nothing changed, a rebuild with one article
// added; beside them the floor (read every file and run one regex over it) of the same corpus, and the same read
// with the part-of-speech tagger run over each file instead (issue #9's one reading needs a real tagger: no build can
// beat that either, and it alone is tens of times the floor).
// PARLEY_BENCH_SIZES=1000,10000 chooses the sizes (default 1000,10000,100000: the largest takes several minutes);
// PARLEY_BENCH_KEEP=DIR keeps the corpora there between runs (generated again only when missing).

const REPO = join(import.meta.dirname, "../../..");
const REGISTRY = join(REPO, "pipelines/registry");
const sizes = (process.env.PARLEY_BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const root = process.env.PARLEY_BENCH_KEEP ?? mkdtempSync(join(tmpdir(), "parley-bench-"));
const generate = articleGenerator(loadWorld(loadRegistry(REGISTRY)));

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

/** Reads every file of a folder and runs one regular expression over it: what no build can beat. */
function floor(dir: string): number {
  const started = performance.now();
  let found = 0;
  for (const name of readdirSync(dir).sort()) if (/\bsaid\b/.test(readFileSync(join(dir, name), "utf8"))) found++;
  if (found < 0) throw new Error("unreachable");
  return performance.now() - started;
}

/** Reads every file and tags it with the extractor's part-of-speech tagger, in one thread. */
function tagFloor(dir: string): number {
  tagText("Warm the tagger's model up."); // loading the model is not part of the rate
  const started = performance.now();
  let tokens = 0;
  for (const name of readdirSync(dir).sort()) tokens += tagText(readFileSync(join(dir, name), "utf8")).length;
  if (tokens < 0) throw new Error("unreachable");
  return performance.now() - started;
}

interface Run {
  ms: number;
  maxRssKb: number;
  stats: { articles: number; cached: number; extracted: number; workers: number } | null;
  rows: Record<string, number> | null;
  load: string;
}

function build(sources: string, out: string, cache: string): Run {
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "_build-once.ts"), sources, out, cache, REGISTRY],
    {
      // In this package, where tsx is installed.
      cwd: join(import.meta.dirname, ".."),
      encoding: "utf8",
      maxBuffer: 1 << 26,
      env: { ...process.env, CI: "1" },
    },
  );
  if (child.status !== 0) throw new Error(`build failed (${child.status}):\n${child.stderr.slice(-4000)}`);
  const last = child.stdout.trim().split("\n").pop() ?? "{}";
  return { ...(JSON.parse(last) as Omit<Run, "load">), load: load() };
}

const s = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
const mib = (kb: number): string => `${Math.round(kb / 1024)} MiB`;

const lines: string[] = [
  `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z`,
  "",
  "| articles | corpus | floor (read+regex) | read+tag, one thread (× floor) | full build | articles/s | × floor | peak RSS | no change | one added (re-extracted) | load at each |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
];
process.stderr.write(`${lines[0]}\ncorpora in ${root}\n`);
for (const size of sizes) {
  const sources = join(root, `corpus-${size}`, "sources");
  const existing = (() => {
    try {
      return readdirSync(sources).length;
    } catch {
      return 0;
    }
  })();
  if (existing !== size) {
    rmSync(sources, { recursive: true, force: true });
    writeCorpus(sources, generate, 0, size);
  }
  const bytes = Number(execFileSync("du", ["-sb", sources], { encoding: "utf8" }).split("\t")[0]);
  const work = mkdtempSync(join(tmpdir(), `parley-bench-${size}-`));
  const out = join(work, "dataset");
  const cache = join(work, "cache");
  try {
    floor(sources); // warm the page cache, as the builds after the first find it
    const floorMs = floor(sources);
    const tagMs = tagFloor(sources);
    process.stderr.write(
      `${size}: floor ${s(floorMs)}, read+tag ${s(tagMs)} (${Math.round(tagMs / floorMs)}× the floor)\n`,
    );
    const full = build(sources, out, cache);
    process.stderr.write(
      `${size}: full build ${s(full.ms)}, ${mib(full.maxRssKb)} (load ${full.load}) ${JSON.stringify(full.rows)}\n`,
    );
    const same = build(sources, out, cache);
    process.stderr.write(`${size}: no change ${s(same.ms)} (load ${same.load})\n`);
    writeCorpus(sources, generate, size, size + 1);
    const added = build(sources, out, cache);
    process.stderr.write(`${size}: one added ${s(added.ms)} (load ${added.load})\n`);
    rmSync(join(sources, generate(size).name));
    lines.push(
      `| ${size.toLocaleString("en")} | ${Math.round(bytes / 2 ** 20)} MiB | ${s(floorMs)} | ${s(tagMs)} (${Math.round(tagMs / floorMs)}) | ${s(full.ms)} | ${Math.round(size / (full.ms / 1000))} | ${Math.round(full.ms / floorMs)} | ${mib(full.maxRssKb)} | ${s(same.ms)} | ${s(added.ms)} (${added.stats?.extracted ?? "?"}) | ${full.load} / ${same.load} / ${added.load} |`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
if (process.env.PARLEY_BENCH_KEEP === undefined) rmSync(root, { recursive: true, force: true });
process.stdout.write(`${lines.join("\n")}\n`);
