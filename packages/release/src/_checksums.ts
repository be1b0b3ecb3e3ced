import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isVersion } from "./_semver.ts";

export const SUMS_FILE = "SHA256SUMS";

export function sha256Hex(content: Uint8Array | string): string {
  return createHash("sha256").update(content).digest("hex");
}

/** `sha256sum` format, one `<hex>  <file>` line per file in name order: `sha256sum -c SHA256SUMS` checks it. */
export function renderSha256Sums(files: ReadonlyMap<string, Uint8Array | string>): string {
  return [...files.keys()]
    .filter((name) => name !== SUMS_FILE)
    .sort()
    .map((name) => `${sha256Hex(files.get(name) ?? "")}  ${name}\n`)
    .join("");
}

/** File name → hex digest; a line that is not `<64 hex>  <name>` is reported by its number. */
export function parseSha256Sums(text: string): { sums: Map<string, string>; badLines: number[] } {
  const sums = new Map<string, string>();
  const badLines: number[] = [];
  text.split("\n").forEach((line, i) => {
    if (line === "") return;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (m?.[1] && m[2]) sums.set(m[2], m[1]);
    else badLines.push(i + 1);
  });
  return { sums, badLines };
}

/** Why a published version folder is no longer what was published: changed, missing or extra files. */
export function verifyVersionFolder(dir: string): string[] {
  const sumsFile = join(dir, SUMS_FILE);
  if (!existsSync(sumsFile)) return [`${sumsFile}: missing — a published version lists every file's checksum`];
  const { sums, badLines } = parseSha256Sums(readFileSync(sumsFile, "utf8"));
  const problems = badLines.map((line) => `${sumsFile}:${line}: not a '<sha256>  <file>' line`);
  for (const [name, expected] of sums) {
    const file = join(dir, name);
    if (!existsSync(file)) problems.push(`${file}: listed in ${SUMS_FILE} but missing`);
    else if (sha256Hex(readFileSync(file)) !== expected)
      problems.push(`${file}: does not match ${SUMS_FILE} (a published version is frozen)`);
  }
  for (const name of readdirSync(dir)) {
    if (name !== SUMS_FILE && !sums.has(name))
      problems.push(`${join(dir, name)}: not listed in ${SUMS_FILE} (a published version is frozen)`);
  }
  return problems;
}

/** Every published version folder under a datasets root: `<root>/<collection>/<x.y.z>/`. */
export function findPublishedVersions(root: string): Array<{ collection: string; version: string; dir: string }> {
  if (!existsSync(root)) return [];
  const found: Array<{ collection: string; version: string; dir: string }> = [];
  for (const collection of readdirSync(root).sort()) {
    const collectionDir = join(root, collection);
    if (!statSync(collectionDir).isDirectory()) continue;
    for (const version of readdirSync(collectionDir).sort()) {
      if (isVersion(version) && statSync(join(collectionDir, version)).isDirectory())
        found.push({ collection, version, dir: join(collectionDir, version) });
    }
  }
  return found;
}

/** Every problem of every published version under a datasets root: none when all are as published. */
export function verifyPublishedVersions(root: string): string[] {
  return findPublishedVersions(root).flatMap(({ dir }) => verifyVersionFolder(dir));
}
