import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { z } from "zod";
import { inputError } from "@parley/model";

/** The file that says "Parley wrote this folder": only a folder carrying it (or empty) may be replaced. */
export const MARKER_FILE = ".parley";

const Marker = z.object({ written_by: z.literal("parley"), files: z.array(z.string()) });
export type Marker = z.infer<typeof Marker>;

/** Who wrote a dataset folder, for a person who finds the marker; nothing in it varies between runs. */
export interface MarkerFields {
  collection: string | null;
  command: string;
}

export function renderMarker(fields: MarkerFields, files: readonly string[]): string {
  const marker = {
    written_by: "parley",
    note: "Parley wrote this folder and replaces it whole on the next build; a file you add here stops that.",
    ...fields,
    files: [...files].sort(),
  };
  return `${JSON.stringify(marker, null, 2)}\n`;
}

/**
 * Every dataset folder Parley wrote before it wrote a marker held exactly these files (all six tables have
 * existed since the first build). Frozen on purpose: a table added later must not make an older folder,
 * such as a checkout's datasets/<collection>/current/, look foreign, nor a user's folder look like Parley's.
 */
const UNMARKED_DATASET_FILES = ["sources", "meetings", "attendees", "quotes", "people", "evidence"].flatMap((t) => [
  `${t}.csv`,
  `${t}.json`,
]);

/** A folder Parley must never write into, replace or swallow (a user's sources, the registry, a published version). */
export interface Guarded {
  path: string;
  what: string;
  /** The repository root holds the default targets (datasets/<collection>/current/): only replacing it, or a folder around it, is refused. */
  insideAllowed?: boolean;
}

export interface FolderEntry {
  name: string;
  folder: boolean;
}

/** What is at a path a command was asked to write to. */
export type TargetState =
  | { kind: "missing" }
  | { kind: "file" }
  | { kind: "link" }
  | { kind: "folder"; entries: FolderEntry[]; marker: Marker | null };

function readMarker(file: string): Marker | null {
  try {
    const parsed = Marker.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function readTarget(path: string): TargetState {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return { kind: "missing" };
  if (stat.isSymbolicLink()) return { kind: "link" };
  if (!stat.isDirectory()) return { kind: "file" };
  const entries = readdirSync(path, { withFileTypes: true }).map((e) => ({ name: e.name, folder: e.isDirectory() }));
  const marker = entries.some((e) => e.name === MARKER_FILE && !e.folder) ? readMarker(join(path, MARKER_FILE)) : null;
  return { kind: "folder", entries, marker };
}

/** The entries of a dataset folder that Parley did not write: none for an empty folder, a marked one or an unmarked old one. */
export function foreignEntries(entries: readonly FolderEntry[], marker: Marker | null): FolderEntry[] {
  const written = new Set(marker ? [MARKER_FILE, ...marker.files] : []);
  const names = entries.map((e) => e.name).sort();
  const unmarkedDataset = marker === null && names.join("\n") === [...UNMARKED_DATASET_FILES].sort().join("\n");
  return unmarkedDataset ? [] : entries.filter((e) => e.folder || !written.has(e.name));
}

/** `a.docx, notes/, x.txt and 4 more`: enough names for a person to recognise the folder. */
export function listEntries(entries: readonly FolderEntry[], shown = 3): string {
  const names = entries.map((e) => (e.folder ? `${e.name}/` : e.name)).sort();
  const more = names.length > shown ? ` and ${names.length - shown} more` : "";
  return `${names.slice(0, shown).join(", ")}${more}`;
}

/** The path with links resolved as far as it exists, so /tmp and /private/tmp, or a linked checkout, compare equal. */
function realPath(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
}

const within = (outer: string, inner: string): boolean => {
  const rel = relative(outer, inner);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
};

/** Why writing to `target` would replace, write into or swallow a guarded folder; null when it would not. */
export function overlapProblem(target: string, guarded: readonly Guarded[]): string | null {
  const real = realPath(target);
  const places = guarded.map((g) => ({ ...g, real: realPath(g.path) }));
  // The closest relation names the folder best: `--out` = the repository root "is" it, though it also contains the sources.
  const same = places.find((g) => g.real === real);
  if (same) return `${target} is ${same.what}`;
  const outer = places.find((g) => !g.insideAllowed && within(g.real, real));
  if (outer) return `${target} is inside ${outer.what} (${outer.path})`;
  const inner = places.find((g) => within(real, g.real));
  return inner ? `${target} contains ${inner.what} (${inner.path})` : null;
}

/** Why a dataset may not be published to a path in this state; null when Parley may replace what is there. */
export function datasetTargetProblem(target: string, state: TargetState): string | null {
  if (state.kind === "file") return `${target} is a file`;
  if (state.kind === "link") return `${target} is a symbolic link`;
  if (state.kind === "missing") return null;
  const foreign = foreignEntries(state.entries, state.marker);
  return foreign.length === 0
    ? null
    : `${target} exists and holds files Parley did not write (${listEntries(foreign)})`;
}

const OUT_FIX = "choose a new or empty folder, or one a previous build wrote";

/**
 * The one rule for every dataset folder a command writes: it may replace only a folder that is missing, empty or
 * written by Parley, and never one that is, holds or sits in a guarded folder. Throws a one-line input error
 * (`flag: path … — fix`) before anything is touched.
 */
export function refuseUnsafeTarget(flag: string, target: string, guarded: readonly Guarded[], fix = OUT_FIX): void {
  const problem = overlapProblem(target, guarded) ?? datasetTargetProblem(target, readTarget(target));
  if (problem !== null) throw inputError(flag, null, problem, fix);
}
