import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bench, describe } from "vitest";
import { seededRandom, type Article, type ArticleExtraction, type QuoteMention } from "@parley/model";
import { loadRegistry } from "@parley/registry";
import { normalizeCollection } from "@parley/normalize";
import { extractArticle } from "@parley/extract";
import { ingestSource, readSourceFile } from "@parley/ingest";
import { listSourceFiles } from "@parley/pipeline";
import {
  REGISTRY_DIR,
  SEEDS_DIR,
  articleOf,
  removeTempDirs,
  replicateSeeds,
  shuffle,
  tempDir,
} from "../test/_helpers.ts";

// `pnpm bench` (this part): extraction alone on one core, on the seeds replicated x100 (500 articles, text varied
// per copy), and the normalize merge on 100,000 synthetic quotes. Whole builds through the runner (full, no change,
// one article added) are measured by packages/pipeline's bench. Throughput lines are printed after the tables.
const COPIES = 100;
const SYNTHETIC_QUOTES = 100_000;
// Whole runs are long enough to measure one by one: a fixed count after two warm-up runs. The second run of 500
// articles is still 10-20% slower than the ones after it (the JIT is still compiling the rules), so one warm-up
// understated the steady rate.
const RUNS = { iterations: 5, time: 0, warmupIterations: 2, warmupTime: 0 };

process.on("exit", removeTempDirs);
const sources = join(tempDir("bench"), "sources");
replicateSeeds(sources, COPIES);
const registry = loadRegistry(REGISTRY_DIR);

/** The milliseconds of each measured run of a bench. */
type Tally = number[];

/**
 * Runs `fn`, adding its time to a tally from which a rate is reported. The warm-up runs (the first ones, while the
 * JIT compiles: the slowest by far) are not counted, whether or not the bench runner reports them as warm-up.
 */
function timed(tally: Tally, fn: () => void): () => void {
  let calls = 0;
  return () => {
    const started = performance.now();
    fn();
    if (calls++ < RUNS.warmupIterations) return;
    tally.push(performance.now() - started);
  };
}

/**
 * The rate of the median run, with the slowest and fastest: on a shared virtual machine one run in several is slowed
 * by others' load (the same code varies by ±25%), which a mean would pass on to the headline figure.
 */
function rate(label: string, units: number, unit: string, tally: Tally): string {
  const perSecond = (ms: number): number => Math.round(units / (ms / 1000));
  const sorted = [...tally].sort((a, b) => a - b);
  const median =
    sorted.length % 2 ? sorted[sorted.length >> 1]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  const mean = tally.reduce((sum, ms) => sum + ms, 0) / tally.length;
  const n = (x: number): string => x.toLocaleString("en");
  return `${label}: ${n(perSecond(median))} ${unit}/s (median of ${tally.length} runs, ${median.toFixed(0)} ms; runs ${n(perSecond(sorted.at(-1)!))}-${n(perSecond(sorted[0]!))}/s, mean ${n(perSecond(mean))}/s)`;
}

// The progress lines of 500 articles per run would bury the results (collection builds once too, so silence now).
const writeStderr = process.stderr.write.bind(process.stderr);
process.stderr.write = (() => true) as typeof process.stderr.write;
/** Prints the rates once a bench's measured runs are done (vitest's own table gives runs per second). */
const report = (tally: Tally, line: () => string) => ({
  teardown: (_task: unknown, mode?: string) => {
    if (mode === "run") writeStderr(`\n${line()}\n`);
    // Warm-up runs are not measured.
    tally.length = 0;
  },
});

/**
 * 100,000 quote mentions in 2,000 articles by 400 speakers, worded from the seed articles' vocabulary:
 * most new, some repeated by other sources, some cut short (a partial quote), as in news coverage.
 */
function syntheticCorpus(): { articles: Article[]; extractions: ArticleExtraction[] } {
  const next = seededRandom(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const vocabulary = [
    ...new Set(
      readdirSync(SEEDS_DIR)
        .filter((n) => n.endsWith(".md"))
        .flatMap(
          (n) =>
            readFileSync(join(SEEDS_DIR, n), "utf8")
              .toLowerCase()
              .match(/\p{L}{3,}/gu) ?? [],
        ),
    ),
  ].sort();
  const syllables = ["ka", "ri", "mo", "sen", "dar", "lo", "vi", "tan", "el", "zu", "ha", "mir", "no", "be"];
  const name = (): string => {
    const part = (): string => {
      const s = Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(syllables)).join("");
      return s[0]?.toUpperCase() + s.slice(1);
    };
    return `${part()} ${part()}`;
  };
  const speakers = Array.from({ length: 400 }, name);
  const said: Array<{ speaker: string; words: string[] }> = [];
  const articles: Article[] = [];
  const extractions: ArticleExtraction[] = [];
  const perArticle = SYNTHETIC_QUOTES / 2_000;
  for (let a = 0; a < 2_000; a++) {
    const source_id = `synthetic-${String(a).padStart(4, "0")}`;
    let text = "";
    const quotes: QuoteMention[] = [];
    for (let q = 0; q < perArticle; q++) {
      const roll = next();
      let speaker: string;
      let words: string[];
      if (roll < 0.2 && said.length > 0) ({ speaker, words } = pick(said));
      else if (roll < 0.3 && said.length > 0) {
        const earlier = pick(said);
        const from = Math.floor(next() * (earlier.words.length / 2));
        speaker = earlier.speaker;
        words = earlier.words.slice(from, from + 6 + Math.floor(next() * 6));
      } else {
        speaker = pick(speakers);
        words = Array.from({ length: 8 + Math.floor(next() * 14) }, () => pick(vocabulary));
        said.push({ speaker, words });
      }
      const quoteText = words.join(" ");
      const sentenceStart = text.length;
      const start = sentenceStart + 1;
      text += `“${quoteText},” ${speaker} said.\n`;
      quotes.push({
        text: quoteText,
        span: { start, end: start + quoteText.length },
        evidence: { start: sentenceStart, end: text.length - 1 },
        speaker: { type: "person", name: speaker, role: null, country: null },
        kind: null,
        medium: null,
        translated: null,
        meeting_key: null,
      });
    }
    articles.push(articleOf(source_id, text, `Synthetic report ${a}`));
    extractions.push({ source_id, people: [], quotes, meetings: [], warnings: [] });
  }
  return { articles, extractions: shuffle(extractions) };
}

// Extraction alone, on one core: every article read afresh (a copy of the article object, so the cached reading
// of the previous run is not reused). On the replicated seeds, and on the real dev corpus when it sits beside
// the repository (issue #9: at least 200 articles a second per core).
const devSources = join(import.meta.dirname, "../../../../shared/corpus/dev/sources");
const ingestFolder = (dir: string): Article[] =>
  listSourceFiles(dir).map((file) => ingestSource(file, readSourceFile(file), registry));
const corpora: Array<[string, Article[]]> = [["replicated seeds", ingestFolder(sources)]];
if (existsSync(devSources)) corpora.push(["real dev corpus", ingestFolder(devSources)]);
for (const [name, articles] of corpora) {
  describe(`extraction on the ${name} (${articles.length} articles, one core)`, () => {
    const tally: Tally = [];
    bench(
      "extract",
      timed(tally, () => void articles.map((a) => extractArticle({ ...a }, registry))),
      {
        ...RUNS,
        ...report(tally, () => rate(`extraction on the ${name}, one core`, articles.length, "articles", tally)),
      },
    );
  });
}

describe(`normalize merge of ${SYNTHETIC_QUOTES.toLocaleString("en")} quotes`, () => {
  const corpus = syntheticCorpus();
  const merge: Tally = [];
  let merged = 0;
  bench(
    "normalizeCollection",
    timed(merge, () => {
      merged = normalizeCollection(corpus.articles, corpus.extractions, registry).quotes.length;
    }),
    {
      ...RUNS,
      iterations: 2,
      ...report(
        merge,
        () =>
          `${rate(`normalize merge, ${SYNTHETIC_QUOTES} quote mentions`, SYNTHETIC_QUOTES, "quotes", merge)} -> ${merged} quotes`,
      ),
    },
  );
});
