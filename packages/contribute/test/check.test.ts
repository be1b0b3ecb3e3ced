import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "@parley/model";
import { loadRegistry } from "@parley/registry";
import { MAX_BODY_CHARS } from "@parley/ingest";
import {
  buildWarnings,
  checkDuplicates,
  checkNearDuplicates,
  checkSourceFile,
  checkStrayFiles,
  SUSPICIOUS_BODY_CHARS,
} from "../src/index.ts";

const registry = loadRegistry(join(import.meta.dirname, "../../../pipelines/registry"));
const TODAY = "2026-11-23";
const FILE = "pipelines/moscow-format/sources/005_0123456789abcdef.md";
const BODY =
  '"We consider the return of U.S. and NATO military infrastructure to the territory of Afghanistan and its neighboring states to be unacceptable," Lavrov said.\n';
const FRONT = [
  'title: "Russia hosts Taliban for talks on regional security in Kazan"',
  "publisher: The Moscow Times",
  "published: 2023-09-29",
  "url: https://www.themoscowtimes.com/2023/09/29/russia-hosts-taliban-a82612",
  "language: en",
];
const source = (front: readonly string[], body = BODY): string => ["---", ...front, "---", body].join("\n");
const replace = (field: string, line: string | null): string[] =>
  FRONT.flatMap((l) => (l.startsWith(`${field}:`) ? (line === null ? [] : [line]) : [l]));

const check = (text: string | Uint8Array, file = FILE): string[] =>
  checkSourceFile(file, typeof text === "string" ? new TextEncoder().encode(text) : text, registry, TODAY).map(
    formatProblem,
  );

const F = FILE;
const FIX = {
  title: 'write the article\'s headline in double quotes, e.g. title: "Envoys meet in Doha on regional security"',
  publisher: "write the name of the newspaper or site, e.g. publisher: Reuters",
  published: "write the date the article was published as YYYY-MM-DD (YYYY-MM or YYYY if the page gives no day)",
  url: "paste the article's web address starting with https://, or delete the line if the article was never online",
  language: "write the two-letter code of the article's language, e.g. language: en",
  retrieved: "write the date you saved the article as YYYY-MM-DD, or delete the line",
};

describe("checkSourceFile: one line per problem, on the right line", () => {
  it("accepts a correct source", () => {
    expect(check(source(FRONT))).toEqual([]);
  });

  it.each([
    [
      "no front matter",
      BODY,
      [
        `${F}:1: no front matter: the file must start with a line '---' — add title, publisher, published and url between two '---' lines at the top (see CONTRIBUTING.md)`,
      ],
    ],
    [
      "front matter not closed",
      ["---", ...FRONT, BODY].join("\n"),
      [`${F}:1: the front matter is not closed — add a line '---' after the last front matter field`],
    ],
    [
      "a value with ': ' in it",
      source(replace("title", "title: Russia hosts Taliban: talks in Kazan")),
      [
        `${F}:2: the value of 'title' contains ': ', which YAML reads as another field — put the value in double quotes: title: "Russia hosts Taliban: talks in Kazan"`,
      ],
    ],
    [
      "a line that is not 'field: value'",
      source(replace("language", 'language: "en')),
      [
        `${F}:6: this line cannot be read as 'field: value' (Missing closing "quote) — write one 'field: value' per line, and put a value that contains ': ' or starts with a quote in double quotes`,
      ],
    ],
    [
      "a field given twice",
      source([...FRONT, "publisher: Moscow Times"]),
      [`${F}:7: 'publisher' is given twice (first on line 3) — keep one of the two lines`],
    ],
    [
      "a YAML mistake does not hide the other problems",
      source([
        "title: Regional envoys back Russia’s line: foreign bases",
        "publisher: The Caspian Ledger",
        "published: 07/10/2025",
        "url: https://www.caspianledger.example/world/asia/2025/10/07/talks/",
        "language: en",
        "autor: Dilnoza Karimova",
      ]),
      [
        `${F}:2: the value of 'title' contains ': ', which YAML reads as another field — put the value in double quotes: title: "Regional envoys back Russia’s line: foreign bases"`,
        `${F}:4: 'published' is "07/10/2025", not a date as YYYY, YYYY-MM or YYYY-MM-DD — ${FIX.published}`,
        `${F}:7: unknown field 'autor' — correct its name or delete the line; the fields are title, title_is_headline, publisher, published, url, language, retrieved`,
      ],
    ],
    [
      "no fields at all",
      source([]),
      [
        `${F}:2: the front matter holds no fields — write one 'field: value' per line: title, publisher, published, url`,
      ],
    ],
    [
      "an unknown field",
      source([...FRONT, "author: Staff reporter"]),
      [
        `${F}:7: unknown field 'author' — correct its name or delete the line; the fields are title, title_is_headline, publisher, published, url, language, retrieved`,
      ],
    ],
    ["a missing title", source(replace("title", null)), [`${F}:2: 'title' is missing — ${FIX.title}`]],
    [
      "an empty publisher",
      source(replace("publisher", "publisher:")),
      [`${F}:3: 'publisher' is missing — ${FIX.publisher}`],
    ],
    [
      "a MISSING marker",
      source(replace("published", "published: MISSING")),
      [`${F}:4: 'published' is marked MISSING: it was not found in the article — ${FIX.published}`],
    ],
    [
      "a MISSING url",
      source(replace("url", "url: MISSING")),
      [`${F}:5: 'url' is marked MISSING: it was not found in the article — ${FIX.url}`],
    ],
    [
      "a date in the wrong format",
      source(replace("published", "published: 29/09/2023")),
      [`${F}:4: 'published' is "29/09/2023", not a date as YYYY, YYYY-MM or YYYY-MM-DD — ${FIX.published}`],
    ],
    [
      "a day that does not exist",
      source(replace("published", "published: 2023-02-30")),
      [`${F}:4: 'published' is "2023-02-30", not a day that exists in that month — ${FIX.published}`],
    ],
    [
      "a date after today",
      source(replace("published", "published: 2027-01")),
      [`${F}:4: 'published' is 2027-01, after today (2026-11-23) — ${FIX.published}`],
    ],
    [
      "retrieved before published",
      source([...FRONT, "retrieved: 2023-09-01"]),
      [`${F}:7: 'retrieved' is 2023-09-01, before the article was published (2023-09-29) — ${FIX.retrieved}`],
    ],
    [
      "a URL that is not a URL",
      source(replace("url", "url: themoscowtimes.com/2023/09/29")),
      [
        `${F}:5: 'url' is "themoscowtimes.com/2023/09/29", not a full URL starting with http:// or https:// — ${FIX.url}`,
      ],
    ],
    [
      "a URL that is not a web address",
      source(replace("url", "url: ftp://files.example/article.txt")),
      [`${F}:5: 'url' is "ftp://files.example/article.txt", not a web address — ${FIX.url}`],
    ],
    [
      "a title that is a number",
      source(replace("title", "title: 1989")),
      [`${F}:2: 'title' is 1989, not text — ${FIX.title}`],
    ],
    [
      "a language name instead of a code",
      source(replace("language", "language: English")),
      [`${F}:6: 'language' is "English", not a language code such as en — ${FIX.language}`],
    ],
    [
      "an empty body",
      source(FRONT, "\n\n"),
      [`${F}:8: the article body is empty — paste the article text below the closing '---'`],
    ],
    [
      "a body of publisher furniture only",
      source(FRONT, "A Message from The Moscow Times:\nDear readers,\nWe are facing unprecedented challenges.\n"),
      [
        `${F}:8: the body holds only page furniture (share buttons, subscription appeals) — paste the article text itself`,
      ],
    ],
    [
      "a body longer than one article may be",
      source(FRONT, `${BODY}\n`.repeat(Math.ceil(MAX_BODY_CHARS / BODY.length) + 1)),
      [
        expect.stringMatching(
          new RegExp(
            `^${F}:8: the article body has \\d+ characters, more than the 1000000 one article may have — keep one article per file, without page furniture$`,
          ),
        ),
      ],
    ],
    [
      "several problems at once, each on its own line",
      source([
        "title: MISSING",
        "publisher: The Moscow Times",
        "published: 2023-13-01",
        "url: MISSING",
        "langauge: en",
      ]),
      [
        `${F}:2: 'title' is marked MISSING: it was not found in the article — ${FIX.title}`,
        `${F}:4: 'published' is "2023-13-01", not a date as YYYY, YYYY-MM or YYYY-MM-DD — ${FIX.published}`,
        `${F}:5: 'url' is marked MISSING: it was not found in the article — ${FIX.url}`,
        `${F}:6: unknown field 'langauge' — correct its name or delete the line; the fields are title, title_is_headline, publisher, published, url, language, retrieved`,
      ],
    ],
  ])("%s", (_, text, expected) => {
    expect(check(text)).toEqual(expected);
  });

  it("reports a file that is not UTF-8 with the line of the first bad byte", () => {
    const bytes = new TextEncoder().encode(source(FRONT, "Line one of the article.\nLavrov said: X\n"));
    bytes[bytes.lastIndexOf(0x58)] = 0x93; // a windows-1252 curly quote
    expect(check(bytes)).toEqual([`${F}:9: the file is not valid UTF-8 — re-save the file with UTF-8 encoding`]);
  });

  it("reports a binary file", () => {
    expect(check(Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]))).toEqual([
      `${F}:2: the file contains a NUL byte: it is binary, not text — save the article as plain UTF-8 text`,
    ]);
  });

  it("reports a file name that is not safe everywhere", () => {
    expect(check(source(FRONT), "pipelines/moscow-format/sources/Moscow talks (copy).md")).toEqual([
      "pipelines/moscow-format/sources/Moscow talks (copy).md: the file name has characters that are not safe on every system — rename it to letters, digits, '-', '_' and '.md' only, e.g. with 'pnpm parley add'",
    ]);
  });

  it("warns about a body longer than any news article", () => {
    const long = `${BODY}\n`.repeat(Math.ceil(SUSPICIOUS_BODY_CHARS / BODY.length) + 1);
    const problems = checkSourceFile(FILE, new TextEncoder().encode(source(FRONT, long)), registry, TODAY);
    expect(problems.map((p) => [p.severity, p.line, p.message.replace(/\d+ characters/, "N characters")])).toEqual([
      ["warning", 8, "the article body has N characters, longer than any news article we hold"],
    ]);
  });
});

describe("collection-level checks", () => {
  const A = "pipelines/moscow-format/sources/003_96bfffb7ac8232e6.md";
  const B = "pipelines/moscow-format/sources/005_0123456789abcdef.md";

  it.each([
    [
      "the same URL",
      source(FRONT),
      source(FRONT, "Another text of the same page."),
      [
        `${B}:5: the same article URL as ${A} — the article is already in the collection: delete 005_0123456789abcdef.md`,
      ],
    ],
    [
      "the same text",
      source(replace("url", null)),
      source(replace("url", "url: https://mirror.example/kazan"), `\n${BODY}`),
      [
        `${B}:8: the same article text as ${A} — the article is already in the collection: delete 005_0123456789abcdef.md`,
      ],
    ],
    [
      "different articles",
      source(FRONT),
      source(replace("url", "url: https://mirror.example/kazan"), "Special envoys met in Tashkent on Tuesday."),
      [],
    ],
  ])("checkDuplicates: %s", (_, first, second, expected) => {
    expect(
      checkDuplicates([
        { file: A, text: first },
        { file: B, text: second },
      ]).map(formatProblem),
    ).toEqual(expected);
  });

  describe("checkNearDuplicates", () => {
    const seeds = join(import.meta.dirname, "../../../pipelines/moscow-format/sources");
    const kazan = readFileSync(join(seeds, "003_96bfffb7ac8232e6.md"), "utf8");
    const other = readFileSync(join(seeds, "004_94cf14c4f1cc1c4e.md"), "utf8");
    const paragraphs = kazan.split("\n---\n")[1]?.split("\n").filter(Boolean) ?? [];
    // The same story republished by another outlet: new first paragraph, the donation appeal and last lines cut.
    const syndicated = source(
      replace("url", "url: https://wire.example/kazan"),
      [
        "KAZAN (Agencies) - Russia hosted Taliban officials for talks in the city of Kazan on Friday.",
        ...paragraphs.slice(1, -3),
      ].join("\n"),
    );

    it.each([
      [
        "a republished wire story",
        syndicated,
        () => true,
        [
          expect.stringMatching(
            new RegExp(
              `^${B}: \\d+% of its text is the same as ${A} — if both are copies of one wire story, keep the original and say so in the pull request$`,
            ),
          ),
        ],
      ],
      ["another article about the same talks", other, () => true, []],
      ["two sources already released", syndicated, () => false, []],
    ])("%s", (_, second, isNew, expected) => {
      const problems = checkNearDuplicates(
        [
          { file: A, text: kazan },
          { file: B, text: second },
        ],
        isNew,
      );
      expect(problems.map(formatProblem)).toEqual(expected);
      expect(problems.every((p) => p.severity === "warning")).toBe(true);
    });
  });

  it("warns about files the build does not read", () => {
    expect(
      checkStrayFiles(["moscow-talks.html"], "pipelines/moscow-format/sources").map((p) => [
        p.severity,
        formatProblem(p),
      ]),
    ).toEqual([
      [
        "warning",
        "pipelines/moscow-format/sources/moscow-talks.html: not a source file: the build reads only .md files — turn it into one with 'pnpm parley add pipelines/moscow-format/sources/moscow-talks.html', then delete it",
      ],
    ]);
  });

  it("puts pipeline warnings on the source they name, keeps a curated entry's place, others on the collection", () => {
    const problems = buildWarnings(
      [
        "005_0123456789abcdef: no quote and no meeting found",
        "pipelines/moscow-format/curation.yaml:12: the correction for quote:ab12cd34ef56 matches no row — correct its ID or delete the entry",
        "the normalizer merged two spellings of one name",
      ],
      new Map([["005_0123456789abcdef", B]]),
      "pipelines/moscow-format/collection.yaml",
    );
    expect(problems.map((p) => [p.severity, formatProblem(p)])).toEqual([
      [
        "warning",
        `${B}: no quote and no meeting found — check that the article reports a diplomatic meeting; if it does, say in the pull request what the extractor missed`,
      ],
      [
        "warning",
        "pipelines/moscow-format/curation.yaml:12: the correction for quote:ab12cd34ef56 matches no row — correct its ID or delete the entry",
      ],
      [
        "warning",
        "pipelines/moscow-format/collection.yaml: the normalizer merged two spellings of one name — look at the entry named and correct it, or explain in the pull request why it is right",
      ],
    ]);
  });
});
