import { describe, expect, it } from "vitest";
import { sha256 } from "@parley/model";
import { splitFrontMatter } from "@parley/ingest";
import {
  findDuplicate,
  identifySource,
  MISSING,
  normalizeUrl,
  renderSourceFile,
  sourceFileName,
  type SourceFields,
} from "../src/index.ts";

const TEXT =
  "Russia hosted Taliban leaders for talks on regional security Friday as it seeks to forge ties with Afghanistan's new rulers.\n\nThe talks were held in the city of Kazan.";

describe("renderSourceFile", () => {
  it.each<[string, SourceFields]>([
    [
      "a plain title",
      {
        title: "Kazan hosts Moscow Format talks on Afghanistan",
        publisher: "Steppe Post",
        published: "2023-09-29",
        url: "https://steppepost.example/news/20923",
        language: "en",
      },
    ],
    [
      "YAML-hostile values",
      {
        title: 'Doha talks: what the "third" UN meeting did #2',
        publisher: "Yes",
        published: "2024",
        url: "https://kabuldesk.example/?p=4127&lang=en",
        language: "en",
      },
    ],
    [
      "a title with a backslash and an apostrophe",
      {
        title: "Russia’s line \\ Taliban's view: - not: a list",
        publisher: "The Caspian Ledger",
        published: "2025-10",
        url: "https://www.caspianledger.example/a",
        language: "en",
      },
    ],
  ])("writes front matter the pipeline reads back unchanged: %s", (_, fields) => {
    const file = renderSourceFile(fields, TEXT);
    const { frontMatter, body, bodyLine } = splitFrontMatter(file, "x.md");
    expect(frontMatter).toEqual({ ...fields, title_is_headline: true });
    expect(body).toBe(`${TEXT}\n`);
    expect(bodyLine).toBe(8);
  });

  it("writes MISSING unquoted so that check finds the marker on its line", () => {
    const file = renderSourceFile(
      { title: MISSING, publisher: MISSING, published: MISSING, url: MISSING, language: "en" },
      TEXT,
    );
    expect(file.split("\n").slice(0, 7)).toEqual([
      "---",
      "title: MISSING",
      "publisher: MISSING",
      "published: MISSING",
      "url: MISSING",
      "language: en",
      "---",
    ]);
  });
});

describe("sourceFileName", () => {
  it("numbers after the highest existing source and names the body's hash", () => {
    const name = sourceFileName(["000_19d7d37b3b019f88.md", "004_94cf14c4f1cc1c4e.md", "README.md", "notes.txt"], TEXT);
    expect(name).toBe(`005_${sha256(`${TEXT}\n`).slice(0, 16)}.md`);
    expect(name).toMatch(/^[0-9]{3}_[0-9a-f]{16}\.md$/);
  });

  it("starts at 000 in an empty collection and does not depend on the front matter", () => {
    expect(sourceFileName([], TEXT)).toBe(sourceFileName([], `\n${TEXT}\n\n`));
    expect(sourceFileName([], TEXT).startsWith("000_")).toBe(true);
  });
});

describe("duplicates", () => {
  const existing = [
    identifySource(
      "sources/003.md",
      `---\ntitle: "Kazan"\npublisher: Steppe Post\npublished: 2023-09-29\nurl: https://www.steppepost.example/news/20923/\n---\n${TEXT}\n`,
    ),
    identifySource(
      "sources/004.md",
      `---\ntitle: broken: yes: no\n---\nEnvoys agreed to set up working groups on the two topics.\n`,
    ),
  ];

  it.each([
    [
      "the same URL",
      "https://steppepost.example/news/20923",
      "Other text entirely.",
      { file: "sources/003.md", by: "url" },
    ],
    [
      "the URL with tracking parameters and a fragment",
      "http://m.steppepost.example/news/20923?utm_source=telegram&utm_medium=social#comments",
      "Other text.",
      { file: "sources/003.md", by: "url" },
    ],
    [
      "the same text re-saved with other spacing",
      null,
      TEXT.replace(/\n\n/g, "\n").replace(/ /g, "  "),
      { file: "sources/003.md", by: "text" },
    ],
    [
      "the text of a file whose front matter is broken",
      null,
      "Envoys agreed to set up working groups on the two topics.",
      { file: "sources/004.md", by: "text" },
    ],
    [
      "a different article",
      "https://steppepost.example/news/20880",
      "Special envoys met in Tashkent on Tuesday.",
      null,
    ],
    ["an article without URL", null, "Special envoys met in Tashkent on Tuesday.", null],
  ])("%s", (_, url, text, expected) => {
    expect(findDuplicate({ url, text }, existing)).toEqual(expected);
  });

  it.each([
    [
      "https://www.caspianledger.example/world/asia/2025/10/07/talks/",
      "caspianledger.example/world/asia/2025/10/07/talks",
    ],
    [
      "https://caspianledger.example/world/asia/2025/10/07/talks/amp/",
      "caspianledger.example/world/asia/2025/10/07/talks",
    ],
    ["https://kabuldesk.example/?p=4127&fbclid=abc", "kabuldesk.example?p=4127"],
    ["https://kabuldesk.example/?p=4127", "kabuldesk.example?p=4127"],
  ])("normalizeUrl(%s) = %s", (url, expected) => {
    expect(normalizeUrl(url)).toBe(expected);
  });
});
