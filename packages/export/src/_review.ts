import { stringify } from "csv-stringify/sync";
import type { ReviewItem } from "@parley/model";
import { neutralizeCell } from "@parley/validate";

/** A row held back by extraction, with the source it came from and that source's code point offsets. */
export interface ReviewRow {
  source_id: string;
  item: ReviewItem;
  /** The source text's UTF-16 offsets to code points (`codePointOffsets`). */
  codePoint: (utf16: number) => number;
}

export const REVIEW_FILE = "review.csv";
const COLUMNS = ["source_id", "record_type", "summary", "confidence", "reason", "start", "end", "sentence"] as const;

/**
 * `review.csv`: the rows extraction found but did not publish, because the text does not support them with
 * confidence: what each would say, why it was held, and the sentence (offsets in Unicode code points into the
 * source's text, as in the evidence table). A person reads it and adds a source or a curation to publish one.
 */
export function renderReview(rows: readonly ReviewRow[]): string {
  const sorted = [...rows].sort((a, b) =>
    a.source_id < b.source_id ? -1 : a.source_id > b.source_id ? 1 : a.item.evidence.start - b.item.evidence.start,
  );
  const records = sorted.map(({ source_id, item, codePoint: cp }) => {
    return [
      source_id,
      item.record_type,
      item.summary,
      String(item.confidence),
      item.reason,
      String(cp(item.evidence.start)),
      String(cp(item.evidence.end)),
      item.sentence,
    ].map((cell, i) => (i === 3 || i === 5 || i === 6 ? cell : neutralizeCell(cell)));
  });
  return stringify([[...COLUMNS], ...records], { record_delimiter: "\n", quoted_match: /^'/ });
}
