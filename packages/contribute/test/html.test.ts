import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeHtml, looksLikeHtml, normalizeDate, readHtmlArticle, readPlainArticle } from "../src/index.ts";

const fixture = (name: string): string => decodeHtml(readFileSync(join(import.meta.dirname, "fixtures", name)));

describe("readHtmlArticle on saved news pages", () => {
  it.each([
    {
      page: "caspian-ledger-moscow-talks-2025.html",
      // JSON-LD NewsArticle, Open Graph and a canonical link all present: JSON-LD and canonical win.
      metadata: {
        title: "Regional envoys back Russia’s line on foreign bases at Moscow talks on Afghanistan",
        publisher: "The Caspian Ledger",
        published: "2025-10-07",
        url: "https://www.caspianledger.example/world/asia/2025/10/07/moscow-format-envoys-reject-foreign-bases-afghanistan/",
        language: "en",
      },
      first:
        "Delegations from China, India, Iran, Pakistan and Central Asia joined Russia in rejecting any foreign military presence",
      kept: [
        "was “categorically unacceptable under any pretext”, in a message aimed squarely at Washington.",
        "The next round of consultations is expected to take place in 2026, the Russian foreign ministry said.",
      ],
      furniture: [
        "We use cookies",
        "Advertisement",
        "Share on Facebook",
        "Read more",
        "Russia becomes first country to recognise",
        "Get the Asia Briefing",
        "Dilnoza Karimova",
        "4 min read",
        "Delegates at the consultations on Afghanistan in Moscow on Tuesday. Photo",
        "Tajikistan and Afghanistan hold border talks",
        "Most read",
        "gtag(",
        "__LEDGER_STATE__",
        "All rights reserved",
        "Subscribe from",
        "Oil prices climb",
      ],
    },
    {
      page: "steppe-post-kazan-talks-2023.html",
      // windows-1252 bytes, JSON-LD @graph, no Open Graph, no canonical: the URL comes from the browser's "saved from" mark.
      metadata: {
        title: "Kazan hosts Moscow Format talks on Afghanistan",
        publisher: "Steppe Post",
        published: "2023-09-29",
        url: "https://steppepost.example/news/politics/kazan-hosts-moscow-format-talks-on-afghanistan-20923",
        language: "en",
      },
      first: "KAZAN – Russia convened the fifth meeting of the Moscow Format consultations on Afghanistan",
      kept: [
        "said Moscow would “continue to develop multifaceted contacts with Afghanistan” and called",
        "led by the group’s acting foreign minister",
      ],
      furniture: [
        "Latest news",
        "Tenge steady",
        "Envoys meet in Tashkent",
        "Share:",
        "Comments (2)",
        "Finally some real diplomacy",
        "Exchange rates",
        "Copyright",
        "_counter",
        "29.09.2023 21:40",
        "Open a deposit",
      ],
    },
    {
      page: "kabul-desk-doha-meeting-2024.html",
      // A blog page that says only its title: the rest is left for `add` to ask or mark MISSING.
      metadata: {
        title: "Doha talks: what the third UN meeting on Afghanistan did and did not achieve",
        publisher: null,
        published: null,
        url: null,
        language: null,
      },
      first: "The United Nations brought special envoys on Afghanistan together in Doha for two days of talks",
      kept: ["No date was set for a fourth meeting in the Doha process."],
      furniture: [
        "Notes on Afghan politics",
        "Leave a comment",
        "Useful summary, thank you",
        "Recent Posts",
        "Archives",
        "Previous: UN envoy visits Kandahar",
        "Proudly powered by WordPress",
        "This site uses cookies",
        "Posted in",
      ],
    },
  ])("$page: metadata, article text and no page furniture", ({ page, metadata, first, kept, furniture }) => {
    const article = readHtmlArticle(fixture(page));
    expect({
      title: article.title,
      publisher: article.publisher,
      published: article.published,
      url: article.url,
      language: article.language,
    }).toEqual(metadata);
    expect(article.text.startsWith(first)).toBe(true);
    for (const sentence of kept) expect(article.text).toContain(sentence);
    for (const text of furniture) expect(article.text).not.toContain(text);
    // One paragraph per line, separated by a blank line, no stray spaces.
    for (const paragraph of article.text.split("\n\n")) expect(paragraph).toMatch(/^\S.*\S$/);
  });

  it("repeats no paragraph and keeps the article's order", () => {
    const text = readHtmlArticle(fixture("caspian-ledger-moscow-talks-2025.html")).text;
    const paragraphs = text.split("\n\n");
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
    expect(text.indexOf("For the first time, the Taliban government")).toBeLessThan(
      text.indexOf("Muttaqi thanked Moscow"),
    );
  });
});

describe("page metadata details", () => {
  it.each([
    ["2025-10-07T19:05:00+03:00", "2025-10-07"], // the publisher's local date, not converted to UTC
    ["2023-09-29T21:40:00+06:00", "2023-09-29"],
    ["2024-07-01", "2024-07-01"],
    ["Tue, 07 Oct 2025 16:05:00 GMT", "2025-10-07"],
    ["07/10/2025", null], // day and month cannot be told apart
    ["yesterday", null],
  ])("normalizeDate(%s) = %s", (value, expected) => {
    expect(normalizeDate(value)).toBe(expected);
  });

  it("reads Open Graph when there is no JSON-LD, and cuts the site name from <title>", () => {
    const html = `<html lang="en-US"><head><title>Envoys meet in Tashkent ahead of Kazan talks - Steppe Post</title>
      <meta property="og:site_name" content="Steppe Post"><meta property="article:published_time" content="2023-09-26T10:00:00Z">
      <meta property="og:url" content="https://steppepost.example/news/politics/envoys-meet-in-tashkent-20880?utm_source=tg"></head>
      <body><p>Special envoys met in Tashkent on Tuesday to prepare the Kazan round of consultations on Afghanistan, officials said.</p></body></html>`;
    const article = readHtmlArticle(html);
    expect(article).toMatchObject({
      title: "Envoys meet in Tashkent ahead of Kazan talks",
      publisher: "Steppe Post",
      published: "2023-09-26",
      url: "https://steppepost.example/news/politics/envoys-meet-in-tashkent-20880?utm_source=tg",
      language: "en",
    });
  });

  it("decodes entities left in JSON-LD and cuts the site name from an Open Graph title", () => {
    const html = `<html><head><meta property="og:title" content="Russia and China back talks | The Caspian Ledger">
      <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-10-07", "publisher": {"name": "Ledger &amp; Co &#8211; Asia"}}</script>
      <meta property="og:site_name" content="The Caspian Ledger"></head><body><p>Text.</p></body></html>`;
    expect(readHtmlArticle(html)).toMatchObject({ publisher: "Ledger & Co – Asia", published: "2025-10-07" });
    const plain = html.replace(/"publisher": \{[^}]*\}/, '"x": 1');
    expect(readHtmlArticle(plain)).toMatchObject({
      title: "Russia and China back talks",
      publisher: "The Caspian Ledger",
    });
  });

  it("ignores broken JSON-LD and a non-web canonical link", () => {
    const html = `<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
      <link rel="canonical" href="file:///C:/Users/me/Downloads/page.html"><meta property="og:title" content="Envoys agree working groups in Doha"></head><body><p>Text.</p></body></html>`;
    expect(readHtmlArticle(html)).toMatchObject({ title: "Envoys agree working groups in Doha", url: null });
  });
});

describe("input kinds", () => {
  it.each([
    ["page.html", "anything", true],
    ["page.HTM", "anything", true],
    ["article.txt", "<!DOCTYPE html><html><body></body></html>", true],
    ["article.txt", "<!-- saved from url=(0030)https://example.org/ -->\n<html lang=en>", true],
    ["article.txt", "Russia hosted Taliban leaders for talks on regional security.", false],
  ])("looksLikeHtml(%s, %s) = %s", (name, head, expected) => {
    expect(looksLikeHtml(name, head)).toBe(expected);
  });

  it("reads the fields of a source file written by hand", () => {
    const file =
      '---\ntitle: "Russia hosts Taliban for talks on regional security in Kazan"\npublisher: The Moscow Times\npublished: 2023-09-29\nurl: MISSING\n---\nRussia hosted Taliban leaders for talks on regional security Friday.\n';
    expect(readPlainArticle(file)).toEqual({
      title: "Russia hosts Taliban for talks on regional security in Kazan",
      publisher: "The Moscow Times",
      published: "2023-09-29",
      url: null,
      language: null,
      text: "Russia hosted Taliban leaders for talks on regional security Friday.",
    });
  });

  it("tidies plain text without changing its words", () => {
    const raw = "\uFEFFSpecial envoys met in Tashkent on Tuesday.  \r\n\r\n\r\n\r\nThey prepared the Kazan round.\r\n";
    expect(readPlainArticle(raw).text).toBe(
      "Special envoys met in Tashkent on Tuesday.\n\nThey prepared the Kazan round.",
    );
  });
});
