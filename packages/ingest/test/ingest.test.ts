import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, formatProblem } from "@parley/model";
import { loadRegistry } from "@parley/registry";
import { ingestSource, decodeSource } from "../src/index.ts";

const root = join(import.meta.dirname, "../../..");
const sources = join(root, "pipelines/moscow-format/sources");
const registry = loadRegistry(join(root, "pipelines/registry"));
const seed = (stem: string) => join(sources, `${stem}.md`);

function problemOf(file: string, text: string | Uint8Array): string {
  try {
    ingestSource(file, typeof text === "string" ? new TextEncoder().encode(text) : text, registry);
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(formatProblem).join("\n");
    throw err;
  }
  throw new Error("expected an input error");
}

describe("ingestSource on the seed articles", () => {
  it.each([
    ["000_19d7d37b3b019f88", "The National Pulse", "2025-10", false, ["url", "retrieved"]],
    ["001_6c501f1b971020b6", "CaliToday", "2025-10-08", false, ["url", "retrieved"]],
    ["002_a14f13557b4ea54b", null, "2025-10", true, ["publisher", "url", "retrieved"]],
    ["003_96bfffb7ac8232e6", "The Moscow Times", "2023-09-29", false, ["url", "retrieved"]],
    ["004_94cf14c4f1cc1c4e", "The Moscow Times", "2024-10", false, ["url", "retrieved"]],
  ])(
    "reads %s: publisher %s, published %s, headline %s, unknown %j",
    (stem, publisher, published, headline, unknown) => {
      const article = ingestSource(seed(stem), readFileSync(seed(stem)), registry);
      expect(article.source_id).toBe(stem);
      // "publisher: unknown" is no publisher's name: empty, and flagged.
      expect(article.publisher).toBe(publisher);
      expect(article.published).toBe(published);
      expect(article.title_is_headline).toBe(headline);
      expect(article.unknown_fields).toEqual(unknown);
      const bodyLine = headline ? 7 : 8;
      expect(article.body_line).toBe(bodyLine);
      // Offsets into the text are offsets into the file body: blanking keeps the length.
      const body = readFileSync(seed(stem), "utf8")
        .split("\n")
        .slice(bodyLine - 1)
        .join("\n");
      expect(article.text.length).toBe(body.length);
    },
  );

  it.each([
    ["003_96bfffb7ac8232e6", ["Dear readers", "Remind me later", "undesirable"]],
    ["004_94cf14c4f1cc1c4e", ["Dear readers", "discredits the decisions"]],
    ["000_19d7d37b3b019f88", ["Join Pulse+"]],
    ["002_a14f13557b4ea54b", ["6 min read"]],
  ])("removes publisher boilerplate from %s", (stem, phrases) => {
    const article = ingestSource(seed(stem), readFileSync(seed(stem)), registry);
    for (const phrase of phrases) expect(article.text).not.toContain(phrase);
    expect(article.removed.length).toBeGreaterThan(0);
  });

  it("keeps the article text before the boilerplate", () => {
    const article = ingestSource(seed("003_96bfffb7ac8232e6"), readFileSync(seed("003_96bfffb7ac8232e6")), registry);
    expect(article.text).toContain("held in the city of Kazan");
    expect(article.text).toContain("K-2");
  });
});

const body = "Russia hosted talks on regional security on Friday.\n";

describe("bad source files give a clear path:line error", () => {
  it.each([
    ["no front matter", `${body}`, "bad.md:1: no front matter"],
    ["unclosed front matter", `---\ntitle: T\n${body}`, "bad.md:1: front matter is not closed"],
    ["missing published", `---\ntitle: T\npublisher: P\n---\n${body}`, "bad.md:2: 'published'"],
    [
      "broken YAML",
      `---\ntitle: T\npublisher: [P\npublished: 2024-10\n---\n${body}`,
      "bad.md:4: YAML cannot be read: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ],
    ["impossible date", `---\ntitle: T\npublisher: P\npublished: 2025-13-45\n---\n${body}`, "bad.md:4: 'published'"],
    [
      "30 February",
      `---\ntitle: T\npublisher: P\npublished: 2025-02-30\n---\n${body}`,
      "bad.md:4: 'published': a day that exists",
    ],
    ["wrong type", `---\ntitle: [a, b]\npublisher: P\npublished: 2024-10\n---\n${body}`, "bad.md:2: 'title'"],
    [
      "unknown date kept as unknown, a URL that is not one refused",
      `---\ntitle: T\npublisher: P\npublished: unknown\nurl: file:///etc/passwd\n---\n${body}`,
      "bad.md:5: 'url' is \"file:///etc/passwd\", not a web address",
    ],
    [
      "unknown field",
      `---\ntitle: T\npublisher: P\npublished: 2024\nauthor: X\n---\n${body}`,
      "bad.md:5: 'author': not a known field",
    ],
    [
      "empty body",
      `---\ntitle: T\npublisher: P\npublished: 2024-10\n---\n\n  \n`,
      "bad.md:6: the article body is empty",
    ],
  ])("%s", (_case, text, expected) => {
    expect(problemOf("bad.md", text)).toContain(expected);
  });

  it("names the line of a NUL byte and of invalid UTF-8", () => {
    const nul = new TextEncoder().encode(`---\ntitle: T\n---\nab\0c`);
    expect(problemOf("nul.md", nul)).toMatch(/^nul\.md:4: .*NUL byte/);
    const latin1 = Uint8Array.from([...new TextEncoder().encode("---\ntitle: caf"), 0xe9, 0x0a]);
    expect(problemOf("latin1.md", latin1)).toMatch(/^latin1\.md:2: the file is not valid UTF-8/);
  });

  it("accepts a BOM and CRLF or CR line endings", () => {
    const text = `\uFEFF---\r\ntitle: T\r\npublisher: P\rpublished: 2024-10\r\n---\r\n${body}`;
    const article = ingestSource("ok.md", new TextEncoder().encode(text), registry);
    expect(article.published).toBe("2024-10");
    expect(article.text).toBe(body);
    expect(decodeSource(new TextEncoder().encode("a\r\nb\rc"), "x")).toBe("a\nb\nc");
  });
});
