import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TABLE_NAMES } from "@parley/model";
import {
  FRONT,
  SEEDS_DIR,
  hashTree,
  newsBody,
  replicateSeeds,
  runParley,
  shuffle,
  sourceFile,
  tempDir,
  testRegistry,
  removeTempDirs,
} from "./_helpers.ts";

afterAll(removeTempDirs);

// Same sources, read in another order, in another time zone and locale: the same bytes.
const SETTINGS = [
  { order: "forward", env: { TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" } },
  { order: "shuffled", env: { TZ: "Etc/GMT+12", LANG: "ja_JP.UTF-8", LC_ALL: "ja_JP.UTF-8" } },
] as const;

/** Names whose order differs between code-unit order and locale collation (case, accents, Turkish dotted i). */
const LOCALE_SENSITIVE_NAMES = [
  "Zeta talks",
  "zeta-talks",
  "Ärzte-report",
  "éclair-briefing",
  "istanbul-round",
  "İzmir-round",
];

function writeCorpus(dir: string, order: "forward" | "shuffled"): void {
  mkdirSync(dir, { recursive: true });
  const files: Array<[string, string]> = readdirSync(SEEDS_DIR)
    .filter((n) => n.endsWith(".md"))
    .sort()
    .map((n) => [n, readFileSync(join(SEEDS_DIR, n), "utf8")]);
  LOCALE_SENSITIVE_NAMES.forEach((name, i) =>
    files.push([
      `${name}.md`,
      sourceFile({ ...FRONT, title: `Briefing ${i + 1}` }, newsBody(`Briefing number ${i + 1} ended at noon.`)),
    ]),
  );
  for (const [name, text] of order === "shuffled" ? shuffle(files) : files) writeFileSync(join(dir, name), text);
  replicateSeeds(dir, 3, order);
}

describe("byte-identical outputs", () => {
  it("for the same sources in another file order, time zone and locale", { timeout: 120_000 }, async () => {
    const registry = testRegistry();
    const root = tempDir("determinism");
    // The settings really differ in the child processes: hour of the epoch and default locale.
    const seenBy = SETTINGS.map(
      ({ env }) =>
        spawnSync(
          process.execPath,
          ["-e", "console.log(new Date(0).getHours(), new Intl.Collator().resolvedOptions().locale)"],
          {
            env: { ...process.env, ...env },
            encoding: "utf8",
          },
        ).stdout,
    );
    expect(seenBy[0]).not.toBe(seenBy[1]);

    const builds = await Promise.all(
      SETTINGS.map(async ({ order, env }, i) => {
        const sources = join(root, `sources-${i}`);
        const out = join(root, `out-${i}`);
        writeCorpus(sources, order);
        const run = await runParley(["build", "--sources", sources, "--out", out, "--registry", registry], { env });
        expect(run.code, run.stderr).toBe(0);
        return hashTree(out);
      }),
    );
    const [first, second] = builds;
    // The tables, and the marker that lets the next build replace them: it too must not vary.
    expect(Object.keys(first ?? {}).sort()).toEqual(
      [".parley", ...TABLE_NAMES.flatMap((t) => [`${t}.csv`, `${t}.json`])].sort(),
    );
    expect(second).toEqual(first);
  });
});
