import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, STACK_LINE, hashTree, removeTempDirs, runParleyInProcess, tempDir } from "./_helpers.ts";

afterAll(removeTempDirs);

// `build --out` replaces a whole folder: run it (in process), in a checkout of its own, against every kind of folder a user
// might name. Parley's own folders are replaced; anything else is refused before any work, with every byte kept.
const FIX = "choose a new or empty folder, or one a previous build wrote";

let checkout: string;
let sources: string;
let elsewhere: string;
let reference: string;
let referenceHashes: Record<string, string>;

/** Every file's hash and every folder's name under `dir`: refused runs must not even create an empty folder. */
function tree(dir: string): Record<string, string> {
  const folders = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => [join(e.parentPath, e.name), "folder"]);
  return { ...hashTree(dir), ...Object.fromEntries(folders) };
}

const build = (out: string, from = sources) =>
  runParleyInProcess(["build", "--sources", from, "--out", out], { cwd: checkout });

beforeAll(async () => {
  // A checkout with the collection, the registry and the published 1.0.0, as a contributor has it.
  checkout = join(tempDir("checkout"), "parley");
  mkdirSync(join(checkout, "pipelines"), { recursive: true });
  writeFileSync(join(checkout, "pnpm-workspace.yaml"), "packages: []\n");
  cpSync(join(REPO, "pipelines/registry"), join(checkout, "pipelines/registry"), { recursive: true });
  cpSync(
    join(REPO, "pipelines/moscow-format/collection.yaml"),
    join(checkout, "pipelines/moscow-format/collection.yaml"),
  );
  sources = join(checkout, "pipelines/moscow-format/sources");
  cpSync(join(REPO, "pipelines/moscow-format/sources"), sources, { recursive: true });
  cpSync(join(REPO, "datasets"), join(checkout, "datasets"), {
    recursive: true,
    filter: (src) => basename(src) !== "current" && !basename(src).startsWith(".parley"),
  });
  elsewhere = tempDir("elsewhere");
  reference = join(elsewhere, "reference");
  const run = await build(reference);
  expect(run.code, run.stderr).toBe(0);
  referenceHashes = hashTree(reference);
}, 60_000);

describe("build --out a folder Parley may replace", () => {
  it.each<[string, (out: string) => void]>([
    ["a new folder (and its parents)", () => undefined],
    ["an empty folder", (out) => mkdirSync(out, { recursive: true })],
    ["a folder a previous build wrote", (out) => cpSync(reference, out, { recursive: true })],
    // A checkout's datasets/<collection>/current/ as an older Parley left it: the dataset files, no marker.
    // An older Parley wrote the six tables it had then, and no marker.
    [
      "a folder an older Parley wrote, before the marker",
      (out) =>
        cpSync(reference, out, {
          recursive: true,
          filter: (src) => basename(src) !== ".parley" && !/^(quote_sources|roles)\./.test(basename(src)),
        }),
    ],
  ])("%s: writes the whole dataset, with nothing left beside it", { timeout: 30_000 }, async (_label, prepare) => {
    const out = join(tempDir("out"), "new", "dataset");
    prepare(out);
    const run = await build(out);
    expect(run.code, run.stderr).toBe(0);
    expect(hashTree(out)).toEqual(referenceHashes);
    expect(referenceHashes).toHaveProperty(".parley");
    expect(readdirSync(dirname(out))).toEqual(["dataset"]);
  });
});

describe("build --out anything else", () => {
  // Paths exist only once beforeAll has run: the expected problem is worked out then.
  const refused: Array<[string, () => { out: string; from?: string }, string | (() => string)]> = [
    [
      "a folder holding a user's files",
      () => {
        const out = join(elsewhere, "thesis");
        mkdirSync(join(out, "notes"), { recursive: true });
        writeFileSync(join(out, "thesis.docx"), "chapter one");
        writeFileSync(join(out, "notes", "todo.txt"), "read more");
        return { out };
      },
      "exists and holds files Parley did not write (notes/, thesis.docx)",
    ],
    [
      "a folder a build wrote, with a file added by hand",
      () => {
        const out = join(elsewhere, "annotated");
        cpSync(reference, out, { recursive: true });
        writeFileSync(join(out, "analysis.ipynb"), "{}");
        return { out };
      },
      "exists and holds files Parley did not write (analysis.ipynb)",
    ],
    [
      "an existing file",
      () => {
        writeFileSync(join(elsewhere, "notes.txt"), "mine");
        return { out: join(elsewhere, "notes.txt") };
      },
      "is a file",
    ],
    [
      "a link to a folder",
      () => {
        mkdirSync(join(elsewhere, "real"), { recursive: true });
        symlinkSync(join(elsewhere, "real"), join(elsewhere, "link"));
        return { out: join(elsewhere, "link") };
      },
      "is a symbolic link",
    ],
    ["the sources folder", () => ({ out: sources }), "is the sources folder"],
    [
      "a new folder inside the sources",
      () => ({ out: join(sources, "dataset") }),
      () => `is inside the sources folder (${sources})`,
    ],
    [
      "a folder holding the sources",
      () => {
        const own = join(elsewhere, "project");
        cpSync(sources, join(own, "articles"), { recursive: true });
        return { out: own, from: join(own, "articles") };
      },
      () => `contains the sources folder (${join(elsewhere, "project", "articles")})`,
    ],
    ["the repository root", () => ({ out: checkout }), "is the repository root"],
    ["a collection folder", () => ({ out: join(checkout, "pipelines/moscow-format") }), "is a collection folder"],
    ["the registry", () => ({ out: join(checkout, "pipelines/registry") }), "is the registry"],
    [
      "a published version folder",
      () => ({ out: join(checkout, "datasets/moscow-format/1.0.0") }),
      "is a published version folder",
    ],
    [
      "a collection's folder of published versions",
      () => ({ out: join(checkout, "datasets/moscow-format") }),
      () => `contains a published version folder (${join(checkout, "datasets/moscow-format/1.0.0")})`,
    ],
  ];

  it.each(refused)(
    "%s: refused in one line naming the path and what to do, every byte kept",
    { timeout: 30_000 },
    async (_label, prepare, problem) => {
      const { out, from } = prepare();
      const before = { checkout: tree(checkout), elsewhere: tree(elsewhere) };
      const run = await build(out, from);
      expect(run.code).toBe(1);
      expect(run.stderr.split("\n")[0]).toBe(
        `--out: ${out} ${typeof problem === "string" ? problem : problem()} — ${FIX}`,
      );
      expect(run.stderr).not.toMatch(STACK_LINE);
      // Refused before any work: no stage ran.
      expect(run.stderr).not.toMatch(/^ingest:/m);
      expect({ checkout: tree(checkout), elsewhere: tree(elsewhere) }).toEqual(before);
    },
  );
});
