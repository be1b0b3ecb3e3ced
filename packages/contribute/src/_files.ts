import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface SourceOnDisk {
  name: string;
  file: string;
  bytes: Uint8Array;
}

/** Every file of a sources folder (not only .md: a stray file is reported), in name order. */
export function readSourceFolder(dir: string): SourceOnDisk[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase() !== "readme.md" && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name, file: join(dir, name), bytes: readFileSync(join(dir, name)) }));
}

/** Writes a new file whole or not at all, and never over an existing one. */
export function writeNewFile(file: string, content: string): void {
  const temporary = `${file}.parley-tmp-${process.pid}`;
  writeFileSync(temporary, content, { flag: "wx" });
  if (existsSync(file)) throw new Error(`${file} appeared while writing`);
  renameSync(temporary, file);
}
