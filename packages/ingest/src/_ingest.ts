import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { type Article, inputError, sha256, type SourceFrontMatter, UNKNOWN, type UnknownField } from "@parley/model";
import type { Registry, RegistryPublisher } from "@parley/registry";
import { splitFrontMatter } from "./_front-matter.ts";
import { blankOut, findBoilerplate } from "./_boilerplate.ts";

/** Largest article body accepted; a longer file is almost certainly not one news article. */
export const MAX_BODY_CHARS = 1_000_000;

/** Largest source file read at all (UTF-8 takes at most 4 bytes a character), so a huge file never fills memory. */
export const MAX_SOURCE_BYTES = 4 * MAX_BODY_CHARS + 65_536;

/** The bytes of a source file, refusing one too large to be an article before reading it. */
export function readSourceFile(file: string): Uint8Array {
  const bytes = statSync(file).size;
  if (bytes > MAX_SOURCE_BYTES) {
    throw inputError(
      file,
      null,
      `the file has ${bytes} bytes, more than one article may have`,
      "add one article per file",
    );
  }
  return readFileSync(file);
}

/** A source's ID is its file name without the extension, in Unicode NFC (macOS lists names decomposed). */
export function sourceIdOf(file: string): string {
  return basename(file, extname(file)).normalize("NFC");
}

// A source ID is written into every row that cites it, into ';'-joined CSV cells and into stage file names:
// letters, digits, spaces, '.', '_' and '-', starting with a letter or digit; no shell or spreadsheet syntax.
const SOURCE_ID = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} ._-]*$/u;
const MAX_SOURCE_ID_CHARS = 200;

/** Checks that a file's name can serve as its source ID. */
export function checkSourceId(file: string): string {
  const id = sourceIdOf(file);
  const fix = "rename the file using letters, digits, spaces, '-', '_' or '.' (its name becomes the source ID)";
  if (id.length > MAX_SOURCE_ID_CHARS)
    throw inputError(file, null, `the file name is longer than ${MAX_SOURCE_ID_CHARS} characters`, fix);
  if (!SOURCE_ID.test(id) || id !== id.trim()) {
    const bad = [...new Set([...id].filter((c) => !/[\p{L}\p{M}\p{N} ._-]/u.test(c)))];
    const what =
      bad.length > 0
        ? `contains ${bad.map((c) => JSON.stringify(c)).join(" ")}`
        : "must start with a letter or digit and not end with a space";
    throw inputError(file, null, `the file name cannot be a source ID: it ${what}`, fix);
  }
  return id;
}

/** Decodes bytes as strict UTF-8; a NUL byte or invalid sequence is an error with its line. */
export function decodeSource(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw inputError(
      file,
      lineOfByte(bytes, nul),
      "the file contains a NUL byte: it is binary, not text",
      "save the article as plain UTF-8 text",
    );
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return text.replace(/\r\n?/g, "\n");
  } catch {
    throw inputError(
      file,
      lineOfByte(bytes, firstInvalidUtf8(bytes)),
      "the file is not valid UTF-8",
      "re-save the file with UTF-8 encoding",
    );
  }
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest prefix that fails to decode.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      decoder.decode();
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

export function findPublisher(registry: Registry, name: string): RegistryPublisher | undefined {
  const wanted = name.trim().toLowerCase();
  return registry.publishers.find((p) => [p.name, ...p.aliases].some((n) => n.toLowerCase() === wanted));
}

/** Turns one source file into an article: parsed metadata, and text with boilerplate blanked out. */
export function ingestSource(file: string, bytes: Uint8Array, registry: Registry): Article {
  const sourceId = checkSourceId(file);
  const text = decodeSource(bytes, file);
  const { frontMatter, body, bodyLine } = splitFrontMatter(text, file);
  if (body.trim().length === 0) {
    throw inputError(file, bodyLine, "the article body is empty", "paste the article text below the closing '---'");
  }
  if (body.length > MAX_BODY_CHARS) {
    throw inputError(
      file,
      bodyLine,
      `the article body has ${body.length} characters, more than the ${MAX_BODY_CHARS} one article may have`,
      "add one article per file, without page furniture",
    );
  }
  const known = knownValues(frontMatter);
  const cuts = findBoilerplate(body, known.publisher === null ? undefined : findPublisher(registry, known.publisher));
  const articleText = blankOut(body, cuts);
  if (articleText.trim().length === 0) {
    throw inputError(file, bodyLine, "the body holds only publisher boilerplate", "paste the article text itself");
  }
  return {
    source_id: sourceId,
    file,
    title: frontMatter.title,
    title_is_headline: frontMatter.title_is_headline,
    ...known,
    language: frontMatter.language,
    text: articleText,
    sha256: sha256(body),
    body_line: bodyLine,
    removed: cuts.map((c) => ({ rule: c.rule, chars: c.end - c.start })),
  };
}

/** The citation fields as the data carries them: `unknown` (or a missing url or retrieved date) is empty, and listed. */
export function knownValues(
  frontMatter: SourceFrontMatter,
): Pick<Article, "publisher" | "url" | "published" | "retrieved" | "unknown_fields"> {
  const value = (v: string | undefined): string | null =>
    v === undefined || v.trim().toLowerCase() === UNKNOWN ? null : v;
  const values = {
    publisher: value(frontMatter.publisher),
    published: value(frontMatter.published),
    url: value(frontMatter.url),
    retrieved: value(frontMatter.retrieved),
  };
  const order: UnknownField[] = ["publisher", "published", "url", "retrieved"];
  return { ...values, unknown_fields: order.filter((f) => values[f] === null) };
}
