import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArticleExtraction, InputError, type Span } from "@parley/model";
import { loadRegistry } from "@parley/registry";
import { ingestSource } from "@parley/ingest";
import * as extract from "@parley/extract";
import { normalizeCollection } from "@parley/normalize";
import { validateTables, type TableRows } from "@parley/validate";
import { REGISTRY_DIR, SEEDS_DIR, articleOf } from "./_helpers.ts";

// Property-based: random and mutated article text through the public extraction API, then normalization.
// Never an exception, every offset inside the text, every record valid against its schema.
// FUZZ_RUNS and FUZZ_SEED widen or reproduce a run; the default seed keeps CI repeatable.
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 4242);
const PARAMS = { numRuns: RUNS, seed: SEED, endOnFailure: true };

const registry = loadRegistry(REGISTRY_DIR);
const seedTexts = readdirSync(SEEDS_DIR)
  .filter((n) => n.endsWith(".md"))
  .sort()
  .map((n) => ingestSource(join(SEEDS_DIR, n), readFileSync(join(SEEDS_DIR, n)), registry).text);

/** Every span an extraction holds, with where it sits. */
function spansOf(extraction: ArticleExtraction): Array<[string, Span]> {
  return [
    ...extraction.quotes.flatMap(
      (q, i): Array<[string, Span]> => [
        [`quotes[${i}].span`, q.span],
        [`quotes[${i}].evidence`, q.evidence],
      ],
    ),
    ...extraction.people.map((p, i): [string, Span] => [`people[${i}].evidence`, p.evidence]),
    ...extraction.meetings.flatMap((m, i) => [
      ...m.evidence.map((e, j): [string, Span] => [`meetings[${i}].evidence[${j}]`, e]),
      ...m.attendees.map((a, j): [string, Span] => [`meetings[${i}].attendees[${j}].evidence`, a.evidence]),
    ]),
  ];
}

function checkExtraction(text: string): void {
  const article = articleOf("fuzz-article", text);
  const result = extract.extractArticle(article, registry);
  const parsed = ArticleExtraction.safeParse(result);
  expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  for (const [where, span] of spansOf(result)) {
    expect(Number.isInteger(span.start) && Number.isInteger(span.end), where).toBe(true);
    expect(
      0 <= span.start && span.start <= span.end && span.end <= text.length,
      `${where} ${span.start}-${span.end} of ${text.length}`,
    ).toBe(true);
  }
  for (const q of result.quotes) expect(q.text.trim().length, "an empty quote").toBeGreaterThan(0);
  const dataset = normalizeCollection([article], [result], registry);
  expect(validateTables(dataset as unknown as TableRows, { min_rows: {}, max_rows: {} })).toEqual([]);
}

// Pieces that steer the extractor's rules: quotation marks of every kind, speech verbs, names, line breaks, markup.
const HOSTILE_PIECES = [
  "“",
  "”",
  '"',
  "‘",
  "’",
  "«",
  "»",
  "„",
  "'",
  "\n",
  "\n\n",
  " said.",
  " said ",
  ", he said.",
  "” – ",
  ": “",
  "Lavrov",
  "Sergey Lavrov",
  "Muttaqi",
  "Foreign Minister ",
  "Moscow",
  "on Tuesday",
  "October 7",
  "2024",
  "…",
  "<script>alert(1)</script>",
  "=HYPERLINK(",
  "\t",
  "\u00a0",
  "\u200b",
  "👤",
  "e\u0301",
  "İ",
  "ß",
  "\ud83c\udff3\ufe0f\u200d\ud83c\udf08",
];

type Mutation =
  | { at: number; kind: "insert"; piece: string }
  | { at: number; kind: "delete"; length: number }
  | { at: number; kind: "repeat"; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    at: fc.nat(),
    kind: fc.constant("insert" as const),
    piece: fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: "grapheme", maxLength: 8 })),
  }),
  fc.record({ at: fc.nat(), kind: fc.constant("delete" as const), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ at: fc.nat(), kind: fc.constant("repeat" as const), length: fc.integer({ min: 1, max: 400 }) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text;
  for (const m of mutations) {
    const at = result.length === 0 ? 0 : m.at % (result.length + 1);
    if (m.kind === "insert") result = result.slice(0, at) + m.piece + result.slice(at);
    else if (m.kind === "delete") result = result.slice(0, at) + result.slice(at + m.length);
    else result = result.slice(0, at) + result.slice(at, at + m.length).repeat(2) + result.slice(at);
  }
  return result;
}

describe("extraction under fuzzing", () => {
  it("the public API exports extractArticle", () => {
    expect(typeof extract.extractArticle).toBe("function");
  });

  it("handles seed articles with random edits", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seedTexts),
        fc.array(mutation, { minLength: 1, maxLength: 30 }),
        (text, mutations) => {
          checkExtraction(mutate(text, mutations));
        },
      ),
      PARAMS,
    );
  });

  it("handles random text built from quotation marks, names and speech verbs", { timeout: 120_000 }, () => {
    const piece = fc.oneof(
      fc.constantFrom(...HOSTILE_PIECES),
      fc.string({ unit: "grapheme", maxLength: 12 }),
      fc.lorem({ maxCount: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        checkExtraction(pieces.join(""));
      }),
      PARAMS,
    );
  });

  it("handles arbitrary unicode text", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 2000 }), (text) => {
        checkExtraction(text);
      }),
      PARAMS,
    );
  });
});

describe("ingest under fuzzing", () => {
  it("turns any bytes into an article or an InputError, nothing else", { timeout: 60_000 }, () => {
    const front = new TextEncoder().encode("---\ntitle: Fuzz\npublisher: Example Wire\npublished: 2024\n---\n");
    fc.assert(
      fc.property(fc.boolean(), fc.uint8Array({ maxLength: 3000 }), (withFront, tail) => {
        const bytes = withFront ? new Uint8Array([...front, ...tail]) : tail;
        try {
          const article = ingestSource("fuzz.md", bytes, registry);
          expect(article.text.length).toBeGreaterThan(0);
          expect(article.text).not.toMatch(/\r/);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          expect(err.problems[0]?.file).toBe("fuzz.md");
        }
      }),
      PARAMS,
    );
  });
});
