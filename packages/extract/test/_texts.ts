import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, SOURCES } from "./_gold.ts";

/** The real corpus's sources, where it sits beside the repository (read from there, never copied here). */
export const DEV = join(ROOT, "../shared/corpus/dev/sources");

const markdownIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((n) => n.endsWith(".md"))
    .map((n) => join(dir, n));

/** The seed articles' files, and the real corpus's when it is there. */
export const files: string[] = [...markdownIn(SOURCES), ...(existsSync(DEV) ? markdownIn(DEV) : [])];
