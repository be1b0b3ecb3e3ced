import { sha256 } from "@parley/model";
import { stringify } from "yaml";

/** Written in place of a field `add` could not find, so that `check` reports it with its line. */
export const MISSING = "MISSING";

/** The front matter `add` writes: every field known, or MISSING. */
export interface SourceFields {
  title: string;
  publisher: string;
  published: string;
  url: string;
  language: string;
}

export const FIELD_ORDER = ["title", "publisher", "published", "url", "language"] as const satisfies ReadonlyArray<
  keyof SourceFields
>;

/** A YAML scalar: plain when YAML reads it back as the same string, double-quoted otherwise (titles always). */
function scalar(value: string, quote: boolean): string {
  if (value === MISSING) return MISSING;
  const plain = stringify(value, { lineWidth: 0 }).trimEnd();
  return quote || plain !== value ? JSON.stringify(value) : plain;
}

/** The body as written: one trailing newline, `\n` line endings; its sha256 is the dataset's `sha256` column. */
export function normalizeBody(text: string): string {
  return `${text.replace(/\r\n?/g, "\n").trim()}\n`;
}

/** A source file: `---` front matter in a fixed field order, then the article text. */
export function renderSourceFile(fields: SourceFields, text: string): string {
  const lines = FIELD_ORDER.map((field) => `${field}: ${scalar(fields[field], field === "title")}`);
  return ["---", ...lines, "---", normalizeBody(text)].join("\n");
}

const NUMBERED = /^(\d+)_[0-9a-f]{16}\.md$/;

/**
 * The file name of a new source: `<NNN>_<first 16 hex digits of the body's sha256>.md`, as the seed sources are named.
 * The number orders files by when they were added; the hash makes two contributions made at the same time differ.
 * The name does not depend on the front matter, so fixing a MISSING field never renames the file (its name is the
 * source ID in the dataset). Only digits, lowercase hex, `_` and `.md`: safe on every file system and shell.
 */
export function sourceFileName(existingNames: readonly string[], text: string): string {
  const numbers = existingNames
    .map((n) => NUMBERED.exec(n)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  const next = numbers.length === 0 ? 0 : Math.max(...numbers) + 1;
  return `${String(next).padStart(3, "0")}_${sha256(normalizeBody(text)).slice(0, 16)}.md`;
}
