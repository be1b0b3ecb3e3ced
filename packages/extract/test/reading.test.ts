import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestSource } from "@parley/ingest";
import { quotationMarks } from "../src/doc/_sentences.ts";
import { extractArticle } from "../src/index.ts";
import { registry } from "./_gold.ts";
import { files } from "./_texts.ts";

// One reading of a text, however it was laid out: the same article hard-wrapped at 55 columns, or with CRLF
// line endings, gives the same rows. Run on the seeds and, where the real corpus sits beside the repository,
// on every article of ../shared/corpus/dev (read from there, never copied here).

/** Each paragraph folded at `width` columns, paragraphs apart by a blank line, as e-mail and some wires send text. */
function hardWrap(body: string, width: number): string {
  return body
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const out: string[] = [];
      let current = "";
      for (const word of line.split(/\s+/)) {
        if (current !== "" && current.length + 1 + word.length > width) {
          out.push(current);
          current = word;
        } else current = current === "" ? word : `${current} ${word}`;
      }
      if (current !== "") out.push(current);
      return out.join("\n");
    })
    .join("\n\n");
}

function rowsOf(file: string, layout: (body: string) => string) {
  const lines = readFileSync(file, "utf8").split("\n");
  const close = lines.indexOf("---", 1);
  const source = `${lines.slice(0, close + 1).join("\n")}\n${layout(lines.slice(close + 1).join("\n"))}`;
  const article = ingestSource(file, Buffer.from(source, "utf8"), registry);
  const x = extractArticle(article, registry);
  return {
    meetings: x.meetings.map((m) => ({
      date: m.date,
      city: m.city,
      attendees: m.attendees.map((a) => `${a.type}:${a.country ?? ""}:${a.name}:${a.participation}`).sort(),
    })),
    quotes: x.quotes.map((q) => ({
      text: q.text.replace(/\s+/g, " "),
      speaker: q.speaker.name,
      meeting: q.meeting_key,
    })),
  };
}

describe("the same article laid out another way gives the same rows", () => {
  it.each(files.map((f) => [f.split("/").slice(-1)[0], f]))("%s hard-wrapped at 55 columns", (_, file) => {
    expect(rowsOf(file as string, (body) => hardWrap(body, 55))).toEqual(rowsOf(file as string, (body) => body));
  });

  it.each(files.map((f) => [f.split("/").slice(-1)[0], f]))("%s with CRLF line endings", (_, file) => {
    expect(rowsOf(file as string, (body) => body.replace(/\n/g, "\r\n"))).toEqual(
      rowsOf(file as string, (body) => body),
    );
  });

  it("reads the real corpus when it is there (29 or 30 files with the seeds)", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });
});

describe("quotation marks as the extractors read them", () => {
  it.each([
    // A pair of apostrophes becomes one mark and a space: offsets stay.
    ["''I would not object,'' she said.", ' "I would not object,"  she said.'],
    ["«Nous verrons», he said.", "“Nous verrons”, he said."],
    ["‘We won’t give up on the ministers’ plan,’ she said.", "“We won’t give up on the ministers’ plan,” she said."],
    ["'We won't go,' she said.", "“We won't go,” she said."],
    // An article with double marks keeps its single ones: quotations within quotations, apostrophes.
    [
      "“We discussed the ‘road map’,” she said. It’s ‘a plan’.",
      "“We discussed the ‘road map’,” she said. It’s ‘a plan’.",
    ],
    ["The ministers’ talks ended.", "The ministers’ talks ended."],
  ])("%s", (text, read) => {
    expect(quotationMarks(text)).toBe(read);
    expect(quotationMarks(text)).toHaveLength(text.length);
  });
});
