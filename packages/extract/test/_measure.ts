// Prints quote precision/recall/F1 and speaker accuracy per seed against the gold, and extraction speed.
// Run: pnpm --filter @parley/extract bench
import { extractQuotes } from "../src/quotes/index.ts";
import { f1, goldFor, registry, score, seedArticles, type Score } from "./_gold.ts";

const articles = seedArticles();
const total: Score = { tp: 0, fp: 0, fn: 0, speakerRight: 0, speakerTotal: 0, wrong: [] };
const pct = (x: number): string => x.toFixed(3);
for (const article of articles) {
  const s = score(extractQuotes({ article, registry }), goldFor(article.source_id));
  for (const key of ["tp", "fp", "fn", "speakerRight", "speakerTotal"] as const) total[key] += s[key];
  const m = f1(s);
  console.log(
    `${article.source_id}  P ${pct(m.precision)}  R ${pct(m.recall)}  F1 ${pct(m.f1)}  speaker ${s.speakerRight}/${s.speakerTotal}`,
  );
  for (const w of s.wrong) console.log(`    ${w}`);
}
const m = f1(total);
console.log(
  `overall  P ${pct(m.precision)}  R ${pct(m.recall)}  F1 ${pct(m.f1)}  speaker ${pct(total.speakerRight / total.speakerTotal)} (${total.speakerRight}/${total.speakerTotal})`,
);

// CPU time as well as wall time: other work on a shared machine slows the wall clock, not the CPU time.
const rounds = 100;
for (let r = 0; r < 10; r++) for (const article of articles) extractQuotes({ article, registry });
const started = performance.now();
const cpu = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const article of articles) extractQuotes({ article, registry });
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
const n = rounds * articles.length;
console.log(
  `speed  ${(n / cpuSeconds).toFixed(0)} articles/s of CPU time, ${(n / seconds).toFixed(0)} articles/s wall (${n} articles, seeds ×${rounds})`,
);
