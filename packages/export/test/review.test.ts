import { describe, expect, it } from "vitest";
import { codePointOffsets } from "@parley/model";
import { renderReview } from "../src/index.ts";

const text = "🇵🇪 Intro. Jane Roe met John Doe on Monday to discuss trade.";
const start = text.indexOf("Jane");
const codePoint = codePointOffsets(text);
const item = {
  record_type: "meeting" as const,
  summary: "meeting on 2024-10-14 (Jane Roe, John Doe)",
  confidence: 0.5,
  reason: "no city stated with the meeting",
  evidence: { start, end: text.length },
  sentence: text.slice(start),
};

describe("review.csv", () => {
  it("lists each held row with its reason and its sentence at code point offsets", () => {
    const csv = renderReview([{ source_id: "wire-1", codePoint, item }]);
    const [header, row] = csv.trim().split("\n");
    expect(header).toBe("source_id,record_type,summary,confidence,reason,start,end,sentence");
    // The flag is two code points but four UTF-16 units: offsets count code points, as Python slices.
    expect(row).toBe(
      `wire-1,meeting,"meeting on 2024-10-14 (Jane Roe, John Doe)",0.5,no city stated with the meeting,${start - 2},${text.length - 2},Jane Roe met John Doe on Monday to discuss trade.`,
    );
    expect([...text].slice(start - 2, text.length - 2).join("")).toBe(item.sentence);
  });

  it("neutralises a cell a spreadsheet would run, and sorts by source and position", () => {
    const formula = { ...item, sentence: "=HYPERLINK(1)" };
    const csv = renderReview([
      { source_id: "b", codePoint, item },
      { source_id: "a", codePoint, item: formula },
    ]);
    const rows = csv.trim().split("\n").slice(1);
    expect(rows.map((r) => r.split(",")[0])).toEqual(["a", "b"]);
    expect(rows[0]).toContain(`"'=HYPERLINK(1)"`);
  });
});
