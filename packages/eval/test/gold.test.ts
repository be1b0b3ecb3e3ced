import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "@parley/model";
import { loadGold } from "../src/index.ts";
import { SEEDS_GOLD } from "./_gold-dataset.ts";

const seedsText = readFileSync(SEEDS_GOLD, "utf8");
const dir = mkdtempSync(join(tmpdir(), "parley-gold-"));

/** The seeds gold with one edit, written to a file; the edit must apply. */
function goldFile(name: string, edit: (text: string) => string): string {
  const text = edit(seedsText);
  expect(text).not.toBe(seedsText);
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split("\n").length;

describe("loadGold", () => {
  it("reads the seeds gold with its people, meetings and quotes", () => {
    const raw = JSON.parse(seedsText) as { meetings: Array<{ key: string }>; quotes: unknown[] };
    const gold = loadGold(SEEDS_GOLD);
    expect(gold.meetings.map((m) => m.key)).toEqual(raw.meetings.map((m) => m.key));
    expect(gold.quotes).toHaveLength(raw.quotes.length);
  });

  it.each([
    ["a trailing comma", (t: string) => t.replace(/"K-2",/, '"K-2",,'), /not valid JSON/, '"K-2"'],
    [
      "a quote without a speaker",
      (t: string) => t.replace(/"speaker": "Zamir Kabulov",/, ""),
      /speaker/,
      "The decision needs to be followed up",
    ],
    ["a misspelt key", (t: string) => t.replace(/"optional": true/, '"optinal": true'), /optinal/, '"optinal"'],
    [
      "a quote tied to an unknown meeting",
      (t: string) => t.replace(/"meeting": "mf-2024"/, '"meeting": "mf-2042"'),
      /no meeting has the key 'mf-2042'/,
      '"mf-2042"',
    ],
    [
      "an attendee missing from people",
      (t: string) => t.replace(/"Vinay Kumar"\n/, '"Vinay Kumar",\n        "Sadiq Khan"\n'),
      /'Sadiq Khan' is not in people/,
      '"Sadiq Khan"',
    ],
    [
      "a date that is not a calendar date",
      (t: string) => t.replace('"2023-09-29"', '"2023-09-31"'),
      /date/,
      '"2023-09-31"',
    ],
  ])("reports %s as an InputError naming the file and line", (name, edit, message, near) => {
    const file = goldFile(`${name.replace(/\W+/g, "-")}.json`, edit);
    const text = readFileSync(file, "utf8");
    const error = (() => {
      try {
        loadGold(file);
      } catch (err) {
        return err;
      }
      return expect.fail("loadGold accepted a malformed gold file");
    })();
    expect(error).toBeInstanceOf(InputError);
    const problem = (error as InputError).problems[0];
    expect(problem?.file).toBe(file);
    expect(problem?.message).toMatch(message);
    // At the mistake, or at the start of the object holding it (a missing or unknown key).
    const line = problem?.line ?? 0;
    expect(line).toBeLessThanOrEqual(lineOf(text, near));
    expect(line).toBeGreaterThan(lineOf(text, near) - 12);
  });

  it("reports a missing file as an InputError naming it", () => {
    const file = join(dir, "no-such-gold.json");
    expect(() => loadGold(file)).toThrow(InputError);
    expect(() => loadGold(file)).toThrow(file);
  });
});
