#!/usr/bin/env node
// Keeps the TypeScript project references in step with the workspace: every package under packages/ is
// referenced from the root tsconfig.json (so `tsc -b` checks it), and each package references the workspace
// packages its package.json depends on (so it is checked against their declarations, built first).
//
//   node tooling/typescript/references.mjs          rewrites the "references" of every tsconfig.json
//   node tooling/typescript/references.mjs --check  fails, naming the file, when one is out of step (pnpm lint)
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const check = process.argv.includes("--check");

const packages = readdirSync(join(REPO, "packages"), { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(REPO, "packages", e.name, "tsconfig.json")))
  .map((e) => e.name)
  .sort();
const folderOf = new Map(
  packages.map((dir) => [JSON.parse(readFileSync(join(REPO, "packages", dir, "package.json"), "utf8")).name, dir]),
);

/** The "references" array as this script writes it: one line per reference. */
function render(paths) {
  if (paths.length === 0) return "[]";
  return `[\n${paths.map((p) => `    { "path": "${p}" }`).join(",\n")}\n  ]`;
}

/** Replaces (or adds) the top-level "references" of a tsconfig.json, keeping its comments and layout. */
function withReferences(text, paths) {
  const rendered = `"references": ${render(paths)}`;
  const existing = /"references"\s*:\s*\[[^\]]*\]/;
  if (existing.test(text)) return text.replace(existing, rendered);
  return text.replace(/\s*\}\s*$/, `,\n  ${rendered}\n}\n`);
}

/** The paths a tsconfig.json references now, however the array is laid out (Biome may put it on one line). */
function referencedPaths(text) {
  const array = /"references"\s*:\s*\[([^\]]*)\]/.exec(text)?.[1];
  return array === undefined ? null : [...array.matchAll(/"path"\s*:\s*"([^"]*)"/g)].map((m) => m[1]);
}

const problems = [];
function update(file, paths) {
  const before = readFileSync(file, "utf8");
  if (JSON.stringify(referencedPaths(before)) === JSON.stringify(paths)) return;
  const after = withReferences(before, paths);
  if (check)
    problems.push(
      `${file.slice(REPO.length + 1)}: its "references" do not match the workspace — run 'node tooling/typescript/references.mjs'`,
    );
  else writeFileSync(file, after);
}

for (const dir of packages) {
  const manifest = JSON.parse(readFileSync(join(REPO, "packages", dir, "package.json"), "utf8"));
  const deps = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  const refs = deps
    .filter((name) => folderOf.has(name))
    .map((name) => `../${folderOf.get(name)}`)
    .sort();
  update(join(REPO, "packages", dir, "tsconfig.json"), refs);
}
update(
  join(REPO, "tsconfig.json"),
  packages.map((dir) => `./packages/${dir}`),
);

for (const p of problems) console.error(p);
process.exitCode = problems.length > 0 ? 1 : 0;
