import type { Article } from "@parley/model";

/** An ingested article as the merge receives it: only its ID, text and publication date matter to these tests. */
export function articleOf(source_id: string, text: string, published: string, title = "T"): Article {
  return {
    source_id,
    file: `${source_id}.md`,
    title,
    publisher: "P",
    url: null,
    published,
    language: "en",
    title_is_headline: true,
    unknown_fields: [],
    retrieved: null,
    text,
    sha256: "0".repeat(64),
    body_line: 7,
    removed: [],
  };
}
