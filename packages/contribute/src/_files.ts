import { existsSync, readdirSync, readFileSync } from "node:fs";
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
