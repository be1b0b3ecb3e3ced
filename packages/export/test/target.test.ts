import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "@parley/model";
import {
  datasetTargetProblem,
  foreignEntries,
  type FolderEntry,
  type Guarded,
  listEntries,
  MARKER_FILE,
  type Marker,
  overlapProblem,
  readTarget,
  refuseUnsafeTarget,
  type TargetState,
  writeNewFile,
} from "../src/index.ts";

const TABLES = ["sources", "meetings", "attendees", "quotes", "people", "evidence"];
const DATASET_FILES = TABLES.flatMap((t) => [`${t}.csv`, `${t}.json`]);
const files = (...names: string[]): FolderEntry[] => names.map((name) => ({ name, folder: false }));
const folder = (name: string): FolderEntry => ({ name, folder: true });
const marker = (...written: string[]): Marker => ({ written_by: "parley", files: written });

describe("foreignEntries", () => {
  it.each<[string, FolderEntry[], Marker | null, string[]]>([
    ["an empty folder", [], null, []],
    ["a folder a build wrote", files(MARKER_FILE, ...DATASET_FILES), marker(...DATASET_FILES), []],
    ["a marked folder missing a file it listed", files(MARKER_FILE, "quotes.csv"), marker(...DATASET_FILES), []],
    [
      "a marked folder with a file added by hand",
      files(MARKER_FILE, ...DATASET_FILES, "analysis.ipynb"),
      marker(...DATASET_FILES),
      ["analysis.ipynb"],
    ],
    [
      "a marked folder with a folder added",
      [...files(MARKER_FILE, "quotes.csv"), folder("quotes.json")],
      marker(...DATASET_FILES),
      ["quotes.json"],
    ],
    // What every Parley before the marker wrote, e.g. a checkout's datasets/moscow-format/current/.
    ["an unmarked folder of exactly the dataset files", files(...DATASET_FILES), null, []],
    [
      "an unmarked folder of some dataset file names",
      files("people.csv", "people.json"),
      null,
      ["people.csv", "people.json"],
    ],
    [
      "an unmarked folder of the dataset files and one more",
      files(...DATASET_FILES, "README.md"),
      null,
      [...DATASET_FILES, "README.md"],
    ],
    ["a user's folder", [...files("thesis.docx"), folder("notes")], null, ["thesis.docx", "notes"]],
  ])("%s", (_label, entries, mark, expected) => {
    expect(
      foreignEntries(entries, mark)
        .map((e) => e.name)
        .sort(),
    ).toEqual([...expected].sort());
  });
});

describe("datasetTargetProblem", () => {
  it.each<[TargetState, string | null]>([
    [{ kind: "missing" }, null],
    [{ kind: "file" }, "/d is a file"],
    [{ kind: "link" }, "/d is a symbolic link"],
    [{ kind: "folder", entries: [], marker: null }, null],
    [
      { kind: "folder", entries: [...files("thesis.docx"), folder("notes")], marker: null },
      "/d exists and holds files Parley did not write (notes/, thesis.docx)",
    ],
    [
      { kind: "folder", entries: files("a", "b", "c", "d", "e"), marker: null },
      "/d exists and holds files Parley did not write (a, b, c and 2 more)",
    ],
  ])("%j: %s", (state, expected) => {
    expect(datasetTargetProblem("/d", state)).toBe(expected);
  });

  it("lists at most three names", () => {
    expect(listEntries(files("c", "a", "b"))).toBe("a, b, c");
  });
});

describe("overlapProblem", () => {
  const guarded: Guarded[] = [
    { path: "/repo/pipelines/moscow-format/sources", what: "the sources folder" },
    { path: "/repo/datasets/moscow-format/1.0.0", what: "a published version folder" },
    { path: "/repo", what: "the repository root", insideAllowed: true },
  ];
  it.each([
    ["/elsewhere/out", null],
    ["/repo/datasets/moscow-format/current", null],
    ["/repo/pipelines/moscow-format/sources", "/repo/pipelines/moscow-format/sources is the sources folder"],
    [
      "/repo/pipelines/moscow-format/sources/out",
      "/repo/pipelines/moscow-format/sources/out is inside the sources folder (/repo/pipelines/moscow-format/sources)",
    ],
    ["/repo/pipelines", "/repo/pipelines contains the sources folder (/repo/pipelines/moscow-format/sources)"],
    ["/repo/datasets/moscow-format/1.0.0", "/repo/datasets/moscow-format/1.0.0 is a published version folder"],
    [
      "/repo/datasets/moscow-format/1.0.0/x",
      "/repo/datasets/moscow-format/1.0.0/x is inside a published version folder (/repo/datasets/moscow-format/1.0.0)",
    ],
    ["/repo/datasets", "/repo/datasets contains a published version folder (/repo/datasets/moscow-format/1.0.0)"],
    // The closest relation is named: the root is the root, though it also holds the sources.
    ["/repo", "/repo is the repository root"],
    ["/", "/ contains the sources folder (/repo/pipelines/moscow-format/sources)"],
    [
      "/repo/../repo/pipelines/moscow-format/sources",
      "/repo/../repo/pipelines/moscow-format/sources is the sources folder",
    ],
  ])("%s: %s", (target, expected) => {
    expect(overlapProblem(target, guarded)).toBe(expected);
  });

  it("sees through a link to a guarded folder", () => {
    const root = mkdtempSync(join(tmpdir(), "parley-target-"));
    mkdirSync(join(root, "sources"));
    symlinkSync(join(root, "sources"), join(root, "alias"));
    expect(
      overlapProblem(join(root, "alias", "out"), [{ path: join(root, "sources"), what: "the sources folder" }]),
    ).toMatch(/is inside the sources folder/);
  });
});

describe("refuseUnsafeTarget on disk", () => {
  it("reads a folder, a file, a link and a marker, and refuses with flag, path and what to do", () => {
    const root = mkdtempSync(join(tmpdir(), "parley-target-"));
    writeFileSync(join(root, "notes.txt"), "mine\n");
    symlinkSync(join(root, "notes.txt"), join(root, "link"));
    mkdirSync(join(root, "built"));
    writeFileSync(join(root, "built", MARKER_FILE), JSON.stringify(marker("quotes.csv")));
    writeFileSync(join(root, "built", "quotes.csv"), "quote_id\n");
    mkdirSync(join(root, "forged"));
    writeFileSync(join(root, "forged", MARKER_FILE), "not json");
    expect(readTarget(join(root, "none"))).toEqual({ kind: "missing" });
    expect(readTarget(join(root, "notes.txt"))).toEqual({ kind: "file" });
    expect(readTarget(join(root, "link"))).toEqual({ kind: "link" });
    expect(readTarget(join(root, "built"))).toMatchObject({ kind: "folder", marker: { files: ["quotes.csv"] } });
    expect(() => refuseUnsafeTarget("--out", join(root, "built"), [])).not.toThrow();
    expect(() => refuseUnsafeTarget("--out", join(root, "forged"), [])).toThrow(
      `--out: ${join(root, "forged")} exists and holds files Parley did not write (.parley) — choose`,
    );
    expect(() => refuseUnsafeTarget("--out", join(root, "notes.txt"), [])).toThrow(InputError);
  });
});

describe("writeNewFile", () => {
  it("writes a new file, and refuses a name already taken without touching the file or leaving a temporary one", () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-new-file-"));
    writeNewFile(join(dir, "a.md"), "first\n");
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe("first\n");
    expect(() => writeNewFile(join(dir, "a.md"), "second\n")).toThrow(InputError);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe("first\n");
    expect(readdirSync(dir)).toEqual(["a.md"]);
    expect(existsSync(join(dir, `a.md.parley-tmp-${process.pid}`))).toBe(false);
  });
});
