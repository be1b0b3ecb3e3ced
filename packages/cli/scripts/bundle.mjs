#!/usr/bin/env node
// Bundles the `parley` command into one JavaScript file for the slow test tier, so the tests that spawn the
// command many times (hostile inputs, kills, end to end) run plain JavaScript instead of compiling every
// workspace source through tsx in every child process. Users and Turbo's stages keep running bin/parley.mjs.
//
// Only the workspace's own sources go into the bundle. Every npm dependency stays a separate file, imported
// from where pnpm installed it for the package that imports it (a relative path from the bundle), and every
// `import.meta.url` keeps naming the source file it is written in, so lexicons, assets and createRequire()
// resolve exactly as they do under tsx.
import { readdir, readFile, rm } from "node:fs/promises";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REPO = resolve(CLI, "../..");
/** Where the slow tier's tests look for the bundle (gitignored). */
export const BUNDLE = join(CLI, "build", "parley.mjs");

const builtin = new Set(builtinModules);
const SKIP = Symbol("resolving an npm import");

/** @type {import("esbuild").Plugin} */
const dependenciesOutside = {
  name: "dependencies-outside",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === SKIP || args.path.startsWith("@parley/")) return undefined;
      if (args.path.startsWith("node:") || builtin.has(args.path.split("/")[0] ?? ""))
        return { path: args.path, external: true };
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: SKIP });
      if (found.errors.length > 0) return { errors: found.errors };
      let path = relative(dirname(BUNDLE), found.path);
      if (!path.startsWith(".")) path = `./${path}`;
      return { path, external: true };
    });
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const contents = source
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path)))
        .replaceAll("import.meta.filename", JSON.stringify(args.path));
      return { contents, loader: "ts" };
    });
  },
};

/** Writes the bundle; returns its path. */
export async function bundleCli() {
  // Commands are imported when they run (src/_commands.ts): split into chunks beside the bundle, each importing
  // only its own npm dependencies. Chunks of an earlier bundle go first.
  const dir = dirname(BUNDLE);
  for (const name of await readdir(dir).catch(() => [])) if (name.startsWith("chunk-")) await rm(join(dir, name));
  await build({
    entryPoints: { parley: join(CLI, "src/main.ts") },
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunk-[hash]",
    splitting: true,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    absWorkingDir: REPO,
    plugins: [dependenciesOutside],
  });
  return BUNDLE;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`bundled ${relative(process.cwd(), await bundleCli())}`);
}

/** Vitest global setup of the slow tier: the bundle is built once per test run, before any test spawns it. */
export async function setup() {
  await bundleCli();
}
