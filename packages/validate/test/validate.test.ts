import { describe, expect, it } from "vitest";
import { fieldsOf, fromCell, formatViolation, toCells, validateTables, type TableRows } from "../src/index.ts";

const empty = (): TableRows => ({
  sources: [],
  meetings: [],
  attendees: [],
  quotes: [],
  quote_sources: [],
  people: [],
  roles: [],
  evidence: [],
});
const none = { min_rows: {}, max_rows: {} };

describe("validateTables", () => {
  it("names file, row and field of a schema violation", () => {
    const tables = empty();
    tables.meetings.push({
      meeting_id: "m1",
      name: "M",
      series: null,
      round: 0,
      date: "2024-13",
      city: null,
      country: "Russia",
      source_ids: [],
    });
    const messages = validateTables(tables, none).map(formatViolation);
    expect(messages).toContain("meetings.csv, row 1, field 'round': must be > 0");
    expect(messages.some((m) => m.startsWith("meetings.csv, row 1, field 'date'"))).toBe(true);
    expect(messages.some((m) => m.startsWith("meetings.csv, row 1, field 'country'"))).toBe(true);
    expect(messages.some((m) => m.startsWith("meetings.csv, row 1, field 'source_ids'"))).toBe(true);
  });

  it("checks that every referenced ID exists, IDs are unique, and assertions hold", () => {
    const tables = empty();
    tables.quotes.push({
      quote_id: "q1",
      text: "We will act on it now.",
      kind: null,
      medium: null,
      said_on: null,
      translated: null,
      curated_fields: [],
      speaker_type: "person",
      speaker_id: "person:nobody",
      speaker_name: "Nobody",
      speaker_role: null,
      speaker_role_key: null,
      speaker_country: null,
      meeting_id: "meeting:none",
      source_ids: ["s9"],
    });
    tables.quotes.push({ ...tables.quotes[0]! });
    const messages = validateTables(tables, { min_rows: { meetings: 1 }, max_rows: {} }).map(formatViolation);
    expect(messages).toEqual(
      expect.arrayContaining([
        "quotes.csv, row 1, field 'source_ids': s9 is not a known source_id",
        "quotes.csv, row 1, field 'meeting_id': meeting:none is not a known meeting_id",
        "quotes.csv, row 1, field 'speaker_id': person:nobody is not a known person_id",
        "quotes.csv, row 2, field 'quote_id': duplicate ID q1",
        "meetings.csv: 0 rows, fewer than the 1 the collection asserts",
      ]),
    );
  });
});

describe("CSV cells", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["-5 degrees", "'-5 degrees"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["'quoted", "''quoted"],
    ["plain text", "plain text"],
  ])("round-trips %s through CSV as %s", (text, cell) => {
    const fields = fieldsOf("quotes");
    const index = fields.findIndex((f) => f.name === "text");
    const field = fields[index]!;
    expect(toCells({ text }, fields)[index]).toBe(cell);
    expect(fromCell(cell, field)).toBe(text);
  });

  it("reads empty cells back as null, empty lists and numbers by the schema", () => {
    const fields = fieldsOf("meetings");
    const byName = (n: string) => fields.find((f) => f.name === n)!;
    expect(fromCell("", byName("series"))).toBeNull();
    expect(fromCell("7", byName("round"))).toBe(7);
    expect(fromCell("a;b", byName("source_ids"))).toEqual(["a", "b"]);
  });
});
