import { describe, expect, it } from "vitest";
import { escapeHtml, html, safeUrl } from "../src/_html.ts";
import { highlight } from "../src/_highlight.ts";
import { relativeHref, slugOf } from "../src/_paths.ts";
import { renderMarkdown } from "../src/_markdown.ts";
import { dateValue, renderTimeline } from "../src/_timeline.ts";
import { citationOf } from "../src/_version.ts";
import { groupByCountry } from "../src/_entities.ts";
import { formatBytes, formatCount } from "../src/_format.ts";
import { renderSite } from "../src/_site.ts";
import { CONTENT_SECURITY_POLICY } from "../src/_layout.ts";
import type { SiteInput } from "../src/_input.ts";
import type { SearchData } from "../src/_search.ts";
import { HOSTILE, hostileDataset } from "./_hostile.ts";

describe("escaping", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ['"><img src=x onerror=alert(1)>', "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"],
    ["Tom & Jerry's", "Tom &amp; Jerry&#39;s"],
    ["plain", "plain"],
  ])("escapes %s", (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
    expect(html`<p title="${text}">${text}</p>`.value).toBe(`<p title="${expected}">${expected}</p>`);
  });

  it("joins arrays and keeps markup made by html", () => {
    expect(html`<ul>${["<a>", html`<li>ok</li>`, null, false]}</ul>`.value).toBe("<ul>&lt;a&gt;<li>ok</li></ul>");
  });

  it.each([
    ["https://example.org/a?b=1", "https://example.org/a?b=1"],
    ["http://example.org", "http://example.org/"],
    ["javascript:alert(1)", null],
    [" JavaScript:alert(1)", null],
    ["data:text/html,<script>", null],
    ["not a url", null],
    [null, null],
  ])("links only web addresses: %s", (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });
});

describe("highlight", () => {
  const marked = (sentence: string, terms: string[]): string =>
    highlight(sentence, terms)
      .map((s) => (s.marked ? `[${s.text}]` : s.text))
      .join("");
  it.each([
    [
      "Sergey Lavrov met the envoys in Kazan.",
      ["Sergey Lavrov", "Kazan"],
      "[Sergey Lavrov] met the envoys in [Kazan].",
    ],
    ["Lavrov said Sergey Lavrov would go.", ["Lavrov", "Sergey Lavrov"], "[Lavrov] said [Sergey Lavrov] would go."],
    ["“We’ll act,” he said.", ["We'll act,"], "“[We’ll act,]” he said."],
    ["KAZAN hosted talks.", ["Kazan"], "[KAZAN] hosted talks."],
    ["Nothing here.", ["Moscow", "a"], "Nothing here."],
  ])("%s", (sentence, terms, expected) => {
    expect(marked(sentence, terms)).toBe(expected);
  });
});

describe("paths", () => {
  it.each([
    ["meeting:moscow-format:2024-10:moscow", "moscow-format-2024-10-moscow"],
    ["meeting:2023-09-29:kazan", "2023-09-29-kazan"],
    ["person:sergey-lavrov", "sergey-lavrov"],
    ["person:../../etc/passwd", "etc-passwd"],
  ])("slug of %s", (id, slug) => {
    expect(slugOf(id)).toBe(slug);
  });

  it.each([
    ["index.html", "search.html", "search.html"],
    ["index.html", "c/1.0.0/index.html", "c/1.0.0/index.html"],
    ["c/1.0.0/index.html", "c/1.0.0/meetings.csv", "meetings.csv"],
    ["c/meetings/x.html", "c/people/y.html", "../people/y.html"],
    ["c/meetings/x.html", "search.html", "../../search.html"],
    ["c/meetings/x.html", "c/meetings/z.html", "z.html"],
  ])("from %s to %s", (from, to, href) => {
    expect(relativeHref(from, to)).toBe(href);
  });
});

describe("timeline", () => {
  it.each([
    ["2024", Date.UTC(2024, 6, 1)],
    ["2024-10", Date.UTC(2024, 9, 15)],
    ["2025-10-07", Date.UTC(2025, 9, 7)],
  ])("places %s", (date, value) => {
    expect(dateValue(date)).toBe(value);
  });

  it("draws one linked mark per meeting, in date order along the axis, with escaped labels", () => {
    const dataset = hostileDataset();
    const base = dataset.meetings[0]!;
    const meetings = [
      { ...base, meeting_id: "m1", date: "2023-01-01", name: "First" },
      { ...base, meeting_id: "m2", date: "2024-06", name: HOSTILE.meeting },
      { ...base, meeting_id: "m3", date: "2025-12-31", series: "Other", name: "Last" },
    ];
    const svg = renderTimeline(
      meetings.map((m) => ({ meeting: m, href: `meetings/${m.meeting_id}.html` })),
      "Timeline",
    ).value;
    expect(svg.match(/<a href=/g)).toHaveLength(3);
    const xs = [...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain(">Other<");
  });

  it("draws nothing for no meetings", () => {
    expect(renderTimeline([], "Timeline").value).toBe("");
  });
});

describe("markdown", () => {
  it("shows raw HTML as text and refuses script links", () => {
    const out = renderMarkdown(
      "# Title\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) [ok](https://example.org)",
    ).value;
    expect(out).toContain("<h3>Title</h3>");
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).not.toContain('href="javascript:');
    expect(out).toContain('href="https://example.org"');
  });
});

describe("citation", () => {
  it("names the version and its release date", () => {
    const c = citationOf(
      { name: "moscow-format", title: "Moscow Format {talks}" },
      { version: "1.2.0", created: "2026-11-23T14:03:29Z" },
    );
    expect(c.text).toBe(
      "Parley contributors (2026). Moscow Format {talks} (version 1.2.0, released 2026-11-23) [Data set]. Parley dataset moscow-format 1.2.0.",
    );
    expect(c.bibtex).toContain("@misc{parley-moscow-format-1-2-0,");
    expect(c.bibtex).toContain("title = {Moscow Format talks}");
    expect(c.bibtex).toContain("version = {1.2.0}");
    expect(c.bibtex).toContain("date = {2026-11-23}");
  });
});

describe("formatting", () => {
  it.each([
    [999, "999 B"],
    [4252, "4.3 kB"],
    [16893, "17 kB"],
    [2_500_000, "2.5 MB"],
  ])("%d bytes", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
  it.each([
    [0, "0"],
    [1000, "1,000"],
    [100000, "100,000"],
  ])("count %d", (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});

describe("attendees by country", () => {
  it("orders countries by name, delegations before people, unknown country last", () => {
    const [a] = hostileDataset().attendees;
    const rows = [
      { ...a!, attendee_id: "1", name: "Zed", country: "RUS", attendee_type: "person" as const },
      { ...a!, attendee_id: "2", name: "Russia", country: "RUS", attendee_type: "country" as const },
      { ...a!, attendee_id: "3", name: "Nobody", country: null },
      { ...a!, attendee_id: "4", name: "Afghanistan", country: "AFG", attendee_type: "country" as const },
    ];
    expect(groupByCountry(rows).map((g) => [g.country, g.attendees.map((x) => x.name)])).toEqual([
      ["AFG", ["Afghanistan"]],
      ["RUS", ["Russia", "Zed"]],
      [null, ["Nobody"]],
    ]);
  });
});

describe("a site from hostile text", () => {
  const input: SiteInput = {
    collections: [
      {
        name: "hostile",
        title: HOSTILE.title,
        description: HOSTILE.quote,
        license: HOSTILE.publisher,
        versions: [
          {
            version: "1.0.0",
            created: "2024-05-04T00:00:00Z",
            files: [{ name: "quotes.csv", bytes: 10, sha256: "b".repeat(64) }],
            readme: `# ${HOSTILE.title}`,
            changelog: HOSTILE.quote,
          },
        ],
        shown: "1.0.0",
        dataset: hostileDataset(),
      },
    ],
  };
  const files = renderSite(input);
  const pages = [...files].filter(([path]) => path.endsWith(".html"));

  it("renders every page kind", () => {
    expect(pages.map(([p]) => p).sort()).toEqual([
      "hostile/1.0.0/index.html",
      "hostile/meetings/2024-05-02-hostile-city.html",
      "hostile/meetings/index.html",
      "hostile/people/index.html",
      "hostile/people/svg-onload-alert5.html",
      "hostile/sources.html",
      "index.html",
      "search.html",
    ]);
  });

  it.each(Object.entries(HOSTILE).filter(([key]) => key !== "url"))("never emits the %s as markup", (_key, text) => {
    for (const [path, page] of pages) {
      expect(page.includes(text), path).toBe(false);
    }
    expect(pages.some(([, page]) => page.includes(escapeHtml(text)))).toBe(true);
  });

  it("links no javascript: URL and runs no inline script, under a policy that forbids it", () => {
    for (const [path, page] of pages) {
      expect(page, path).not.toMatch(/href="javascript:/i);
      expect(page, path).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(page, path).not.toMatch(/\sstyle=/);
      expect(page, path).toContain(
        `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
      );
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  });

  it("puts the hostile text in the search index as data", () => {
    const index = files.get("assets/search-index.js") ?? "";
    const call = index.match(/^window\.parleySearch = JSON\.parse\((".*")\);$/m);
    expect(call).not.toBeNull();
    const data = JSON.parse(JSON.parse(call?.[1] ?? '""') as string) as SearchData;
    expect(data.docs).toEqual([[HOSTILE.quote, 0, 0, 0]]);
    expect(data.speakers).toEqual([[HOSTILE.speaker, "hostile/people/svg-onload-alert5.html"]]);
    expect(data.meetings).toEqual([
      [`${HOSTILE.meeting} (2024-05-02)`, "hostile/meetings/2024-05-02-hostile-city.html"],
    ]);
    expect(data.collections).toEqual([HOSTILE.title]);
  });
});
