import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { inputError } from "@parley/model";
import { isRunning } from "@parley/export";
import { cacheRoot } from "@parley/registry";

// The per-article cache: results keyed by a content hash, in append-only segment files of `key\tJSON` lines (one
// read of a few large files instead of one small file per article), and a stat index of the source files so an
// unchanged file is not read again to be hashed (as git's index does). The folder carries a CACHEDIR.TAG
// (https://bford.info/cachedir/): Parley writes only into a folder that is new, empty or tagged by Parley.

const TAG_FILE = "CACHEDIR.TAG";
const TAG =
  "Signature: 8a477f597d28d172789f06886806bc55\n# This file marks a Parley cache folder (per-article extractions); it may be deleted at any time.\n";
const SEGMENTS = "articles";
const FILE_INDEX = "files.json";
// A cache whose segments hold more dead lines than this many times the live ones is rewritten after a build.
const COMPACT_RATIO = 2;

/** What a source file looked like when last hashed: size, modification time and the SHA-256 of its bytes. */
type FileStamp = [size: number, mtimeMs: number, sha256: string];

export interface CacheStats {
  hits: number;
  misses: number;
}

export class ArticleCache {
  readonly dir: string;
  private fileIndex: Record<string, FileStamp>;
  private readonly indexWritten: number;
  private fd: number | null = null;
  private segment: string | null = null;
  readonly stats: CacheStats = { hits: 0, misses: 0 };

  constructor(dir: string) {
    this.dir = dir;
    claimCacheDir(dir);
    removeStalePartials(join(dir, SEGMENTS));
    const index = join(dir, FILE_INDEX);
    const saved = existsSync(index)
      ? (JSON.parse(readFileSync(index, "utf8")) as { written: number; files: Record<string, FileStamp> })
      : null;
    this.fileIndex = saved?.files ?? {};
    this.indexWritten = saved?.written ?? 0;
  }

  /** The SHA-256 of a file's bytes when its size and time are those last seen (and not too close to that moment). */
  knownHash(file: string, size: number, mtimeMs: number): string | null {
    const stamp = this.fileIndex[file];
    // A file changed within the same second the index was written may have kept its time: hash it again.
    if (stamp === undefined || stamp[0] !== size || stamp[1] !== mtimeMs || mtimeMs >= this.indexWritten - 2000)
      return null;
    return stamp[2];
  }

  /** Writes the stat index of the files this build read (files no longer there drop out). */
  saveFileIndex(files: Record<string, FileStamp>): void {
    this.fileIndex = files;
    const partial = join(this.dir, `${FILE_INDEX}.${process.pid}.partial`);
    writeFileSync(partial, JSON.stringify({ written: Date.now(), files }));
    renameSync(partial, join(this.dir, FILE_INDEX));
  }

  /** The cached values of `keys`, reading every segment once, in order (a later line wins). */
  lookup<T>(keys: ReadonlySet<string>): Map<string, T> {
    const found = new Map<string, T>();
    if (keys.size === 0) return found;
    for (const segment of this.segments()) {
      forEachLine(segment, (line) => {
        const tab = line.indexOf("\t");
        const key = line.slice(0, tab);
        if (keys.has(key)) found.set(key, JSON.parse(line.slice(tab + 1)) as T);
      });
    }
    return found;
  }

  /** Adds a result; it becomes visible to later builds when `commit` is called. */
  put(key: string, value: unknown): void {
    if (this.fd === null) {
      mkdirSync(join(this.dir, SEGMENTS), { recursive: true });
      this.segment = join(this.dir, SEGMENTS, `${Date.now().toString(36)}-${process.pid}.ndjson`);
      this.fd = openSync(`${this.segment}.partial`, "w");
    }
    writeSync(this.fd, `${key}\t${JSON.stringify(value)}\n`);
  }

  /** Publishes what `put` wrote, then rewrites the segments when most of their lines are no longer used. */
  commit(live: ReadonlySet<string>): void {
    if (this.fd !== null && this.segment !== null) {
      closeSync(this.fd);
      renameSync(`${this.segment}.partial`, this.segment);
      this.fd = null;
    }
    this.compact(live);
  }

  /** Drops what `put` wrote (a failed build keeps nothing half-written). */
  abandon(): void {
    if (this.fd === null || this.segment === null) return;
    closeSync(this.fd);
    rmSync(`${this.segment}.partial`, { force: true });
    this.fd = null;
  }

  private segments(): string[] {
    const dir = join(this.dir, SEGMENTS);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((n) => n.endsWith(".ndjson"))
      .sort()
      .map((n) => join(dir, n));
  }

  private compact(live: ReadonlySet<string>): void {
    const segments = this.segments();
    let lines = 0;
    for (const segment of segments) forEachLine(segment, () => void lines++);
    if (segments.length <= 1 || lines <= COMPACT_RATIO * live.size) return;
    const seen = new Set<string>();
    const target = join(this.dir, SEGMENTS, `${Date.now().toString(36)}-${process.pid}-compact.ndjson`);
    const fd = openSync(`${target}.partial`, "w");
    try {
      // Newest first, so the line kept for a key is the one a lookup would read.
      for (const segment of [...segments].reverse()) {
        forEachLine(segment, (line) => {
          const key = line.slice(0, line.indexOf("\t"));
          if (live.has(key) && !seen.has(key)) {
            seen.add(key);
            writeSync(fd, `${line}\n`);
          }
        });
      }
    } finally {
      closeSync(fd);
    }
    renameSync(`${target}.partial`, target);
    for (const segment of segments) rmSync(segment, { force: true });
  }
}

/** Makes `dir` a cache folder, refusing one that holds anything Parley did not put there. */
function claimCacheDir(dir: string): void {
  const tag = join(dir, TAG_FILE);
  if (existsSync(dir)) {
    const owned = existsSync(tag) && readFileSync(tag, "utf8").startsWith(TAG.slice(0, 43));
    if (!owned && readdirSync(dir).length > 0) {
      throw inputError(
        dir,
        null,
        "the cache folder holds files Parley did not write (it has no CACHEDIR.TAG)",
        "pass another --cache folder, or an empty one",
      );
    }
    if (owned) return;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(tag, TAG);
}

/** Segments a killed build left half-written. */
function removeStalePartials(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const pid = Number(/-(\d+)(?:-compact)?\.ndjson\.partial$/.exec(name)?.[1]);
    if (pid > 0 && !isRunning(pid)) rmSync(join(dir, name), { force: true });
  }
}

/** Calls `fn` with each line of a file, reading it in blocks (a segment may be larger than a string may be). */
export function forEachLine(file: string, fn: (line: string) => void): void {
  const fd = openSync(file, "r");
  const block = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder("utf8");
  let rest = "";
  try {
    for (;;) {
      const n = readSync(fd, block, 0, block.length, null);
      if (n === 0) break;
      const text = rest + decoder.write(block.subarray(0, n));
      let start = 0;
      for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
        fn(text.slice(start, end));
        start = end + 1;
      }
      rest = text.slice(start);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Where a build of a folder of sources keeps its cache when no collection owns it: PARLEY_CACHE_DIR, else the
 * user's cache folder (XDG_CACHE_HOME, else ~/.cache), under parley/, one folder per sources folder.
 */
export function defaultCacheDir(sourcesDir: string, env = process.env): string {
  return join(cacheRoot(env), createHash("sha256").update(resolve(sourcesDir)).digest("hex").slice(0, 16));
}
