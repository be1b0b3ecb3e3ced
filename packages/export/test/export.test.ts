import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Dataset } from "@parley/model";
import { parseCsv } from "@parley/validate";
import { InputError } from "@parley/model";
import { MARKER_FILE, publishDataset, renderDataset, ValidationFailed } from "../src/index.ts";

const sha = "a".repeat(64);
const dataset: Dataset = {
  sources: [
    {
      source_id: "s1",
      title: "Talks in Kazan",
      publisher: "A paper",
      url: null,
      published: "2023-09-29",
      language: "en",
      title_is_headline: true,
      unknown_fields: [],
      retrieved: null,
      curated_fields: [],
      sha256: sha,
    },
  ],
  meetings: [
    {
      meeting_id: "meeting:x:2023-09-29:kazan",
      name: "X (Kazan)",
      curated_fields: [],
      series: "X",
      round: null,
      date: "2023-09-29",
      city: "Kazan",
      country: "RUS",
      source_ids: ["s1"],
      confidence: null,
    },
  ],
  attendees: [
    {
      attendee_id: "meeting:x:2023-09-29:kazan/country:rus",
      meeting_id: "meeting:x:2023-09-29:kazan",
      role_key: null,
      curated_fields: [],
      attendee_type: "country",
      person_id: null,
      name: "Russia",
      role: null,
      country: "RUS",
      basis: null,
      participation: "in_person",
      source_ids: ["s1"],
      confidence: null,
    },
  ],
  quotes: [
    {
      quote_id: "quote:1",
      text: '=HYPERLINK("http://x","click") we will continue, "she said"',
      kind: null,
      medium: null,
      said_on: null,
      translated: null,
      curated_fields: [],
      speaker_type: "role",
      speaker_id: null,
      speaker_name: "a spokesperson",
      speaker_role: null,
      speaker_role_key: null,
      speaker_country: null,
      meeting_id: null,
      source_ids: ["s1"],
    },
  ],
  people: [
    { person_id: "person:a-b", name: "A B", curated_fields: [], aliases: ["A. B", "Ab B"], country: null, role: null },
  ],
  quote_sources: [],
  roles: [],
  evidence: [
    {
      origin: "source",
      field: null,
      record_type: "quote",
      record_id: "quote:1",
      source_id: "s1",
      start: 0,
      end: 10,
      sentence: "+ a sentence",
    },
  ],
};

describe("renderDataset", () => {
  const files = renderDataset(dataset);

  it("writes every table as CSV with the contract's columns and as JSON", () => {
    expect([...files.keys()].sort()).toEqual(
      ["attendees", "evidence", "meetings", "people", "quote_sources", "quotes", "roles", "sources"]
        .flatMap((t) => [`${t}.csv`, `${t}.json`])
        .sort(),
    );
    expect(files.get("quotes.csv")?.split("\n")[0]).toBe(
      "quote_id,text,kind,medium,said_on,translated,speaker_type,speaker_id,speaker_name,speaker_role,speaker_role_key,speaker_country,meeting_id,source_ids,curated_fields",
    );
  });

  it("joins lists with ; and neutralises formula cells in CSV only", () => {
    const people = parseCsv(files.get("people.csv") ?? "");
    expect(people.rows[0]?.[2]).toBe("A. B;Ab B");
    const quotes = parseCsv(files.get("quotes.csv") ?? "");
    expect(quotes.rows[0]?.[1]?.startsWith("'=HYPERLINK(")).toBe(true);
    expect(JSON.parse(files.get("quotes.json") ?? "")[0].text).toBe(dataset.quotes[0]?.text);
    expect(parseCsv(files.get("evidence.csv") ?? "").rows[0]?.[7]).toBe("'+ a sentence");
  });
});

describe("publishDataset", () => {
  it("publishes a valid dataset and leaves the previous one when validation fails", () => {
    const parent = mkdtempSync(join(tmpdir(), "parley-export-"));
    const out = join(parent, "dataset");
    publishDataset(dataset, out, { min_rows: {}, max_rows: {} });
    const before = readFileSync(join(out, "quotes.csv"), "utf8");

    const broken = {
      ...dataset,
      quotes: [{ ...dataset.quotes[0]!, meeting_id: "meeting:missing", text: "changed text here" }],
    };
    expect(() => publishDataset(broken, out, { min_rows: {}, max_rows: {} })).toThrow(ValidationFailed);
    expect(() => publishDataset(dataset, out, { min_rows: { quotes: 5 }, max_rows: {} })).toThrow(/fewer than the 5/);
    expect(readFileSync(join(out, "quotes.csv"), "utf8")).toBe(before);
    expect(readdirSync(parent)).toEqual(["dataset"]);
  });

  it("brings back the previous dataset after a run killed between the two renames", () => {
    const parent = mkdtempSync(join(tmpdir(), "parley-export-"));
    const out = join(parent, "dataset");
    // The state a kill between the two renames leaves: the previous dataset set aside, none in place.
    publishDataset(dataset, `${out}.parley-old`, { min_rows: {}, max_rows: {} });
    publishDataset(dataset, out, { min_rows: {}, max_rows: {} });
    expect(existsSync(`${out}.parley-old`)).toBe(false);
    expect(existsSync(join(out, "quotes.json"))).toBe(true);
  });
});

describe("publishDataset and folders it did not write", () => {
  const NONE = { min_rows: {}, max_rows: {} };

  it("marks the folder it writes with who wrote it and which files, the same bytes every time", () => {
    const parent = mkdtempSync(join(tmpdir(), "parley-export-"));
    const files = publishDataset(dataset, join(parent, "a"), NONE, {
      marker: { collection: "moscow-format", command: "parley build" },
    });
    publishDataset(dataset, join(parent, "b"), NONE, {
      marker: { collection: "moscow-format", command: "parley build" },
    });
    const marker = JSON.parse(readFileSync(join(parent, "a", MARKER_FILE), "utf8"));
    expect(marker).toMatchObject({
      written_by: "parley",
      collection: "moscow-format",
      command: "parley build",
      files: [...files].sort(),
    });
    expect(readFileSync(join(parent, "b", MARKER_FILE), "utf8")).toBe(
      readFileSync(join(parent, "a", MARKER_FILE), "utf8"),
    );
    expect(files.includes(MARKER_FILE)).toBe(false);
  });

  it("refuses a folder holding a file of the user's, before writing anything beside it", () => {
    const parent = mkdtempSync(join(tmpdir(), "parley-export-"));
    const out = join(parent, "thesis");
    mkdirSync(out);
    writeFileSync(join(out, "thesis.docx"), "chapter one");
    expect(() => publishDataset(dataset, out, NONE)).toThrow(InputError);
    expect(readdirSync(parent)).toEqual(["thesis"]);
    expect(readdirSync(out)).toEqual(["thesis.docx"]);
    expect(readFileSync(join(out, "thesis.docx"), "utf8")).toBe("chapter one");
  });

  it("refuses a guarded folder that does not exist yet without creating it", () => {
    const parent = mkdtempSync(join(tmpdir(), "parley-export-"));
    const out = join(parent, "sources", "new", "dataset");
    expect(() =>
      publishDataset(dataset, out, NONE, { guarded: [{ path: join(parent, "sources"), what: "the sources folder" }] }),
    ).toThrow(/is inside the sources folder/);
    expect(readdirSync(parent)).toEqual([]);
  });
});
