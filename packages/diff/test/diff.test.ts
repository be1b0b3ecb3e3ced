import { describe, expect, it } from "vitest";
import type { Dataset, QuoteRecord } from "@parley/model";
import { diffDatasets, isEmptyDiff } from "../src/index.ts";

const quote = (id: string, text: string): QuoteRecord => ({
  quote_id: id,
  text,
  kind: null,
  medium: null,
  said_on: null,
  translated: null,
  curated_fields: [],
  speaker_type: "person",
  speaker_id: null,
  speaker_name: "A speaker",
  speaker_role: null,
  speaker_role_key: null,
  speaker_country: null,
  meeting_id: null,
  source_ids: ["s1"],
});
const dataset = (quotes: QuoteRecord[]): Dataset => ({
  sources: [],
  meetings: [],
  attendees: [],
  quotes,
  quote_sources: [],
  people: [],
  roles: [],
  evidence: [],
});

describe("diffDatasets", () => {
  it("lists added, removed and changed rows by ID with the changed fields", () => {
    const before = dataset([quote("q1", "We will continue to develop contacts."), quote("q2", "Removed later.")]);
    const after = dataset([
      quote("q1", "We will continue to develop multifaceted contacts."),
      quote("q3", "A new quote."),
    ]);
    const diff = diffDatasets(before, after);
    expect(diff.quotes).toEqual({ added: ["q3"], removed: ["q2"], changed: [{ id: "q1", fields: ["text"] }] });
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("treats a first release as all rows added, and equal datasets as no change", () => {
    const now = dataset([quote("q1", "Text of a quote here.")]);
    expect(diffDatasets(null, now).quotes.added).toEqual(["q1"]);
    expect(isEmptyDiff(diffDatasets(now, now))).toBe(true);
  });
});
